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
    /// The milestones whose slip moves the forecast end, earliest first; may cross programs,
    /// and may branch where two dependencies finish on the same day.
    public let criticalPath: [QualifiedID]
    /// Its milestones (cancelled ones excluded), in id order.
    public let milestones: [QualifiedID]
    /// Its milestones without a forecast.
    public let unscheduled: [QualifiedID]
}
