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
    /// The milestones and their dependencies, for the schedule and, without one, the driving path.
    let network: MilestoneNetwork
    /// The schedule engine's critical paths, slack and forecast; `nil` when it cannot schedule
    /// (a dependency cycle), and the driving path stands in.
    let schedule: ScheduleAnalysis?
    /// Why there is no schedule, for the report to say so.
    let scheduleNote: String?
    /// Every committed measurement, by program folder and KPI id.
    let kpiTrends: [String: [String: KPITrend]]
    /// Every program's lessons learned, with what their refs point at.
    let lessons: LessonCatalog

    /// `baseline`: the plans at the baseline and their variance from `workspace`.
    init(workspace: Workspace, asOf: PlanDate, baseline: (workspace: Workspace, variance: PlanVariance)?, kpiTrends: [KPITrend] = []) {
        self.asOf = asOf
        lessons = LessonCatalog(workspace)
        network = MilestoneNetwork(workspace)
        do {
            schedule = try Scheduler.analyze(network, workspace: workspace, asOf: asOf)
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
        let chains = schedule.map { $0.program(program.folder)?.criticalPaths ?? [] }
            ?? [DrivingPath.chain(of: program.folder, in: network)].filter { !$0.isEmpty }
        let critical = Set(chains.joined())
        let bars = program.milestones.map { milestone in
            let key = QualifiedID(program: program.folder, id: milestone.id.value)
            let scheduled = schedule?.milestone(key)
            return MilestoneBar(id: milestone.id.value, name: milestone.name ?? milestone.id.value, start: milestone.start?.value,
                         date: milestone.date?.value, status: milestone.status.value, owner: name(milestone.owner?.value),
                         critical: scheduled?.isCritical ?? critical.contains(key),
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
        status.criticalPaths = chains.map { $0.map { $0.program == program.folder ? $0.id : $0.description } }
        status.atRisk = program.milestones.compactMap { attention($0, in: program) }
        status.kpis = KPISeries.series(of: program, trends: kpiTrends[program.folder] ?? [:])
        status.lessons = lessons.listings.filter { $0.entry.program == program.folder }
        return status
    }

    /// Budget lines summed by category (as `charter variance` sums them), largest first.
    static func categories(_ lines: [BudgetLine]) -> [BudgetCategory] {
        BudgetLine.totalsByCategory(lines).map { BudgetCategory(name: $0.key, amount: $0.value) }
            .sorted { $0.amount != $1.amount ? $0.amount > $1.amount : $0.name < $1.name }
    }

    /// Why an open milestone needs attention (`AttentionReason`), or `nil` when it does not.
    func attention(_ milestone: Milestone, in program: Program) -> AtRiskMilestone? {
        let key = QualifiedID(program: program.folder, id: milestone.id.value)
        let reasons = AttentionReason.reasons(milestone, asOf: asOf,
                                              baselineDate: baselineDates[program.folder]?[milestone.id.value]?.date,
                                              totalSlack: schedule?.milestone(key)?.totalSlack, target: program.target?.value)
        guard !reasons.isEmpty else { return nil }
        return AtRiskMilestone(id: milestone.id.value, name: milestone.name ?? milestone.id.value, date: milestone.date?.value,
                               owner: name(milestone.owner?.value), reasons: reasons.map(\.description))
    }

    /// "Alice Ng" for a person id in people.yaml, else the id as written.
    func name(_ id: String?) -> String? {
        guard let id else { return nil }
        return people[id]?.name ?? id
    }
}
