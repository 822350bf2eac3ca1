/// A compact binary encoding for values charter keeps in its caches (the history index and the
/// files beside it in `<common git dir>/charter/`): much faster to read back than JSON, and
/// small. Pure bytes in, bytes out: the file around it (`CacheFile` in CharterGit) adds the
/// format version and the checksum, so a reader here only has to be safe, never trusting.
///
/// Integers are LEB128 varints (signed ones zigzag-encoded), doubles their 8 IEEE bytes, strings
/// and arrays a varint count then their contents, optionals a 0/1 byte then the value.
/// Any read past the end, or a count larger than what is left, throws `BinaryReader.Malformed`:
/// a damaged value reads as "not there", never as a crash.
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(reservingCapacity capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    public mutating func write(_ value: Int) {
        let zigzag = (UInt64(bitPattern: Int64(value)) << 1) ^ UInt64(bitPattern: Int64(value) >> 63)
        write(zigzag)
    }

    public mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    public mutating func write(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func write<Value: BinaryCodable>(_ value: Value) {
        value.write(to: &self)
    }

}

/// Reads what `BinaryWriter` wrote, in the same order, from a slice of a larger buffer (a cache
/// file's bytes) without copying it.
public struct BinaryReader {
    /// The bytes do not hold what the reader was asked for.
    public struct Malformed: Error, Equatable {
        public init() {}
    }

    private let bytes: ArraySlice<UInt8>
    public private(set) var position: Int

    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    public var isAtEnd: Bool { position == bytes.endIndex }

    public mutating func read(_: UInt64.Type = UInt64.self) throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.endIndex, shift < 64 else { throw Malformed() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    public mutating func read(_: Int.Type = Int.self) throws -> Int {
        let zigzag = try read(UInt64.self)
        return Int(Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
    }

    public mutating func read(_: Bool.Type = Bool.self) throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    public mutating func read(_: Double.Type = Double.self) throws -> Double {
        guard bytes.endIndex - position >= 8 else { throw Malformed() }
        var pattern: UInt64 = 0
        for offset in 0..<8 { pattern |= UInt64(bytes[position + offset]) << (8 * UInt64(offset)) }
        position += 8
        return Double(bitPattern: pattern)
    }

    public mutating func read(_: String.Type = String.self) throws -> String {
        let count = try self.count()
        defer { position += count }
        return bytes.withUnsafeBufferPointer { buffer in
            let start = position - bytes.startIndex
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<(start + count)]), as: UTF8.self)
        }
    }

    public mutating func read<Value: BinaryCodable>(_: Value.Type = Value.self) throws -> Value {
        try Value(from: &self)
    }

    /// A length or count that must fit in what is left (every element takes at least a byte),
    /// so a damaged count is refused before anything is allocated for it.
    public mutating func count() throws -> Int {
        let count = try read(UInt64.self)
        guard count <= UInt64(bytes.endIndex - position) else { throw Malformed() }
        return Int(count)
    }

    public mutating func byte() throws -> UInt8 {
        guard position < bytes.endIndex else { throw Malformed() }
        defer { position += 1 }
        return bytes[position]
    }
}

/// A value with a binary form: written field by field in a fixed order, read back in that order.
/// Whoever stores it versions the whole file, so changing a `write(to:)` means raising the
/// version of every file it goes into.
public protocol BinaryCodable {
    func write(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws
}

extension String: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.write(self) }
    public init(from reader: inout BinaryReader) throws { self = try reader.read(String.self) }
}

extension Int: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.write(self) }
    public init(from reader: inout BinaryReader) throws { self = try reader.read(Int.self) }
}

extension Double: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.write(self) }
    public init(from reader: inout BinaryReader) throws { self = try reader.read(Double.self) }
}

extension Bool: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.write(self) }
    public init(from reader: inout BinaryReader) throws { self = try reader.read(Bool.self) }
}

extension Optional: BinaryCodable where Wrapped: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        guard let self else { return writer.write(false) }
        writer.write(true)
        self.write(to: &writer)
    }

    public init(from reader: inout BinaryReader) throws {
        self = try reader.read(Bool.self) ? try Wrapped(from: &reader) : nil
    }
}

extension Array: BinaryCodable where Element: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(UInt64(count))
        for element in self { element.write(to: &writer) }
    }

    public init(from reader: inout BinaryReader) throws {
        let count = try reader.count()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(from: &reader)) }
    }
}

extension BinaryCodable where Self: RawRepresentable, RawValue == String {
    public func write(to writer: inout BinaryWriter) { writer.write(rawValue) }
    public init(from reader: inout BinaryReader) throws {
        guard let value = Self(rawValue: try reader.read(String.self)) else { throw BinaryReader.Malformed() }
        self = value
    }
}

extension BinaryWriter {
    /// A value and its binary form in one call: `BinaryWriter.encode(record)`.
    public static func encode<Value: BinaryCodable>(_ value: Value) -> [UInt8] {
        var writer = BinaryWriter()
        value.write(to: &writer)
        return writer.bytes
    }
}

extension BinaryReader {
    /// The value these bytes hold, all of them and nothing more.
    public static func decode<Value: BinaryCodable>(_: Value.Type, from bytes: ArraySlice<UInt8>) throws -> Value {
        var reader = BinaryReader(bytes)
        let value = try Value(from: &reader)
        guard reader.isAtEnd else { throw Malformed() }
        return value
    }
}
