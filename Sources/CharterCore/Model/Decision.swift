public struct Decision: Hashable, Sendable {
    public var id: Located<String>
    public var title: String?
    public var status: Located<String>?
    public var date: Located<PlanDate>?
    public var owner: Located<String>?
    public var supersedes: Located<String>?
    public var supersededBy: Located<String>?
    public var rationale: String?
}
