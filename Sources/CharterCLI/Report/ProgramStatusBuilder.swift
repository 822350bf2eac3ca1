import CharterCore
import CharterReporters

/// A program of the plans as the status report shows it: people by name, budget by category,
/// baseline dates beside current ones, the driving path, and what needs attention.
struct ProgramStatusBuilder {
    let asOf: PlanDate
    /// People by id, for names.
    let people: [String: Person]
    /// Each program's milestones' dates at the baseline, from `PlanVariance` (so a renamed program
    /// and a milestone moved between programs keep their baseline); empty without a baseline.
    let baselineDates: [String: [String: BaselineDates]]
    /// The schedule engine's critical path, slack and forecast; `nil` when it cannot schedule
    /// (a dependency cycle), and the driving path stands in.
    let schedule: ScheduleAnalysis?
    /// Why there is no schedule, for the report to say so.
    let scheduleNote: String?
    /// Every committed measurement, by program folder and KPI id.
    let kpiTrends: [String: [String: KPITrend]]

    /// `baseline`: the plans at the baseline and their variance from `workspace`.
    init(workspace: Workspace, asOf: PlanDate, baseline: (workspace: Workspace, variance: PlanVariance)?, kpiTrends: [KPITrend] = []) {
        self.asOf = asOf
        do {
            schedule = try Scheduler.analyze(workspace, asOf: asOf)
            scheduleNote = nil
        } catch {
            schedule = nil
            scheduleNote = "No schedule: \(error.description). The critical path shown is the chain of latest dates "
                + "as the plan stands, and the forecast is the latest milestone date; charter validate names every cycle."
        }
        var people: [String: Person] = [:]
        for person in workspace.people where people[person.id.value] == nil { people[person.id.value] = person }
        self.people = people
        self.baselineDates = baseline.map { BaselineDates.all($0.variance, baseline: $0.workspace) } ?? [:]
        self.kpiTrends = Dictionary(grouping: kpiTrends, by: \.program)
            .mapValues { Dictionary($0.map { ($0.kpi, $0) }, uniquingKeysWith: { first, _ in first }) }
    }

    func build(_ program: Program) -> ProgramStatus {
        let baselineMilestones = baselineDates[program.folder] ?? [:]
        let critical = schedule == nil ? DrivingPath.milestones(of: program) : []
        let bars = program.milestones.map { milestone in
            let scheduled = schedule?.milestone(QualifiedID(program: program.folder, id: milestone.id.value))
            return MilestoneBar(id: milestone.id.value, name: milestone.name ?? milestone.id.value, start: milestone.start?.value,
                         date: milestone.date?.value, status: milestone.status.value, owner: name(milestone.owner?.value),
                         critical: scheduled?.isCritical ?? critical.contains(milestone.id.value),
                         baselineStart: baselineMilestones[milestone.id.value]?.start,
                         baselineDate: baselineMilestones[milestone.id.value]?.date,
                         slackDays: scheduled?.totalSlack)
        }
        let latest = bars.filter { $0.status != .cancelled }.compactMap(\.date).max()
        var status = ProgramStatus(id: program.folder, name: program.name ?? program.folder, owner: name(program.owner?.value),
                                   status: program.status, start: program.start?.value, target: program.target?.value,
                                   forecastEnd: schedule?.program(program.folder)?.forecastEnd ?? latest,
                                   milestones: bars, currency: program.currency, budgetTotal: program.budgetTotal?.value)
        status.risks = program.risks.compactMap { risk in
            guard let probability = risk.probability, let impact = risk.impact else { return nil }
            return RiskPoint(id: risk.id.value, title: risk.title ?? "", probability: probability, impact: impact,
                             status: risk.status ?? "open")
        }
        status.budget = Self.categories(program.budgetLines)
        status.atRisk = bars.compactMap { attention($0, target: status.target) }
        status.kpis = KPISeries.series(of: program, trends: kpiTrends[program.folder] ?? [:])
        return status
    }

    /// Budget lines summed by category (as `charter variance` sums them), largest first.
    static func categories(_ lines: [BudgetLine]) -> [BudgetCategory] {
        BudgetLine.totalsByCategory(lines).map { BudgetCategory(name: $0.key, amount: $0.value) }
            .sorted { $0.amount != $1.amount ? $0.amount > $1.amount : $0.name < $1.name }
    }

    /// Why an open milestone needs attention, or `nil` when it does not.
    func attention(_ milestone: MilestoneBar, target: PlanDate?) -> AtRiskMilestone? {
        guard milestone.isOpen else { return nil }
        var reasons: [String] = []
        if milestone.status == .atRisk { reasons.append("marked at-risk") }
        if let date = milestone.date, date < asOf { reasons.append("overdue by \(date.days(to: asOf))d") }
        if let slip = milestone.slipDays, slip > 0, let base = milestone.baselineDate {
            reasons.append("slipped \(slip)d vs baseline (\(base) → \(milestone.date!))")
        }
        if let slack = milestone.slackDays, slack < 0 { reasons.append("negative slack \(slack)d") }
        if let target, let date = milestone.date, date > target { reasons.append("after the target (\(target))") }
        guard !reasons.isEmpty else { return nil }
        return AtRiskMilestone(id: milestone.id, name: milestone.name, date: milestone.date, owner: milestone.owner, reasons: reasons)
    }

    /// "Alice Ng" for a person id in people.yaml, else the id as written.
    func name(_ id: String?) -> String? {
        guard let id else { return nil }
        return people[id]?.name ?? id
    }
}

/// Without a schedule (the plan has a dependency cycle): the chain of milestones that sets a
/// program's end date as the plan stands: from the latest
/// dated milestone back through, at each step, the latest-dated dependency in the same program.
/// A stand-in for the schedule engine's critical path, with the same meaning when every
/// milestone is dated as early as its dependencies allow.
enum DrivingPath {
    static func milestones(of program: Program) -> Set<String> {
        let live = program.milestones.filter { $0.status.value != .cancelled && $0.date != nil }
        let byID = Dictionary(live.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        guard var current = live.max(by: { ($0.date!.value, $1.id.value) < ($1.date!.value, $0.id.value) }) else { return [] }
        var path: Set<String> = [current.id.value]
        while true {
            let dependencies = current.dependsOn
                .filter { $0.value.program(from: program.folder) == program.folder }
                .compactMap { byID[$0.value.id] }
                .filter { !path.contains($0.id.value) }
            guard let next = dependencies.max(by: { $0.date!.value < $1.date!.value }) else { return path }
            path.insert(next.id.value)
            current = next
        }
    }
}
