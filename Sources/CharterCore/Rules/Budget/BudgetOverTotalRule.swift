/// Budget lines that add up to more than the approved total are spending that nobody approved.
public struct BudgetOverTotalRule: Rule {
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "budget-over-total",
        name: "Budget lines over total",
        summary: "The budget lines of a program add up to no more than its budget total.",
        category: .budget,
        defaultSeverity: .error,
        triggeringExamples: [
            .budget("""
            lines:
              - { id: ↓B1, category: vendor, amount: 80000 }
              - { id: B2, category: headcount, amount: 30000 }
            """),
        ],
        nonTriggeringExamples: [
            .budget("""
            lines:
              - { id: B1, category: vendor, amount: 70000 }
              - { id: B2, category: headcount, amount: 30000 }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        context.workspace.programs.compactMap { program in
            guard let total = program.budgetTotal, let first = program.budgetLines.first else { return nil }
            let sum = program.budgetLines.reduce(0) { $0 + ($1.amount?.value ?? 0) }
            guard sum > total.value else { return nil }
            let currency = program.currency.map { " \($0)" } ?? ""
            return Finding(at: first.id.location,
                "budget lines of \(program.folder) add up to \(Money.format(sum))\(currency), \(Money.format(sum - total.value)) over the total of \(Money.format(total.value))",
                notes: [Diagnostic.Note("the total is set here", at: total.location)])
        }
    }
}
