import CharterCore

/// `charter variance --format json`: sorted keys, every key always present (`null` when there
/// is no value), dates as `YYYY-MM-DD`, money as numbers, percents to two decimals.
public enum VarianceJSONReporter {
    public static func render(_ variance: PlanVariance, context: VarianceReportContext) -> String {
        encodeJSON(Document(variance, context))
    }

    struct Document: Encodable {
        var baseline: BaselineJSON
        var current: Current
        var programs: [ProgramEntry]
        var summary: Summary

        init(_ variance: PlanVariance, _ context: VarianceReportContext) {
            baseline = BaselineJSON(context.baseline)
            current = Current(label: context.currentLabel, commit: context.currentCommit)
            programs = variance.programs.map(ProgramEntry.init)
            summary = Summary(variance)
        }
    }

    struct Current: Encodable {
        var label: String
        @Nullable var commit: String?
    }

    struct Dates: Encodable {
        @Nullable var baseline: String?
        @Nullable var current: String?
        @Nullable var varianceDays: Int?

        init(_ dates: DateVariance) {
            baseline = dates.baseline?.description
            current = dates.current?.description
            varianceDays = dates.days
        }

        enum CodingKeys: String, CodingKey {
            case baseline, current
            case varianceDays = "variance_days"
        }
    }

    struct Amount: Encodable {
        @Nullable var baseline: JSONNumber?
        @Nullable var current: JSONNumber?
        var delta: JSONNumber
        @Nullable var percent: JSONNumber?

        init(_ amount: AmountVariance) {
            baseline = amount.baseline.map(JSONNumber.init)
            current = amount.current.map(JSONNumber.init)
            delta = JSONNumber(amount.delta)
            percent = amount.percent.map { JSONNumber(($0 * 100).rounded() / 100) }
        }
    }

    struct Category: Encodable {
        var category: String
        @Nullable var baseline: JSONNumber?
        @Nullable var current: JSONNumber?
        var delta: JSONNumber
        @Nullable var percent: JSONNumber?

        init(_ category: BudgetVariance.Category) {
            let amount = Amount(category.amount)
            self.category = category.category
            baseline = amount.baseline
            current = amount.current
            delta = amount.delta
            percent = amount.percent
        }
    }

    struct Budget: Encodable {
        @Nullable var currency: String?
        var total: Amount
        var lines: Amount
        var categories: [Category]

        init(_ budget: BudgetVariance) {
            currency = budget.currency
            total = Amount(budget.total)
            lines = Amount(budget.lines)
            categories = budget.categories.map(Category.init)
        }
    }

    struct MilestoneEntry: Encodable {
        var id: String
        @Nullable var name: String?
        var change: String
        @Nullable var movedFrom: String?
        @Nullable var movedTo: String?
        @Nullable var baselineDate: String?
        @Nullable var currentDate: String?
        @Nullable var varianceDays: Int?
        @Nullable var baselineStatus: String?
        @Nullable var status: String?
        @Nullable var doneOn: String?

        init(_ milestone: MilestoneVariance) {
            id = milestone.id
            name = milestone.name
            change = milestone.presence.rawValue
            movedFrom = milestone.presence == .movedIn ? milestone.otherProgram : nil
            movedTo = milestone.presence == .movedOut ? milestone.otherProgram : nil
            let dates = Dates(milestone.date)
            baselineDate = dates.baseline
            currentDate = dates.current
            varianceDays = dates.varianceDays
            baselineStatus = milestone.baselineStatus?.rawValue
            status = milestone.status?.rawValue
            doneOn = milestone.doneOn?.description
        }

        enum CodingKeys: String, CodingKey {
            case id, name, change, status
            case movedFrom = "moved_from", movedTo = "moved_to", baselineDate = "baseline_date"
            case currentDate = "current_date", varianceDays = "variance_days", baselineStatus = "baseline_status"
            case doneOn = "done_on"
        }
    }

    struct Risk: Encodable {
        var id: String
        @Nullable var title: String?
        @Nullable var score: Int?

        init(_ risk: ScopeVariance.RiskItem) {
            id = risk.id
            title = risk.title
            score = risk.score
        }
    }

    struct Scope: Encodable {
        var milestonesAdded: [String]
        var milestonesRemoved: [String]
        var milestonesCancelled: [String]
        var milestonesMovedIn: [String]
        var milestonesMovedOut: [String]
        var inAdded: [String]
        var inRemoved: [String]
        var outAdded: [String]
        var outRemoved: [String]
        var risksAdded: [Risk]
        var risksClosed: [Risk]
        var risksRemoved: [Risk]

        init(_ program: ProgramVariance) {
            milestonesAdded = program.milestones(.added).map(\.id)
            milestonesRemoved = program.milestones(.removed).map(\.id)
            milestonesCancelled = program.cancelledMilestones.map(\.id)
            milestonesMovedIn = program.milestones(.movedIn).map(\.id)
            milestonesMovedOut = program.milestones(.movedOut).map(\.id)
            inAdded = program.scope.inAdded
            inRemoved = program.scope.inRemoved
            outAdded = program.scope.outAdded
            outRemoved = program.scope.outRemoved
            risksAdded = program.scope.risksAdded.map(Risk.init)
            risksClosed = program.scope.risksClosed.map(Risk.init)
            risksRemoved = program.scope.risksRemoved.map(Risk.init)
        }

        enum CodingKeys: String, CodingKey {
            case milestonesAdded = "milestones_added", milestonesRemoved = "milestones_removed"
            case milestonesCancelled = "milestones_cancelled", milestonesMovedIn = "milestones_moved_in"
            case milestonesMovedOut = "milestones_moved_out", inAdded = "in_added", inRemoved = "in_removed"
            case outAdded = "out_added", outRemoved = "out_removed", risksAdded = "risks_added"
            case risksClosed = "risks_closed", risksRemoved = "risks_removed"
        }
    }

    struct ProgramEntry: Encodable {
        var program: String
        @Nullable var name: String?
        var change: String
        @Nullable var renamedFrom: String?
        @Nullable var baselineStatus: String?
        @Nullable var status: String?
        var target: Dates
        var budget: Budget
        var milestones: [MilestoneEntry]
        var scope: Scope
        @Nullable var maxSlipDays: Int?

        init(_ program: ProgramVariance) {
            self.program = program.program
            name = program.name
            change = program.presence.rawValue
            renamedFrom = program.renamedFrom
            baselineStatus = program.baselineStatus
            status = program.status
            target = Dates(program.target)
            budget = Budget(program.budget)
            milestones = program.milestones.map(MilestoneEntry.init)
            scope = Scope(program)
            maxSlipDays = program.maxSlipDays
        }

        enum CodingKeys: String, CodingKey {
            case program, name, change, status, target, budget, milestones, scope
            case renamedFrom = "renamed_from", baselineStatus = "baseline_status", maxSlipDays = "max_slip_days"
        }
    }

    struct Summary: Encodable {
        struct BudgetDelta: Encodable {
            @Nullable var currency: String?
            var delta: JSONNumber
        }

        var line: String
        @Nullable var maxSlipDays: Int?
        var milestonesSlipped: Int
        var milestonesPulledIn: Int
        var milestonesAdded: Int
        var milestonesRemoved: Int
        var milestonesCancelled: Int
        var milestonesMoved: Int
        var programsAdded: Int
        var programsRemoved: Int
        var budgetDelta: [BudgetDelta]

        init(_ variance: PlanVariance) {
            let summary = variance.summary
            line = VariancePhrases.summary(variance)
            maxSlipDays = summary.maxSlipDays
            milestonesSlipped = summary.milestonesSlipped
            milestonesPulledIn = summary.milestonesPulledIn
            milestonesAdded = summary.milestonesAdded
            milestonesRemoved = summary.milestonesRemoved
            milestonesCancelled = summary.milestonesCancelled
            milestonesMoved = summary.milestonesMoved
            programsAdded = summary.programsAdded
            programsRemoved = summary.programsRemoved
            budgetDelta = summary.budgetDelta.keys.sorted().map {
                BudgetDelta(currency: $0.isEmpty ? nil : $0, delta: JSONNumber(summary.budgetDelta[$0]!))
            }
        }

        enum CodingKeys: String, CodingKey {
            case line
            case maxSlipDays = "max_slip_days", milestonesSlipped = "milestones_slipped"
            case milestonesPulledIn = "milestones_pulled_in", milestonesAdded = "milestones_added"
            case milestonesRemoved = "milestones_removed", milestonesCancelled = "milestones_cancelled"
            case milestonesMoved = "milestones_moved", programsAdded = "programs_added"
            case programsRemoved = "programs_removed", budgetDelta = "budget_delta"
        }
    }
}
