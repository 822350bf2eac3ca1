@testable import CharterCore
import Foundation
import Testing
@testable import CharterReporters

/// `ChangeLogJSONWriter` writes `charter changes --format json` straight from the records; it must
/// write exactly what `JSONEncoder` writes for the `Encodable` document (`ChangeLogDocument`), on
/// any record, so the two cannot drift apart.
@Suite struct ChangeLogJSONWriterTests {
    typealias Random = ReportJSONEncoderTests.SplitMix

    static func expected(_ records: [ChangeRequest], context: ChangeLogContext) throws -> [UInt8] {
        try ReportJSONEncoderTests.foundation(records.map { record in
            ChangeLogDocument.record(record, lessons: context.lessons.map { _ in context.lessons(for: record) },
                                     notify: context.notify[record.id])
        })
    }

    @Test("Random records, notify lists and lessons: the same bytes as JSONEncoder on the document", arguments: 0..<12)
    func randomRecords(seed: Int) throws {
        var random = Random(state: UInt64(seed) &* 7919 &+ 1)
        let records = (0..<Int.random(in: 0...6, using: &random)).map { _ in Self.record(&random) }
        var context = ChangeLogContext()
        if Bool.random(using: &random) {
            context.lessons = Dictionary(records.map { ($0.id, Self.some(&random, max: 2) { Self.recalledLesson(&$0) }) },
                                         uniquingKeysWith: { first, _ in first })
        }
        for record in records where Bool.random(using: &random) {
            context.notify[record.id] = NotifyList(recipients: Self.some(&random, max: 3) { Self.recipient(&$0) })
        }
        let written = ChangeLogJSONWriter.document(records, context: context)
        let expected = try Self.expected(records, context: context)
        #expect(written == expected, "seed \(seed):\n\(String(decoding: written, as: UTF8.self))")
        #expect(ChangeLogJSONReporter.render(records, context: context) == String(decoding: expected, as: UTF8.self) + "\n")
    }

    @Test("No records, and a record with every field set (twice, with lessons and notify)")
    func edges() throws {
        #expect(ChangeLogJSONWriter.document([], context: ChangeLogContext()) == Array("[\n\n]".utf8))
        #expect(try Self.expected([], context: ChangeLogContext()) == Array("[\n\n]".utf8))
        let full = ReportJSONEncoderTests.fullRecord()
        var second = full
        second.id = "CR-ba9876543210"
        var random = Random(state: 99)
        var context = ChangeLogContext(lessons: [full.id: [Self.recalledLesson(&random)], second.id: []])
        context.notify[full.id] = NotifyList(recipients: [Self.recipient(&random)])
        context.notify[second.id] = NotifyList()
        #expect(ChangeLogJSONWriter.document([full, second], context: context) == (try Self.expected([full, second], context: context)))
    }

    @Test("The writer's layout: nesting, empty containers, embedded JSON, escapes")
    func writer() {
        var json = PrettyJSONWriter()
        json.beginObject()
        json.key("a")
        json.beginArray()
        json.element()
        json.beginObject()
        json.endObject()
        json.element()
        json.rawValue(Array("{\n  \"x\" : [\n\n  ]\n}".utf8))
        json.endArray()
        json.key(text: "b\u{1}")
        json.string("q\"\\/\u{7f}é\n")
        json.key("c")
        json.number(.nan)
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self) == """
        {
          "a" : [
            {

            },
            {
              "x" : [

              ]
            }
          ],
          "b\\u0001" : "q\\"\\\\/\u{7f}é\\n",
          "c" : null
        }
        """)
    }

    // MARK: Random values

    static func text(_ random: inout Random) -> String { ReportJSONEncoderTests.text(&random) }

    static func optionalText(_ random: inout Random) -> String? { Bool.random(using: &random) ? text(&random) : nil }

    static func some<T>(_ random: inout Random, max: Int, _ make: (inout Random) -> T) -> [T] {
        (0..<Int.random(in: 0...max, using: &random)).map { _ in make(&random) }
    }

    static func texts(_ random: inout Random) -> [String] { some(&random, max: 3) { text(&$0) } }

    static func number(_ random: inout Random) -> Double {
        let special: [Double] = [.infinity, -.infinity, .nan, Double(Int64.max), -1e15, 999_999_999_999_999, 1e15 - 0.5]
        switch Int.random(in: 0...3, using: &random) {
        case 0: return special.randomElement(using: &random)!
        case 1: return Double.random(in: -1e7...1e7, using: &random)
        default: return ReportJSONEncoderTests.numbers.randomElement(using: &random)!
        }
    }

    /// A number that stays finite when rounded to a tenth (JSON has no infinity).
    static func finite(_ random: inout Random) -> Double {
        Bool.random(using: &random) ? ReportJSONEncoderTests.numbers.filter { abs($0) < 1e300 }.randomElement(using: &random)!
            : Double.random(in: -1e9...1e9, using: &random)
    }

    static func integer(_ random: inout Random) -> Int {
        Bool.random(using: &random) ? Int.random(in: -400...400, using: &random) : [Int.max, Int.min, 0, 1 << 53].randomElement(using: &random)!
    }

    static func optional<T>(_ random: inout Random, _ make: (inout Random) -> T) -> T? {
        Bool.random(using: &random) ? make(&random) : nil
    }

    static func value(_ random: inout Random) -> DiffValue? {
        switch Int.random(in: 0...5, using: &random) {
        case 0: return nil
        case 1: return .text(text(&random))
        case 2: return .number(number(&random))
        case 3: return .date(PlanDate(dayNumber: Int.random(in: 0...40_000, using: &random)))
        case 4: return .list(texts(&random))
        default: return .flag(Bool.random(using: &random))
        }
    }

    static func change(_ random: inout Random) -> EntityChange {
        var change = EntityChange(program: optionalText(&random), entity: EntityKind.allCases.randomElement(using: &random)!,
                                  id: text(&random), change: ChangeKind.allCases.randomElement(using: &random)!,
                                  fields: some(&random, max: 3) { FieldChange(field: text(&$0), from: value(&$0), to: value(&$0)) },
                                  tags: some(&random, max: 2) { ChangeTag.allCases.randomElement(using: &$0)! },
                                  name: optionalText(&random))
        change.movedFrom = optionalText(&random)
        change.slipDays = optional(&random, integer)
        change.scoreFrom = optional(&random, integer)
        change.scoreTo = optional(&random, integer)
        change.amountDelta = optional(&random, number)
        change.budgetDelta = optional(&random, number)
        change.budgetDeltaPercent = optional(&random, number)
        change.currency = optionalText(&random)
        change.personDaysDelta = optional(&random, number)
        change.contents = some(&random, max: 3) { EntityCount(EntityKind.allCases.randomElement(using: &$0)!, Int.random(in: 0...50, using: &$0)) }
        change.unit = optionalText(&random)
        change.kpiTarget = optional(&random, finite)
        change.improved = optional(&random) { Bool.random(using: &$0) }
        return change
    }

    static func identity(_ random: inout Random) -> ChangeRequest.Identity {
        ChangeRequest.Identity(name: text(&random), email: text(&random), date: text(&random), person: optionalText(&random))
    }

    static func record(_ random: inout Random) -> ChangeRequest {
        var impact = ChangeRequest.Impact()
        impact.maxSlipDays = integer(&random)
        impact.budgetDelta = finite(&random)
        impact.budgetLinesDelta = finite(&random)
        impact.personDaysAdded = finite(&random)
        impact.personDaysRemoved = finite(&random)
        impact.milestonesAdded = texts(&random)
        impact.milestonesRemoved = texts(&random)
        impact.milestonesSlipped = texts(&random)
        impact.risksAdded = texts(&random)
        impact.risksClosed = texts(&random)
        impact.risksRescored = texts(&random)
        impact.scopeAdded = texts(&random)
        impact.scopeRemoved = texts(&random)
        let commit = String(UInt64.random(in: 0...UInt64.max, using: &random), radix: 16)
        return ChangeRequest(
            id: "CR-" + commit, commit: commit, parents: texts(&random), title: text(&random), description: text(&random),
            author: identity(&random), committer: identity(&random), reason: optionalText(&random),
            pullRequest: optional(&random, integer),
            approvals: some(&random, max: 3) {
                Approval(name: text(&$0), email: optionalText(&$0), person: optionalText(&$0), statedRole: optionalText(&$0),
                         roles: texts(&$0), kind: text(&$0), source: Bool.random(using: &$0) ? .note : .trailer,
                         counts: Bool.random(using: &$0), note: optionalText(&$0))
            },
            changes: some(&random, max: 4) { change(&$0) },
            consequences: some(&random, max: 2) {
                Consequence(kind: Consequence.Kind.allCases.randomElement(using: &$0)!, program: text(&$0), milestone: text(&$0),
                            message: text(&$0))
            },
            impact: impact, changeTypes: texts(&random),
            requirements: some(&random, max: 2) {
                ChangeRequest.Requirement(reason: Policy.Reason.allCases.randomElement(using: &$0)!, program: optionalText(&$0),
                                          detail: text(&$0), roles: texts(&$0), satisfiedBy: texts(&$0), missing: optionalText(&$0))
            },
            contradictedClaims: some(&random, max: 2) {
                ChangeRequest.ContradictedClaim(trailer: text(&$0), claimed: text(&$0), actual: text(&$0))
            },
            unreadableFiles: texts(&random))
    }

    static func recipient(_ random: inout Random) -> NotifyList.Recipient {
        NotifyList.Recipient(person: text(&random), name: optionalText(&random), login: optionalText(&random),
                             reasons: some(&random, max: 3) {
                                 ChangeAudience.Concern(person: text(&$0), kind: ChangeAudience.Kind.allCases.randomElement(using: &$0)!,
                                                        subject: text(&$0), dependsOn: optionalText(&$0), role: optionalText(&$0))
                             })
    }

    static func recalledLesson(_ random: inout Random) -> RecalledLesson {
        let location = SourceLocation(path: "programs/p/lessons.yaml", line: 1, column: 1)
        let lesson = Lesson(id: Located("L" + text(&random), at: location), title: optionalText(&random),
                            category: optional(&random) { Located(Lesson.Category.standard.randomElement(using: &$0)!, at: location) },
                            trigger: optionalText(&random), lesson: optionalText(&random),
                            recommendation: optional(&random) { Located(text(&$0), at: location) },
                            owner: optional(&random) { Located(text(&$0), at: location) },
                            refs: some(&random, max: 2) { Located(LessonReference("CR-" + text(&$0)), at: location) })
        return RecalledLesson(entry: LessonRegister.Entry(program: text(&random), lesson: lesson),
                              matches: some(&random, max: 2) {
                                  RecalledLesson.Match(reason: [.refers, .threatenedBy, .sameKind].randomElement(using: &$0)!,
                                                       subject: text(&$0), detail: text(&$0))
                              })
    }
}
