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
        var fromCommit: String?
        var to: String
        var toCommit: String?
        var changes: [Entry]
        var consequences: [ConsequenceEntry]
        var unreadable: [UnreadableEntry]
        var summary: Summary

        enum CodingKeys: String, CodingKey {
            case from, to, changes, consequences, unreadable, summary
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
            summary = Summary(diff)
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(from, forKey: .from)
            try container.encode(fromCommit, forKey: .fromCommit)
            try container.encode(to, forKey: .to)
            try container.encode(toCommit, forKey: .toCommit)
            try container.encode(changes, forKey: .changes)
            try container.encode(consequences, forKey: .consequences)
            try container.encode(unreadable, forKey: .unreadable)
            try container.encode(summary, forKey: .summary)
        }
    }

    /// One entity change. Optional keys appear only when they apply.
    public struct Entry: Encodable, Sendable {
        var program: String?
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
        var amountDelta: Double?
        var budgetDelta: Double?
        var budgetDeltaPercent: Double?
        var currency: String?
        var personDaysDelta: Double?
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
            amountDelta = change.amountDelta
            budgetDelta = change.budgetDelta
            budgetDeltaPercent = change.budgetDeltaPercent.map(roundedPercent)
            currency = change.currency
            personDaysDelta = change.personDaysDelta.map(roundedTenth)
            unit = change.unit
            improved = change.improved
            contents = change.contents.isEmpty ? nil
                : Dictionary(change.contents.map { ($0.entity.rawValue, $0.count) }, uniquingKeysWith: +)
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(program, forKey: .program)  // null for people and settings
            try container.encode(entity, forKey: .entity)
            try container.encode(id, forKey: .id)
            try container.encode(change, forKey: .change)
            try container.encodeIfPresent(name, forKey: .name)
            try container.encode(fields, forKey: .fields)
            try container.encode(tags, forKey: .tags)
            try container.encodeIfPresent(fromProgram, forKey: .fromProgram)
            try container.encodeIfPresent(slipDays, forKey: .slipDays)
            try container.encodeIfPresent(scoreFrom, forKey: .scoreFrom)
            try container.encodeIfPresent(scoreTo, forKey: .scoreTo)
            try container.encodeIfPresent(amountDelta.map(JSONNumber.init), forKey: .amountDelta)
            try container.encodeIfPresent(budgetDelta.map(JSONNumber.init), forKey: .budgetDelta)
            try container.encodeIfPresent(budgetDeltaPercent.map(JSONNumber.init), forKey: .budgetDeltaPercent)
            try container.encodeIfPresent(currency, forKey: .currency)
            try container.encodeIfPresent(personDaysDelta.map(JSONNumber.init), forKey: .personDaysDelta)
            try container.encodeIfPresent(contents, forKey: .contents)
            try container.encodeIfPresent(unit, forKey: .unit)
            try container.encodeIfPresent(improved, forKey: .improved)
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
            var currency: String?
            var from: JSONNumber?
            var to: JSONNumber?
            var delta: JSONNumber
            var percent: JSONNumber?

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encodeIfPresent(program, forKey: .program)
                try container.encode(currency, forKey: .currency)
                try container.encode(from, forKey: .from)
                try container.encode(to, forKey: .to)
                try container.encode(delta, forKey: .delta)
                try container.encode(percent, forKey: .percent)
            }

            enum CodingKeys: String, CodingKey { case program, currency, from, to, delta, percent }
        }

        struct Rescore: Encodable {
            var risk: String
            var from: Int?
            var to: Int?

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(risk, forKey: .risk)
                try container.encode(from, forKey: .from)
                try container.encode(to, forKey: .to)
            }

            enum CodingKeys: String, CodingKey { case risk, from, to }
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
        var largestSlip: Shift?
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

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(line, forKey: .line)
            try container.encode(changes, forKey: .changes)
            try container.encode(added, forKey: .added)
            try container.encode(removed, forKey: .removed)
            try container.encode(modified, forKey: .modified)
            try container.encode(moved, forKey: .moved)
            try container.encode(programs, forKey: .programs)
            try container.encode(programsRenamed, forKey: .programsRenamed)
            try container.encode(milestones, forKey: .milestones)
            try container.encode(slipped, forKey: .slipped)
            try container.encode(pulledIn, forKey: .pulledIn)
            try container.encode(largestSlip, forKey: .largestSlip)
            try container.encode(budget, forKey: .budget)
            try container.encode(budgetByCurrency, forKey: .budgetByCurrency)
            try container.encode(scope, forKey: .scope)
            try container.encode(risks, forKey: .risks)
            try container.encode(risksRescored, forKey: .risksRescored)
            try container.encode(personDaysDelta, forKey: .personDaysDelta)
            try container.encode(consequences, forKey: .consequences)
            try container.encode(unreadableFiles, forKey: .unreadableFiles)
        }
    }
}

/// A number written without a spurious fraction: `40000`, not `40000.0`.
struct JSONNumber: Encodable, Sendable {
    var value: Double

    init(_ value: Double) { self.value = value }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if !value.isFinite {
            // JSON has no NaN or infinity (and JSONEncoder throws on them): out of any domain.
            try container.encodeNil()
        } else if value == value.rounded(), abs(value) < 1e15, let whole = SafeNumber.int64(value) {
            try container.encode(whole)
        } else {
            try container.encode(value)
        }
    }
}

private func roundedPercent(_ value: Double) -> Double { (value * 100).rounded() / 100 }
func roundedTenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }
