public struct BudgetLine: Hashable, Sendable {
    public var id: Located<String>
    public var amount: Located<Double>?
    public var category: String?
    public var workstream: Located<String>?
    public var description: String?
}

extension BudgetLine {
    /// What lines without a `category` are counted under, in variance and in the report alike.
    public static let uncategorized = "uncategorized"

    /// The lines' amounts summed by category (a missing or empty category is `uncategorized`).
    public static func totalsByCategory(_ lines: [BudgetLine]) -> [String: Double] {
        var sums: [String: Double] = [:]
        for line in lines {
            let category = line.category.flatMap { $0.isEmpty ? nil : $0 } ?? uncategorized
            sums[category, default: 0] += line.amount?.value ?? 0
        }
        return sums
    }
}
