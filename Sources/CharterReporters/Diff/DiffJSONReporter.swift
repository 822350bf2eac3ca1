import CharterCore

/// The brief's shape, with more keys:
///
///     {"from","from_commit","to","to_commit",
///      "changes":[{"program","entity","id","change","fields":[{"field","from","to"}],"slip_days"?,…}],
///      "consequences":[…], "unreadable":[…], "summary":{"line",…}}
///
/// `program` is null for people and settings. Field values are strings, numbers, arrays of
/// strings or null (absent). Keys sorted, pretty printed: stable output that diffs well.
public enum DiffJSONReporter: DiffReporter {
    public static let format = DiffFormat.json

    public static func render(_ diff: PlanDiff, context: DiffReportContext) -> String {
        encodeJSON(Document(diff, context: context))
    }

    struct Document: Encodable {
        var from: String
        @Nullable var fromCommit: String?
        var to: String
        @Nullable var toCommit: String?
        var changes: [Entry]
        var consequences: [ConsequenceEntry]
        var unreadable: [UnreadableEntry]
        var lessons: [RecalledLessonEntry]
        var summary: Summary

        enum CodingKeys: String, CodingKey {
            case from, to, changes, consequences, unreadable, summary, lessons
            case fromCommit = "from_commit"
            case toCommit = "to_commit"
        }

        init(_ diff: PlanDiff, context: DiffReportContext) {
            from = context.fromLabel
            fromCommit = context.fromCommit
            to = context.toLabel
            toCommit = context.toCommit
            changes = diff.changes.map(Entry.init)
            consequences = diff.consequences.map(ConsequenceEntry.init)
            unreadable = diff.unreadable.map(UnreadableEntry.init)
            lessons = diff.lessons.map(RecalledLessonEntry.init)
            summary = Summary(diff)
        }
    }

    /// One entity change. Optional keys appear only when they apply.
    public struct Entry: Encodable, Sendable {
        /// null for people and settings.
        @Nullable var program: String?
        var entity: String
        var id: String
        var change: String
        var name: String?
        var fields: [Field]
        var tags: [String]
        var fromProgram: String?
        var slipDays: Int?
        var scoreFrom: Int?
        var scoreTo: Int?
        var amountDelta: JSONNumber?
        var budgetDelta: JSONNumber?
        var budgetDeltaPercent: JSONNumber?
        var currency: String?
        var personDaysDelta: JSONNumber?
        var contents: [String: Int]?
        var unit: String?
        var improved: Bool?

        enum CodingKeys: String, CodingKey {
            case program, entity, id, change, name, fields, tags, currency, contents, unit, improved
            case fromProgram = "from_program"
            case slipDays = "slip_days"
            case scoreFrom = "score_from"
            case scoreTo = "score_to"
            case amountDelta = "amount_delta"
            case budgetDelta = "budget_delta"
            case budgetDeltaPercent = "budget_delta_percent"
            case personDaysDelta = "person_days_delta"
        }

        public init(_ change: EntityChange) {
            program = change.program
            entity = change.entity.rawValue
            id = change.id
            self.change = change.change.rawValue
            name = change.name
            fields = change.fields.map(Field.init)
            tags = change.tags.map(\.rawValue)
            fromProgram = change.movedFrom
            slipDays = change.slipDays
            scoreFrom = change.scoreFrom
            scoreTo = change.scoreTo
            amountDelta = change.amountDelta.map(JSONNumber.init)
            budgetDelta = change.budgetDelta.map(JSONNumber.init)
            budgetDeltaPercent = change.budgetDeltaPercent.map { JSONNumber(roundedPercent($0)) }
            currency = change.currency
            personDaysDelta = change.personDaysDelta.map { JSONNumber(roundedTenth($0)) }
            unit = change.unit
            improved = change.improved
            contents = change.contents.isEmpty ? nil
                : Dictionary(change.contents.map { ($0.entity.rawValue, $0.count) }, uniquingKeysWith: +)
        }
    }

    struct Field: Encodable, Sendable {
        var field: String
        var from: Value
        var to: Value

        init(_ change: FieldChange) {
            field = change.field
            from = Value(change.from)
            to = Value(change.to)
        }
    }

    /// A field value: string, number, array of strings, boolean, or null.
    struct Value: Encodable, Sendable {
        var value: DiffValue?

        init(_ value: DiffValue?) { self.value = value }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch value {
            case nil: try container.encodeNil()
            case .text(let text)?: try container.encode(text)
            case .number(let number)?: try container.encode(JSONNumber(number))
            case .date(let date)?: try container.encode(date.description)
            case .list(let items)?: try container.encode(items)
            case .flag(let flag)?: try container.encode(flag)
            }
        }
    }

    struct ConsequenceEntry: Encodable {
        var kind: String
        var program: String
        var milestone: String
        var dependency: String?
        var date: PlanDate?
        var dependencyEnd: PlanDate?
        var slackFrom: Int?
        var slackTo: Int?
        var target: PlanDate?
        var earliestEnd: PlanDate?
        var pushedBy: String?
        var message: String

        enum CodingKeys: String, CodingKey {
            case kind, program, milestone, dependency, date, target, message
            case dependencyEnd = "dependency_end"
            case slackFrom = "slack_from"
            case slackTo = "slack_to"
            case earliestEnd = "earliest_end"
            case pushedBy = "pushed_by"
        }

        init(_ consequence: Consequence) {
            kind = consequence.kind.rawValue
            program = consequence.program
            milestone = consequence.milestone
            dependency = consequence.dependency?.description
            date = consequence.date
            dependencyEnd = consequence.dependencyEnd
            slackFrom = consequence.slackFrom
            slackTo = consequence.slackTo
            target = consequence.target
            earliestEnd = consequence.earliestEnd
            pushedBy = consequence.pushedBy?.description
            message = consequence.message
        }
    }

    struct UnreadableEntry: Encodable {
        var side: String
        var path: String
        var line: Int
        var column: Int
        var message: String

        init(_ report: UnreadableReport) {
            side = report.side.rawValue
            path = report.file.location.path
            line = report.file.location.line
            column = report.file.location.column
            message = report.file.message
        }
    }

    struct Summary: Encodable {
        struct Shift: Encodable {
            var milestone: String
            var from: PlanDate
            var to: PlanDate
            var days: Int
        }

        struct Budget: Encodable {
            var program: String?
            @Nullable var currency: String?
            @Nullable var from: JSONNumber?
            @Nullable var to: JSONNumber?
            var delta: JSONNumber
            @Nullable var percent: JSONNumber?
        }

        struct Rescore: Encodable {
            var risk: String
            @Nullable var from: Int?
            @Nullable var to: Int?
        }

        struct Scope: Encodable {
            var program: String
            var item: String
        }

        var line: String
        var changes: Int
        var added: Int
        var removed: Int
        var modified: Int
        var moved: Int
        var programs: [String: [String]]
        var programsRenamed: [[String: String]]
        var milestones: [String: [String]]
        var slipped: [Shift]
        var pulledIn: [Shift]
        @Nullable var largestSlip: Shift?
        var budget: [Budget]
        var budgetByCurrency: [Budget]
        var scope: [String: [Scope]]
        var risks: [String: [String]]
        var risksRescored: [Rescore]
        var personDaysDelta: JSONNumber
        var consequences: Int
        var unreadableFiles: Int

        enum CodingKeys: String, CodingKey {
            case line, changes, added, removed, modified, moved, programs, milestones, slipped, budget, scope, risks, consequences
            case programsRenamed = "programs_renamed"
            case pulledIn = "pulled_in"
            case largestSlip = "largest_slip"
            case budgetByCurrency = "budget_by_currency"
            case risksRescored = "risks_rescored"
            case personDaysDelta = "person_days_delta"
            case unreadableFiles = "unreadable_files"
        }

        init(_ diff: PlanDiff) {
            let s = diff.summary
            func shift(_ shift: DiffSummary.Shift) -> Shift {
                Shift(milestone: shift.milestone.description, from: shift.from, to: shift.to, days: shift.days)
            }
            line = s.line
            changes = s.changeCount
            added = s.added
            removed = s.removed
            modified = s.modified
            moved = s.moved
            programs = ["added": s.programsAdded, "removed": s.programsRemoved]
            programsRenamed = s.programsRenamed.map { ["from": $0.from, "to": $0.to] }
            milestones = [
                "added": s.milestonesAdded.map(\.description), "removed": s.milestonesRemoved.map(\.description),
                "scheduled": s.milestonesScheduled.map(\.description),
                "unscheduled": s.milestonesUnscheduled.map(\.description),
                "slipped": s.slipped.map(\.milestone.description), "pulled_in": s.pulledIn.map(\.milestone.description),
            ]
            slipped = s.slipped.map(shift)
            pulledIn = s.pulledIn.map(shift)
            largestSlip = s.largestSlip.map(shift)
            budget = s.budget.map {
                Budget(program: $0.program, currency: $0.currency, from: $0.from.map(JSONNumber.init), to: $0.to.map(JSONNumber.init),
                       delta: JSONNumber($0.delta), percent: $0.percent.map { JSONNumber(roundedPercent($0)) })
            }
            budgetByCurrency = s.budgetByCurrency.map {
                Budget(program: nil, currency: $0.currency, from: JSONNumber($0.from), to: JSONNumber($0.to),
                       delta: JSONNumber($0.delta), percent: $0.percent.map { JSONNumber(roundedPercent($0)) })
            }
            scope = ["added": s.scopeAdded.map { Scope(program: $0.program, item: $0.item) },
                     "removed": s.scopeRemoved.map { Scope(program: $0.program, item: $0.item) }]
            risks = ["added": s.risksAdded.map(\.description), "closed": s.risksClosed.map(\.description),
                     "rescored": s.risksRescored.map(\.risk.description)]
            risksRescored = s.risksRescored.map { Rescore(risk: $0.risk.description, from: $0.from, to: $0.to) }
            personDaysDelta = JSONNumber(roundedTenth(s.personDaysDelta))
            consequences = s.consequences
            unreadableFiles = s.unreadableFiles
        }
    }
}

/// A number written without a spurious fraction: `40000`, not `40000.0`.
struct JSONNumber: Encodable, Sendable {
    var value: Double

    init(_ value: Double) { self.value = value }

    /// The value as a whole number, when it is one (and small enough to be exact).
    var whole: Int64? {
        guard value.isFinite, value == value.rounded(), abs(value) < 1e15 else { return nil }
        return SafeNumber.int64(value)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if !value.isFinite {
            // JSON has no NaN or infinity (and JSONEncoder throws on them): out of any domain.
            try container.encodeNil()
        } else if let whole {
            try container.encode(whole)
        } else {
            try container.encode(value)
        }
    }
}

extension PrettyJSONWriter {
    /// As `JSONNumber` encodes: a whole number without a fraction, `null` for NaN or infinity.
    mutating func number(_ value: Double) {
        let number = JSONNumber(value)
        if !value.isFinite {
            null()
        } else if let whole = number.whole {
            integer(Int(whole))
        } else {
            double(value)
        }
    }
}

func roundedPercent(_ value: Double) -> Double { (value * 100).rounded() / 100 }
func roundedTenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }
