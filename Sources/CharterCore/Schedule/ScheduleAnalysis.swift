/// Everything `Scheduler.analyze` works out for a workspace: per-milestone early and late dates
/// and slack, per-program forecasts and critical paths, and conflicts.
public struct ScheduleAnalysis: Hashable, Sendable {
    /// The day open milestones cannot finish before.
    public let asOf: PlanDate
    /// Every milestone that is not cancelled, in id order.
    public let milestones: [ScheduledMilestone]
    /// Every program, in id order.
    public let programs: [ProgramForecast]
    /// In milestone order, then dependency order.
    public let conflicts: [ScheduleConflict]
    /// References that name no milestone, skipped.
    public let danglingDependencies: [DanglingDependency]
    private let milestoneIndex: [QualifiedID: Int]

    init(asOf: PlanDate, milestones: [ScheduledMilestone], programs: [ProgramForecast],
         conflicts: [ScheduleConflict], danglingDependencies: [DanglingDependency]) {
        self.asOf = asOf
        self.milestones = milestones
        self.programs = programs
        self.conflicts = conflicts
        self.danglingDependencies = danglingDependencies
        milestoneIndex = Dictionary(uniqueKeysWithValues: milestones.enumerated().map { ($1.id, $0) })
    }

    public func milestone(_ id: QualifiedID) -> ScheduledMilestone? {
        milestoneIndex[id].map { milestones[$0] }
    }

    public func program(_ id: String) -> ProgramForecast? {
        programs.first { $0.program == id }
    }
}
