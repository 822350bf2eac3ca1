import CharterCore

/// One program as the report shows it.
public struct ProgramStatus: Sendable, Hashable {
    public var id: String
    public var name: String
    public var owner: String?
    public var status: String?
    public var start: PlanDate?
    public var target: PlanDate?
    /// When the plan says the work ends (the schedule's forecast, else the latest milestone).
    public var forecastEnd: PlanDate?
    public var milestones: [MilestoneBar]
    /// The critical paths, each a chain earliest first: ids of this program's milestones, or
    /// `program/id` for another's. Without a schedule, the driving path as one chain.
    public var criticalPaths: [[String]] = []
    public var risks: [RiskPoint]
    public var currency: String?
    public var budgetTotal: Double?
    /// Budget lines summed by category, largest first.
    public var budget: [BudgetCategory]
    public var atRisk: [AtRiskMilestone]
    public var kpis: [KPISeries]
    /// Its lessons-learned register, each lesson with what it refers to (LessonsSectionRenderer).
    public var lessons: [LessonCatalog.Listing] = []
    /// The Monte Carlo forecast of its end (`charter forecast`); nil without one.
    public var forecast: ProgramForecastDistribution?

    public init(id: String, name: String, owner: String? = nil, status: String? = nil, start: PlanDate? = nil,
                target: PlanDate? = nil, forecastEnd: PlanDate? = nil, milestones: [MilestoneBar] = [],
                risks: [RiskPoint] = [], currency: String? = nil, budgetTotal: Double? = nil,
                budget: [BudgetCategory] = [], atRisk: [AtRiskMilestone] = [], kpis: [KPISeries] = []) {
        self.id = id
        self.name = name
        self.owner = owner
        self.status = status
        self.start = start
        self.target = target
        self.forecastEnd = forecastEnd
        self.milestones = milestones
        self.risks = risks
        self.currency = currency
        self.budgetTotal = budgetTotal
        self.budget = budget
        self.atRisk = atRisk
        self.kpis = kpis
    }

    /// Whether the forecast ends after the target.
    public var isLate: Bool {
        guard let forecastEnd, let target else { return false }
        return forecastEnd > target
    }
}

/// A milestone on the Gantt chart: a bar from `start` to `date`, or a diamond at `date`.
public struct MilestoneBar: Sendable, Hashable {
    public var id: String
    public var name: String
    public var start: PlanDate?
    public var date: PlanDate?
    public var status: MilestoneStatus
    public var owner: String?
    /// On the critical path: a day's slip moves the end.
    public var critical: Bool
    /// The dates the baseline had, for ghost bars.
    public var baselineStart: PlanDate?
    public var baselineDate: PlanDate?
    /// Days it can slip without moving the end; negative: it already moves it.
    public var slackDays: Int?
    /// Its Monte Carlo forecast (`charter forecast`): the P50–P85 whisker; nil without one.
    public var forecast: MilestoneForecastDistribution?

    public init(id: String, name: String, start: PlanDate? = nil, date: PlanDate?, status: MilestoneStatus = .planned,
                owner: String? = nil, critical: Bool = false, baselineStart: PlanDate? = nil,
                baselineDate: PlanDate? = nil, slackDays: Int? = nil) {
        self.id = id
        self.name = name
        self.start = start
        self.date = date
        self.status = status
        self.owner = owner
        self.critical = critical
        self.baselineStart = baselineStart
        self.baselineDate = baselineDate
        self.slackDays = slackDays
    }

    /// See `MilestoneStatus.isOpen`.
    public var isOpen: Bool { status.isOpen }

    /// See `MilestoneStatus.isOverdue`.
    public func isOverdue(asOf day: PlanDate) -> Bool { status.isOverdue(date: date, asOf: day) }

    /// Days later than the baseline (negative: earlier); `nil` without both dates.
    public var slipDays: Int? {
        guard let date, let baselineDate else { return nil }
        return baselineDate.days(to: date)
    }
}

public struct RiskPoint: Sendable, Hashable {
    public var id: String
    public var title: String
    /// 1...5.
    public var probability: Int
    /// 1...5.
    public var impact: Int
    public var status: String

    public init(id: String, title: String, probability: Int, impact: Int, status: String) {
        self.id = id
        self.title = title
        self.probability = probability
        self.impact = impact
        self.status = status
    }

    public var score: Int { probability * impact }
}

public struct BudgetCategory: Sendable, Hashable {
    public var name: String
    public var amount: Double

    public init(name: String, amount: Double) {
        self.name = name
        self.amount = amount
    }
}

/// A milestone that needs attention, and why ("overdue by 12d", "slipped 14d vs baseline").
public struct AtRiskMilestone: Sendable, Hashable {
    public var id: String
    public var name: String
    public var date: PlanDate?
    public var owner: String?
    public var reasons: [String]

    public init(id: String, name: String, date: PlanDate?, owner: String?, reasons: [String]) {
        self.id = id
        self.name = name
        self.date = date
        self.owner = owner
        self.reasons = reasons
    }
}

/// A measurable objective and every value the plan's history recorded for it.
public struct KPISeries: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        public var asOf: PlanDate
        public var value: Double

        public init(asOf: PlanDate, value: Double) {
            self.asOf = asOf
            self.value = value
        }
    }

    public var id: String
    public var name: String
    public var unit: String?
    public var baseline: Double?
    public var target: Double?
    /// "increase" or "decrease": which way is better.
    public var direction: String?
    /// Oldest first.
    public var points: [Point]
    /// "met", "on-track", "off-track" or "unknown" (`KPIProgress`); `nil` when not judged.
    public var status: String?
    /// How far from baseline to target the latest value got, in percent.
    public var progressPercent: Double?

    public init(id: String, name: String, unit: String? = nil, baseline: Double? = nil, target: Double? = nil,
                direction: String? = nil, points: [Point], status: String? = nil, progressPercent: Double? = nil) {
        self.id = id
        self.name = name
        self.unit = unit
        self.baseline = baseline
        self.target = target
        self.direction = direction
        self.points = points
        self.status = status
        self.progressPercent = progressPercent
    }

    /// "lower is better" / "higher is better"; `nil` when the direction is unknown.
    public var directionPhrase: String? {
        direction.map { $0 == "decrease" ? "lower is better" : "higher is better" }
    }

    /// "48% of the way from baseline to target"; `nil` without a baseline or a value.
    public var progressPhrase: String? {
        progressPercent.flatMap(SafeNumber.int).map { "\($0)% of the way from baseline to target" }
    }

    /// "on-track, 48% of the way from baseline to target" and the like; `nil` when not judged.
    public var standing: String? {
        guard let status else { return nil }
        return ([status] + [progressPhrase].compactMap { $0 }).joined(separator: ", ")
    }
}
