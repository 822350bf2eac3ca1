/// An entity as the plans at the range's tip have it. A timeline falls back on it for what no
/// event in the history walked says: a milestone added before a shallow clone's boundary (or
/// before the range) and never changed since has no event at all, yet has a name, a date and a
/// status now.
public struct TipState: Hashable, Sendable {
    public var name: String?
    public var date: PlanDate?
    public var status: String?

    public init(name: String?, date: PlanDate?, status: String?) {
        self.name = name
        self.date = date
        self.status = status
    }
}
