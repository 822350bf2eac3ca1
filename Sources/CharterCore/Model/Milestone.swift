/// A milestone of a program's plan.
///
/// Its fields live in one shared, copy-on-write box: a copy (a rule looking at each milestone of
/// 300,000, a lookup handing one out) is one reference count instead of one per text and list
/// field, and a change to a copy leaves the others as they were, as with any value.
public struct Milestone: Hashable, Sendable {
    private var box: Box

    public init(        id: Located<String>,
        name: String?,
        workstream: Located<String>?,
        owner: Located<String>?,
        start: Located<PlanDate>?,
        date: Located<PlanDate>?,
        status: Located<MilestoneStatus>,
        doneOn: Located<PlanDate>?,
        description: String?,
        deliverables: [String],
        dependsOn: [Located<EntityReference>]
    ) {
        box = Box(Fields(
            id: id,
            name: name,
            workstream: workstream,
            owner: owner,
            start: start,
            date: date,
            status: status,
            doneOn: doneOn,
            description: description,
            deliverables: deliverables,
            dependsOn: dependsOn
        ))
    }

    public var id: Located<String> {
        get { box.fields.id }
        _modify { makeUnique(); yield &box.fields.id }
        set { makeUnique(); box.fields.id = newValue }
    }

    public var name: String? {
        get { box.fields.name }
        _modify { makeUnique(); yield &box.fields.name }
        set { makeUnique(); box.fields.name = newValue }
    }

    public var workstream: Located<String>? {
        get { box.fields.workstream }
        _modify { makeUnique(); yield &box.fields.workstream }
        set { makeUnique(); box.fields.workstream = newValue }
    }

    public var owner: Located<String>? {
        get { box.fields.owner }
        _modify { makeUnique(); yield &box.fields.owner }
        set { makeUnique(); box.fields.owner = newValue }
    }

    public var start: Located<PlanDate>? {
        get { box.fields.start }
        _modify { makeUnique(); yield &box.fields.start }
        set { makeUnique(); box.fields.start = newValue }
    }

    public var date: Located<PlanDate>? {
        get { box.fields.date }
        _modify { makeUnique(); yield &box.fields.date }
        set { makeUnique(); box.fields.date = newValue }
    }

    /// `planned` when the file does not say.
    public var status: Located<MilestoneStatus> {
        get { box.fields.status }
        _modify { makeUnique(); yield &box.fields.status }
        set { makeUnique(); box.fields.status = newValue }
    }

    public var doneOn: Located<PlanDate>? {
        get { box.fields.doneOn }
        _modify { makeUnique(); yield &box.fields.doneOn }
        set { makeUnique(); box.fields.doneOn = newValue }
    }

    public var description: String? {
        get { box.fields.description }
        _modify { makeUnique(); yield &box.fields.description }
        set { makeUnique(); box.fields.description = newValue }
    }

    public var deliverables: [String] {
        get { box.fields.deliverables }
        _modify { makeUnique(); yield &box.fields.deliverables }
        set { makeUnique(); box.fields.deliverables = newValue }
    }

    public var dependsOn: [Located<EntityReference>] {
        get { box.fields.dependsOn }
        _modify { makeUnique(); yield &box.fields.dependsOn }
        set { makeUnique(); box.fields.dependsOn = newValue }
    }

    /// See `MilestoneStatus.isOpen`.
    public var isOpen: Bool { status.value.isOpen }

    public func isOverdue(asOf: PlanDate) -> Bool { status.value.isOverdue(date: date?.value, asOf: asOf) }

    public static func == (lhs: Milestone, rhs: Milestone) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    }

    /// The stored fields, in the box every copy of one milestone shares until one changes.
    private struct Fields: Hashable, Sendable {
        var id: Located<String>
        var name: String?
        var workstream: Located<String>?
        var owner: Located<String>?
        var start: Located<PlanDate>?
        var date: Located<PlanDate>?
        var status: Located<MilestoneStatus>
        var doneOn: Located<PlanDate>?
        var description: String?
        var deliverables: [String]
        var dependsOn: [Located<EntityReference>]
    }

    /// Mutated only through `makeUnique()`, so no two values see a change of one: safe to send.
    private final class Box: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }
}
