/// One milestone's place in the schedule. Dates are day boundaries: a dependency that finishes
/// on a day lets its successor start that same day, and a milestone's span is `date − start`
/// days (0 for an event). Every date is `nil` for an unscheduled milestone.
public struct ScheduledMilestone: Hashable, Sendable {
    /// What fixed a milestone's early finish.
    public enum Driver: String, Hashable, Sendable {
        /// Its own planned `start` (work) or `date` (an event): its dependencies finish earlier.
        case planned
        /// The finish of its driving dependencies.
        case dependencies
        /// `done`: fixed at `done_on` (else `date`).
        case completed
        /// Still open on the as-of day and due before it: it cannot finish before that day.
        case asOf = "as-of"
        /// No date, no start and no scheduled dependency.
        case unscheduled
    }

    public let id: QualifiedID
    public let name: String?
    public let status: MilestoneStatus
    public let plannedStart: PlanDate?
    public let plannedDate: PlanDate?
    /// Dependencies that take part in scheduling (not cancelled, existing).
    public let dependencies: [QualifiedID]
    /// Early start (ES) and early finish (EF): the forecast.
    public let earlyStart: PlanDate?
    public let earlyFinish: PlanDate?
    /// Late start (LS) and late finish (LF): the latest dates that keep every program's deadline.
    public let lateStart: PlanDate?
    public let lateFinish: PlanDate?
    /// LF − EF: days it can slip before some program misses its deadline; negative when late.
    public let totalSlack: Int?
    /// Earliest successor ES (its program's deadline without successors) − EF: days it can slip
    /// without moving anything else.
    public let freeSlack: Int?
    public let driver: Driver
    /// The dependencies whose finish sets this milestone's start (ties included).
    public let drivingDependencies: [QualifiedID]
    /// On the critical path of some program.
    public let isCritical: Bool

    public var isScheduled: Bool { earlyFinish != nil }
}
