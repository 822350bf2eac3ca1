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
        let style = DiffStyle(enabled: context.useColor)
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

    private static func programLines(_ program: ProgramVariance, style: DiffStyle) -> [String] {
        var lines = [style.bold(VariancePhrases.heading(program))]
        let label = { (text: String) in "  " + text.padding(to: 11) }
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
            let width = changedCategories.map(\.category.count).max()!
            for category in changedCategories {
                lines.append("    " + category.category.padding(to: width) + "  "
                             + VariancePhrases.amount(category.amount, currency: budget.currency))
            }
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

    private static func milestoneTable(_ milestones: [MilestoneVariance], style: DiffStyle) -> [String] {
        let rows = milestones.map { milestone in
            [milestone.id, milestone.name ?? "", VariancePhrases.baselineDate(milestone),
             VariancePhrases.currentDate(milestone), VariancePhrases.days(milestone.date.days), VariancePhrases.status(milestone)]
        }
        var widths = [Int](repeating: 0, count: 6)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return zip(milestones, rows).map { milestone, row in
            let days = String(repeating: " ", count: widths[4] - row[4].count) + row[4]
            var line = "    " + [row[0].padding(to: widths[0]), row[1].padding(to: widths[1]),
                                 row[2].padding(to: widths[2]), "→", row[3].padding(to: widths[3])].joined(separator: "  ")
            line += "  " + color(days, milestone, style) + "  " + row[5]
            return line.trimmingTrailingSpaces
        }
    }

    private static func color(_ text: String, _ milestone: MilestoneVariance, _ style: DiffStyle) -> String {
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
