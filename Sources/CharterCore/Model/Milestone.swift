public struct Milestone: Hashable, Sendable {
    public var id: Located<String>
    public var name: String?
    public var workstream: Located<String>?
    public var owner: Located<String>?
    public var start: Located<PlanDate>?
    public var date: Located<PlanDate>?
    /// `planned` when the file does not say.
    public var status: Located<MilestoneStatus>
    public var doneOn: Located<PlanDate>?
    public var description: String?
    public var deliverables: [String]
    public var dependsOn: [Located<EntityReference>]

    /// See `MilestoneStatus.isOpen`.
    public var isOpen: Bool { status.value.isOpen }

    public func isOverdue(asOf: PlanDate) -> Bool { status.value.isOverdue(date: date?.value, asOf: asOf) }
}
