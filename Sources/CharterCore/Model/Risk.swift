public struct Risk: Hashable, Sendable {
    public var id: Located<String>
    public var title: String?
    public var owner: Located<String>?
    public var probability: Int?
    public var impact: Int?
    public var status: String?
    public var mitigation: String?
    public var affects: [Located<EntityReference>]
    public var reviewBy: Located<PlanDate>?
    public var description: String?

    /// probability x impact, 1 to 25.
    public var score: Int? {
        guard let probability, let impact else { return nil }
        return probability * impact
    }

    /// Open and mitigating risks still threaten the plan.
    public var isActive: Bool { status == "open" || status == "mitigating" }
}
