import Testing
@testable import CharterCore

/// The cache codec reads back exactly what it wrote, and turns any damage into `Malformed`.
@Suite struct BinaryCodecTests {
    private struct Sample: BinaryCodable, Equatable {
        var name: String
        var count: Int
        var ratio: Double
        var flag: Bool
        var note: String?
        var tags: [String]

        func write(to writer: inout BinaryWriter) {
            writer.write(name)
            writer.write(count)
            writer.write(ratio)
            writer.write(flag)
            writer.write(note)
            writer.write(tags)
        }

        init(name: String, count: Int, ratio: Double, flag: Bool, note: String?, tags: [String]) {
            (self.name, self.count, self.ratio, self.flag, self.note, self.tags) = (name, count, ratio, flag, note, tags)
        }

        init(from reader: inout BinaryReader) throws {
            name = try reader.read(String.self)
            count = try reader.read(Int.self)
            ratio = try reader.read(Double.self)
            flag = try reader.read(Bool.self)
            note = try reader.read(String?.self)
            tags = try reader.read([String].self)
        }
    }

    static let integers: [Int] = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, 1 << 40, Int.max, Int.min, Int.max - 1, Int.min + 1]
    static let doubles: [Double] = [0, -0.0, 1.5, -2.25, 1e300, -1e-300, .infinity, -.infinity, .greatestFiniteMagnitude,
                                    .leastNonzeroMagnitude, 123456789.123456789]

    @Test("Integers and doubles come back bit for bit")
    func scalars() throws {
        var writer = BinaryWriter()
        for value in Self.integers { writer.write(value) }
        for value in Self.doubles { writer.write(value) }
        writer.write(Double.nan)
        var reader = BinaryReader(writer.bytes[...])
        for value in Self.integers { #expect(try reader.read(Int.self) == value) }
        for value in Self.doubles { #expect(try reader.read(Double.self).bitPattern == value.bitPattern) }
        #expect(try reader.read(Double.self).isNaN)
        #expect(reader.isAtEnd)
    }

    @Test("A value with strings in every script, optionals and lists round-trips")
    func structure() throws {
        let samples = [
            Sample(name: "", count: 0, ratio: 0, flag: false, note: nil, tags: []),
            Sample(name: "Zoë «naïve» 日本語 🚀", count: -42, ratio: 0.1, flag: true, note: "line\nbreak\u{0}nul",
                   tags: ["a", "", "\u{1F600}", String(repeating: "x", count: 1000)]),
        ]
        for sample in samples {
            let bytes = BinaryWriter.encode(sample)
            #expect(try BinaryReader.decode(Sample.self, from: bytes[...]) == sample)
            // Inside a larger buffer, as a cache file holds it.
            let embedded = [9, 9, 9] + bytes + [7]
            var reader = BinaryReader(embedded[3..<(embedded.count - 1)])
            #expect(try reader.read(Sample.self) == sample)
            #expect(reader.isAtEnd)
        }
    }

    @Test("Every truncation, and trailing bytes, read as Malformed, never a crash")
    func damage() {
        let sample = Sample(name: "payments", count: 7, ratio: 2.5, flag: true, note: "n", tags: ["M1", "M2"])
        let bytes = BinaryWriter.encode(sample)
        for length in 0..<bytes.count {
            #expect(throws: BinaryReader.Malformed.self) { try BinaryReader.decode(Sample.self, from: bytes[0..<length]) }
        }
        #expect(throws: BinaryReader.Malformed.self) { try BinaryReader.decode(Sample.self, from: (bytes + [0])[...]) }
        // A count far beyond the buffer is refused before anything is allocated for it.
        var huge = BinaryWriter()
        huge.write(UInt64.max)
        #expect(throws: BinaryReader.Malformed.self) { try BinaryReader.decode([String].self, from: huge.bytes[...]) }
        // A flag byte other than 0 or 1.
        #expect(throws: BinaryReader.Malformed.self) { try BinaryReader.decode(Bool.self, from: [2][...]) }
    }

    @Test("Random bytes never crash the reader")
    func garbage() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? BinaryReader.decode(Sample.self, from: bytes[...])
        }
    }
}
