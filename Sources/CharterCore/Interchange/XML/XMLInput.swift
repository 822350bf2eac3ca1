/// A document's bytes as UTF-8, ready for `XMLScanner`: a UTF-8 byte order mark is dropped,
/// UTF-16 with a byte order mark (as some tools save MSPDI) is transcoded, anything else is
/// refused. The bytes are checked once, up front, for what XML 1.0 does not allow (malformed
/// UTF-8, control characters, U+FFFE/U+FFFF); the scanner reads only the good prefix and, when
/// it reaches its end, reports the problem there, so an earlier markup error still comes first.
struct XMLInput {
    private(set) var bytes: [UInt8]
    /// Bytes before this index are good; the scanner reads no further.
    private(set) var readable: Int
    /// Why reading stops at `readable` before the end (nil: every byte is good).
    private(set) var problem: XMLError.Reason?

    init(_ data: some Collection<UInt8>) {
        let raw = Array(data)
        bytes = []
        readable = 0
        problem = nil
        switch Self.byteOrderMark(raw) {
        case .utf8(let skip):
            bytes = skip == 0 ? raw : Array(raw[skip...])
        case .utf16(let bigEndian):
            transcodeUTF16(raw.dropFirst(2), bigEndian: bigEndian)
        case .refused(let reason):
            problem = reason
            return
        }
        let limit = problem == nil ? bytes.count : readable
        readable = limit
        let found = bytes.withUnsafeBufferPointer { Self.firstProblem(in: UnsafeBufferPointer(rebasing: $0[..<limit])) }
        if let (index, reason) = found {
            readable = index
            problem = reason
        }
    }

    private enum ByteOrder {
        case utf8(skip: Int)
        case utf16(bigEndian: Bool)
        case refused(XMLError.Reason)
    }

    private static func byteOrderMark(_ raw: [UInt8]) -> ByteOrder {
        func starts(_ prefix: [UInt8]) -> Bool { raw.starts(with: prefix) }
        if starts([0xEF, 0xBB, 0xBF]) { return .utf8(skip: 3) }
        if starts([0x00, 0x00, 0xFE, 0xFF]) || starts([0xFF, 0xFE, 0x00, 0x00]) { return .refused(.unsupportedByteOrderMark("UTF-32")) }
        if starts([0xFE, 0xFF]) { return .utf16(bigEndian: true) }
        if starts([0xFF, 0xFE]) { return .utf16(bigEndian: false) }
        // '<' or whitespace next to a zero byte: UTF-16 (or UTF-32) that did not say so.
        if raw.count >= 2, (raw[0] == 0) != (raw[1] == 0) { return .refused(.utf16WithoutByteOrderMark) }
        return .utf8(skip: 0)
    }

    /// Code units after the byte order mark to UTF-8, up to the first one that does not decode.
    private mutating func transcodeUTF16(_ raw: ArraySlice<UInt8>, bigEndian: Bool) {
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2)
        var index = raw.startIndex
        while index + 1 < raw.endIndex {
            let first = UInt16(raw[index]), second = UInt16(raw[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        bytes.reserveCapacity(units.count * 2)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): bytes.append(contentsOf: UTF8.encode(scalar)!)
            case .emptyInput: break decoding
            case .error:
                readable = bytes.count
                problem = .invalidUTF16
                return
            }
        }
        if index < raw.endIndex {  // an odd byte left over
            readable = bytes.count
            problem = .invalidUTF16
        }
    }

    /// The index of the first byte that is not well-formed UTF-8 or starts a character XML 1.0
    /// does not allow, and why.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> (Int, XMLError.Reason)? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead < 0x20, lead != 0x09, lead != 0x0A, lead != 0x0D { return (index, .forbiddenCharacter(UInt32(lead))) }
                index += 1
                continue
            }
            let length: Int, minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
            case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
            case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
            default: return (index, .notUTF8(byte: lead))
            }
            guard index + length <= count else { return (index, .notUTF8(byte: lead)) }
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return (index, .notUTF8(byte: lead)) }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || (0xD800...0xDFFF).contains(scalar) || scalar > 0x10FFFF { return (index, .notUTF8(byte: lead)) }
            if scalar == 0xFFFE || scalar == 0xFFFF { return (index, .forbiddenCharacter(scalar)) }
            index += length
        }
        return nil
    }
}
