/// What the simulation says about one milestone.
public struct MilestoneForecastDistribution: Hashable, Sendable {
    public let id: QualifiedID
    public let name: String?
    public let status: MilestoneStatus
    public let plannedDate: PlanDate?
    /// Done: its date is fixed, every quantile is `done_on` (else its date).
    public let fixed: Bool
    /// No date, no start and no scheduled dependency.
    public let unscheduled: Bool
    public let p50: ForecastQuantile
    public let p85: ForecastQuantile
    public let p95: ForecastQuantile
    /// Probability of being reached by its planned date, by its program's target, and within
    /// 90, 180 and 365 days of the as-of day.
    public let byPlanned: Double?
    public let byTarget: Double?
    public let within90: Double
    public let within180: Double
    public let within365: Double
    /// The evidence its own completion distribution rests on (nil for done or undated milestones).
    public let evidence: CompletionModel.Evidence?
}

/// What the simulation says about one program's end (its latest milestone).
public struct ProgramForecastDistribution: Hashable, Sendable {
    public let program: String
    public let name: String?
    public let target: PlanDate?
    public let p50: ForecastQuantile
    public let p85: ForecastQuantile
    public let p95: ForecastQuantile
    /// Probability that every milestone is reached by the target; nil without a target.
    public let meetsTarget: Double?
    public let milestones: [QualifiedID]
}

public struct ForecastResult: Hashable, Sendable {
    public let asOf: PlanDate
    public let iterations: Int
    public let seed: UInt64
    public let milestones: [MilestoneForecastDistribution]
    public let programs: [ProgramForecastDistribution]
    public let workspaceObservations: Int
    public let workspaceCompletions: Int
    public let general: Bool
    public let danglingDependencies: [DanglingDependency]

    public func milestone(_ id: QualifiedID) -> MilestoneForecastDistribution? { milestones.first { $0.id == id } }
}
