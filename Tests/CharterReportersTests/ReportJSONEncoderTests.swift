@testable import CharterCore
import Foundation
import Testing
@testable import CharterReporters

/// `ReportJSONEncoder` must write what `JSONEncoder` writes for reports, byte for byte: the
/// JSON outputs were defined by that encoder, and scripts compare them.
@Suite struct ReportJSONEncoderTests {
    /// Any JSON value, encoded through the same containers a synthesized `Encodable` uses.
    indirect enum Value: Encodable {
        case text(String), integer(Int), number(Double), flag(Bool), null
        case list([Value]), object([String: Value]), strings([String?]), counts([String: Int])

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .text(let text): var c = encoder.singleValueContainer(); try c.encode(text)
            case .integer(let value): var c = encoder.singleValueContainer(); try c.encode(value)
            case .number(let value): var c = encoder.singleValueContainer(); try c.encode(value)
            case .flag(let value): var c = encoder.singleValueContainer(); try c.encode(value)
            case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
            case .list(let items): try items.encode(to: encoder)
            case .strings(let items): try items.encode(to: encoder)
            case .counts(let counts): try counts.encode(to: encoder)
            case .object(let members):
                var c = encoder.container(keyedBy: Key.self)
                for (key, value) in members { try c.encode(value, forKey: Key(stringValue: key)) }
            }
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    /// A small deterministic generator, so a failure can be reproduced from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [String] = ["a", "Z", "_", "0", "9", " ", "/", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{c}",
                                     "\u{0}", "\u{1}", "\u{1f}", "\u{7f}", "é", "日", "🚀", "\u{2028}", "\u{feff}", "e\u{301}",
                                     "-", ".", "M1", "budget_delta", "Ω"]
    static let numbers: [Double] = [0, -0.0, 1, -1, 0.1, 0.3, 1.5, 2.675, 4.35, 33.333333333333336, 1e15, 1e16, 1e17, 1e21,
                                    1e22, 1e-5, 1e-7, 123456789012345678, 1.7976931348623157e308, 5e-324, -1234567.125,
                                    9007199254740993, 0.000123]

    static func text(_ random: inout SplitMix) -> String {
        (0..<Int.random(in: 0...8, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
    }

    static func value(_ random: inout SplitMix, depth: Int) -> Value {
        switch Int.random(in: 0...(depth > 3 ? 4 : 8), using: &random) {
        case 0: return .text(text(&random))
        case 1: return .integer(Bool.random(using: &random) ? Int.random(in: -1000...1000, using: &random)
                                                           : [Int.max, Int.min, 0, 1 << 53].randomElement(using: &random)!)
        case 2: return .number(Bool.random(using: &random) ? numbers.randomElement(using: &random)!
                                                          : Double.random(in: -1e6...1e6, using: &random))
        case 3: return .flag(Bool.random(using: &random))
        case 4: return .null
        case 5: return .list((0..<Int.random(in: 0...4, using: &random)).map { _ in value(&random, depth: depth + 1) })
        case 6: return .strings((0..<Int.random(in: 0...3, using: &random)).map { _ in Bool.random(using: &random) ? nil : text(&random) })
        case 7: return .counts(Dictionary((0..<Int.random(in: 0...3, using: &random)).map { _ in (text(&random), Int.random(in: 0...9, using: &random)) },
                                          uniquingKeysWith: +))
        default:
            return .object(Dictionary((0..<Int.random(in: 0...5, using: &random)).map { _ in (text(&random), value(&random, depth: depth + 1)) },
                                      uniquingKeysWith: { first, _ in first }))
        }
    }

    static func foundation<V: Encodable>(_ value: V) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value))
    }

    @Test("Random documents: the same bytes as JSONEncoder", arguments: 0..<20)
    func randomDocuments(seed: Int) throws {
        var random = SplitMix(state: UInt64(seed))
        for _ in 0..<50 {
            let document = Value.list([Self.value(&random, depth: 0), Self.value(&random, depth: 0)])
            let expected = try Self.foundation(document)
            let actual = try ReportJSONEncoder().encode(document)
            #expect(actual == expected, "seed \(seed): \(String(decoding: actual, as: UTF8.self))")
        }
    }

    @Test("A change-request record with every field set: the same bytes as JSONEncoder")
    func changeRequest() throws {
        let record = Self.fullRecord()
        let document = ChangeLogDocument.record(record)
        #expect(try ReportJSONEncoder().encode([document, document]) == Self.foundation([document, document]))
        #expect(ChangeLogJSONReporter.render([record], context: ChangeLogContext())
            == String(decoding: try Self.foundation([document]), as: UTF8.self) + "\n")
    }

    @Test("What JSONEncoder formats its own way falls back to it")
    func fallback() throws {
        struct Dated: Encodable { var when = Date(timeIntervalSince1970: 12345); var ratio: Float = 0.1; var link = URL(string: "https://x/y")! }
        #expect(throws: ReportJSONEncoder.Unsupported.self) { try ReportJSONEncoder().encode(Dated()) }
        #expect(try ReportJSON.encode(Dated()) == Self.foundation(Dated()))
        #expect(throws: ReportJSONEncoder.Unsupported.self) { try ReportJSONEncoder().encode([Double.nan]) }
        #expect(throws: ReportJSONEncoder.Unsupported.self) { try ReportJSONEncoder().encode([Double.infinity]) }
    }

    static func fullRecord() -> ChangeRequest {
        var slipped = EntityChange(program: "payments-v2", entity: .milestone, id: "M2", change: .modified,
                                   fields: [FieldChange(field: "date", from: .date(PlanDate("2026-03-01")!), to: .date(PlanDate("2026-03-15")!)),
                                            FieldChange(field: "depends_on", from: .list(["M1"]), to: .list([])),
                                            FieldChange(field: "budget.total", from: .number(1e17), to: .number(0.1)),
                                            FieldChange(field: "done", from: .flag(false), to: nil),
                                            FieldChange(field: "name", from: .text("Zoë \"β\"\n\t/"), to: .text("日本 🚀"))],
                                   tags: [.slipped, .ownerChanged], name: "Cut-over \u{1}")
        slipped.slipDays = 14
        slipped.scoreFrom = 6
        slipped.scoreTo = 9
        slipped.amountDelta = -1234.5
        slipped.budgetDelta = 2e21
        slipped.budgetDeltaPercent = 12.345
        slipped.currency = "EUR"
        slipped.personDaysDelta = 3.33333
        slipped.movedFrom = "old"
        slipped.unit = "ms"
        slipped.kpiTarget = 200
        slipped.improved = true
        var added = EntityChange(program: nil, entity: .program, id: "new", change: .added)
        added.contents = [EntityCount(.milestone, 3), EntityCount(.risk, 1)]
        var consequence = Consequence(kind: .slackReduced, program: "p", milestone: "M3", message: "M3 has 2 days of slack")
        consequence.dependency = QualifiedID(program: "p", id: "M2")
        var impact = ChangeRequest.Impact()
        impact.maxSlipDays = 14
        impact.budgetDelta = 1e-7
        impact.budgetLinesDelta = -0.0
        impact.personDaysAdded = 12.25
        impact.milestonesSlipped = ["payments-v2/M2"]
        impact.scopeAdded = ["x\u{7f}"]
        let identity = ChangeRequest.Identity(name: "Ann \"A\" Lee", email: "ann@example.com", date: "2026-01-02T03:04:05+01:00", person: nil)
        return ChangeRequest(
            id: "CR-0123456789ab", commit: String(repeating: "0123456789", count: 4), parents: ["a", "b"], title: "Move M2\\",
            description: "Line one\r\nLine two\u{c}", author: identity,
            committer: ChangeRequest.Identity(name: "Bob", email: "b@x", date: "2026-01-02T00:00:00Z", person: "bob"),
            reason: nil, pullRequest: 42,
            approvals: [Approval(name: "Cy", email: nil, person: "cy", statedRole: nil, roles: ["sponsor"], kind: "Approved-by",
                                 source: .note, counts: false, note: "is the author")],
            changes: [slipped, added], consequences: [consequence], impact: impact, changeTypes: ["schedule", "budget"],
            requirements: [ChangeRequest.Requirement(reason: .slip, program: "payments-v2", detail: "M2 slips 14 days",
                                                     roles: ["sponsor"], satisfiedBy: [], missing: "a sponsor")],
            contradictedClaims: [ChangeRequest.ContradictedClaim(trailer: "Slip", claimed: "0", actual: "14")],
            unreadableFiles: ["programs/x/plan.yaml"])
    }
}
