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

/// Change requests as the history index keeps them: read back equal, field for field.
@Suite struct ChangeRequestBinaryTests {
    static func records() -> [ChangeRequest] {
        let base = ["programs/demo/program.yaml": SlipLedgerTests.program("demo")]
        return SlipLedgerTests.records([
            ("2026-01-05", base.merging(["programs/demo/milestones.yaml": SlipLedgerTests.milestones(m2: "2026-05-01"),
                                         "programs/demo/risks.yaml": SlipLedgerTests.risks("R1")]) { $1 }),
            ("2026-01-10", base.merging(["programs/demo/milestones.yaml": SlipLedgerTests.milestones(m2: "2026-05-20", m3: "2026-06-01"),
                                         "programs/demo/risks.yaml": SlipLedgerTests.risks("R1", "R2")]) { $1 }),
            ("2026-01-20", base.merging(["programs/demo/milestones.yaml": SlipLedgerTests.milestones(m2: "2026-04-20")]) { $1 }),
        ])
    }

    @Test("Records built from real diffs round-trip equal")
    func roundTrip() throws {
        let records = Self.records()
        #expect(records.contains { !$0.changes.isEmpty })
        for record in records {
            let bytes = BinaryWriter.encode(record)
            #expect(try BinaryReader.decode(ChangeRequest.self, from: bytes[...]) == record)
        }
    }

    @Test("Every field set, optionals and all: round-trips equal; every truncation is Malformed")
    func everyField() throws {
        var change = EntityChange(program: "p", entity: .budgetLine, id: "B1", change: .moved,
                                  fields: [FieldChange(field: "amount", from: .number(-1.5), to: .number(.greatestFiniteMagnitude)),
                                           FieldChange(field: "date", from: .date(PlanDate("2026-02-28")!), to: nil),
                                           FieldChange(field: "tags", from: .list(["a", "é"]), to: .flag(true)),
                                           FieldChange(field: "name", from: nil, to: .text("日本"))],
                                  tags: ChangeTag.allCases, name: "Line")
        change.movedFrom = "q"
        change.slipDays = -3
        change.scoreFrom = 1
        change.scoreTo = 25
        change.amountDelta = 0.1
        change.budgetDelta = -0.0
        change.budgetDeltaPercent = 1e-9
        change.currency = "EUR"
        change.personDaysDelta = 4.5
        change.contents = [EntityCount(.milestone, 50)]
        change.unit = "%"
        change.kpiTarget = 99.9
        change.improved = false
        var consequence = Consequence(kind: .targetAtRisk, program: "p", milestone: "M9", message: "late")
        consequence.dependency = QualifiedID(program: "o", id: "M1")
        consequence.date = PlanDate("2026-05-01")
        consequence.dependencyEnd = PlanDate("2026-05-02")
        consequence.slackFrom = 3
        consequence.slackTo = -1
        consequence.target = PlanDate("2026-06-30")
        consequence.earliestEnd = PlanDate("2026-07-01")
        consequence.pushedBy = QualifiedID(program: "p", id: "M2")
        var record = Self.records()[1]
        record.changes.append(change)
        record.consequences.append(consequence)
        record.reason = "Vendor late"
        record.pullRequest = 1234
        record.approvals = [Approval(name: "Ann", email: "a@x", person: "ann", statedRole: "sponsor", roles: ["owner", "sponsor"],
                                     kind: "Approved-by", source: .trailer, counts: true, note: nil)]
        record.requirements = [ChangeRequest.Requirement(reason: .dependentSlip, program: nil, detail: "d", roles: [],
                                                         satisfiedBy: ["Ann"], missing: nil)]
        record.contradictedClaims = [ChangeRequest.ContradictedClaim(trailer: "Slip", claimed: "0", actual: "3")]
        record.unreadableFiles = ["programs/x/risks.yaml"]
        let bytes = BinaryWriter.encode(record)
        #expect(try BinaryReader.decode(ChangeRequest.self, from: bytes[...]) == record)
        for length in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: BinaryReader.Malformed.self) { try BinaryReader.decode(ChangeRequest.self, from: bytes[0..<length]) }
        }
    }
}
