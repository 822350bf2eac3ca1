public struct BudgetLine: Hashable, Sendable {
    public var id: Located<String>
    public var amount: Located<Double>?
    public var category: String?
    public var workstream: Located<String>?
    public var description: String?
}
