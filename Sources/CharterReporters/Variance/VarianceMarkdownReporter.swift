import CharterCore

/// For a pull request or a status page: a heading, the summary, then per program a table of
/// milestones (baseline, current, variance, status), the budget and the scope changes.
public enum VarianceMarkdownReporter {
    public static func render(_ variance: PlanVariance, context: VarianceReportContext) -> String {
        var blocks = ["### Variance from baseline `\(context.baseline.name)`"]
        var intro = "Baseline \(DiffMarkdownReporter.code(context.baseline.name)) of \(context.baseline.date.day) "
            + "(commit \(DiffMarkdownReporter.code(String(context.baseline.commit.prefix(8))))) compared with "
            + DiffMarkdownReporter.code(context.currentDescription) + "."
        if let message = context.baseline.message?.split(separator: "\n").first {
            intro += " " + escape(String(message))
        }
        blocks.append(intro)
        blocks.append("**Summary:** " + escape(VariancePhrases.summary(variance)))
        for program in variance.programs {
            blocks.append(programBlock(program))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private static func programBlock(_ program: ProgramVariance) -> String {
        var lines = ["#### " + escape(VariancePhrases.heading(program)), ""]
        lines.append("- **Target:** " + escape(VariancePhrases.target(program.target)))
        let budget = program.budget
        if budget.total.baseline != nil || budget.total.current != nil {
            lines.append("- **Budget:** " + escape(VariancePhrases.amount(budget.total, currency: budget.currency)))
        }
        for category in budget.categories where category.amount.baseline != category.amount.current {
            lines.append("  - \(escape(category.category)): " + escape(VariancePhrases.amount(category.amount, currency: budget.currency)))
        }
        for row in VariancePhrases.scope(program) {
            lines.append("- **\(row.label.prefix(1).uppercased() + row.label.dropFirst()):** " + escape(row.text))
        }
        if !program.milestones.isEmpty {
            lines += ["", "| Milestone | Baseline | Current | Variance | Status |", "| --- | --- | --- | ---: | --- |"]
            for milestone in program.milestones {
                let cells = [milestone.id + (milestone.name.map { " · \($0)" } ?? ""), VariancePhrases.baselineDate(milestone),
                             VariancePhrases.currentDate(milestone), VariancePhrases.days(milestone.date.days),
                             VariancePhrases.status(milestone)]
                lines.append("| " + cells.map(escape).joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func escape(_ text: String) -> String { DiffMarkdownReporter.escape(text) }
}
