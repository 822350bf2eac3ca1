/// A milestone whose dependency finishes after the milestone was planned to start: its planned
/// `start` (work) or planned `date` (an event) cannot hold.
public struct ScheduleConflict: Hashable, Sendable {
    public let milestone: QualifiedID
    public let dependency: QualifiedID
    /// `start` or `date`: which planned date the dependency overruns.
    public let plannedField: String
    public let plannedDay: PlanDate
    /// The dependency's early finish.
    public let dependencyFinish: PlanDate
    /// Days the dependency overruns the planned day (always positive).
    public var overlapDays: Int { plannedDay.days(to: dependencyFinish) }
}
