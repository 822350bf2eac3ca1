import CharterCore

/// For a terminal: a block per program (target, budget, milestones in a table, scope), then
/// the summary line.
///
///     payments-v2 · Payments Platform v2
///       target     2026-09-30, unchanged
///       budget     $1,250,000 → $1,350,000  +$100,000 (+8.0%)
///         vendor   $200,000 → $300,000  +$100,000 (+50.0%)
///       milestones
///         M2  Beta   2026-05-01  2026-05-15  +14d  planned
public enum VarianceTextReporter {
    public static func render(_ variance: PlanVariance, context: VarianceReportContext) -> String {
        let style = TerminalStyle(enabled: context.useColor)
        var lines = [style.bold("charter variance \(context.baselineDescription) → \(context.currentDescription)".escapingControlCharacters)]
        if let message = context.baseline.message, !message.isEmpty {
            lines.append("baseline: " + (message.split(separator: "\n").first.map(String.init) ?? "").escapingControlCharacters)
        }
        for program in variance.programs {
            lines.append("")
            lines += programLines(program, style: style).map(\.escapingControlCharacters)
        }
        lines.append("")
        lines.append(style.bold("summary") + "  " + VariancePhrases.summary(variance).escapingControlCharacters)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func programLines(_ program: ProgramVariance, style: TerminalStyle) -> [String] {
        var lines = [style.bold(VariancePhrases.heading(program))]
        let label = { (text: String) in "  " + text.padded(toDisplayWidth: 11) }
        if let old = program.baselineStatus, let new = program.status, old != new {
            lines.append(label("status") + "\(old) → \(new)")
        }
        lines.append(label("target") + VariancePhrases.target(program.target))
        let budget = program.budget
        if budget.total.baseline != nil || budget.total.current != nil {
            lines.append(label("budget") + VariancePhrases.amount(budget.total, currency: budget.currency))
        }
        let changedCategories = budget.categories.filter { $0.amount.baseline != $0.amount.current }
        if !changedCategories.isEmpty {
            lines.append(label("lines") + VariancePhrases.amount(budget.lines, currency: budget.currency))
            lines += TextTable(indent: "    ").render(changedCategories.map { category in
                [category.category, VariancePhrases.amount(category.amount, currency: budget.currency)]
            })
        }
        if !program.milestones.isEmpty {
            lines.append("  milestones")
            lines += milestoneTable(program.milestones, style: style)
        }
        for row in VariancePhrases.scope(program) {
            lines.append(label(row.label) + row.text)
        }
        return lines
    }

    private static func milestoneTable(_ milestones: [MilestoneVariance], style: TerminalStyle) -> [String] {
        let rows = milestones.map { milestone in
            [milestone.id, milestone.name ?? "", VariancePhrases.baselineDate(milestone), "→",
             VariancePhrases.currentDate(milestone), VariancePhrases.days(milestone.date.days), VariancePhrases.status(milestone)]
        }
        let table = TextTable(columns: [.init(), .init(), .init(), .init(), .init(), .init(.right)], indent: "    ")
        let daysColumn = 5
        return table.render(rows) { row, column, cell in
            column == daysColumn ? color(cell, milestones[row], style) : cell
        }
    }

    private static func color(_ text: String, _ milestone: MilestoneVariance, _ style: TerminalStyle) -> String {
        guard let days = milestone.date.days, days != 0 else {
            switch milestone.presence {
            case .added, .movedIn: return style.added(text)
            case .removed: return style.removed(text)
            default: return text
            }
        }
        return days > 0 ? style.removed(text) : style.added(text)
    }
}
