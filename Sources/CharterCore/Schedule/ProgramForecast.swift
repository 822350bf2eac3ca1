/// A program's forecast end against its target, and the chain of milestones that sets it.
public struct ProgramForecast: Hashable, Sendable {
    public let program: String
    public let name: String?
    public let target: PlanDate?
    /// The latest early finish among its milestones; `nil` when none is scheduled.
    public let forecastEnd: PlanDate?
    /// Days from target to forecast end: positive = late, negative = ahead; `nil` without either.
    public let varianceDays: Int?
    /// What the backward pass holds its milestones to: the target, else the forecast end.
    public let deadline: PlanDate?
    /// The chains of milestones whose slip moves the forecast end, each earliest first and
    /// ending on the forecast end; they may cross programs. Two milestones that merely end on
    /// the same day are two chains; a tie between two driving dependencies makes two chains.
    /// At most `Scheduler.chainLimit` chains.
    public let criticalPaths: [[QualifiedID]]
    /// Deprecated: every milestone of `criticalPaths`, as one list earliest first. It is a set,
    /// not a chain: consecutive entries need not depend on each other.
    public let criticalPath: [QualifiedID]
    /// Its milestones (cancelled ones excluded), in id order.
    public let milestones: [QualifiedID]
    /// Its milestones without a forecast.
    public let unscheduled: [QualifiedID]
}
