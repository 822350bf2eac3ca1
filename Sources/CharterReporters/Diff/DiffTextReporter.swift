import CharterCore

/// For a terminal: a block per program, one line per entity (`+` added, `-` removed, `~`
/// modified, `>` moved, `!` consequence, `?` unreadable file) with its changed fields beneath,
/// then the summary and the summary line.
///
///     payments-v2 · Payments Platform v2
///       ~ milestone M2 · Beta
///           date: 2026-05-01 → 2026-05-15 (slipped 14d)
///       ! M3 now has 5 days of slack after M2 (was 19): it ends 2026-05-15
///
/// Coloured only when the context says so; text from plan files has its control characters
/// escaped, so a plan cannot move the cursor or recolour the terminal.
public enum DiffTextReporter: DiffReporter {
    public static let format = DiffFormat.text

    public static func render(_ diff: PlanDiff, context: DiffReportContext) -> String {
        let style = TerminalStyle(enabled: context.useColor)
        var lines = [style.bold("charter diff \(context.fromDescription) → \(context.toDescription)".escapingControlCharacters)]
        if !diff.hasChanges && diff.unreadable.isEmpty {
            lines.append("no changes")
            return lines.joined(separator: "\n") + "\n"
        }
        for program in diff.programs {
            let changes = diff.changes(in: program)
            let name = diff.programNames[program]
            lines.append("")
            lines.append(style.bold(([program] + (name.map { [$0] } ?? [])).joined(separator: " · ").escapingControlCharacters))
            for change in changes { lines += entityLines(change, style: style) }
            for consequence in diff.consequences(in: program) {
                lines.append("  " + style.consequence("! " + consequence.message.escapingControlCharacters))
            }
            for report in diff.unreadable where PlanFileKind.classify(report.file.path)?.programFolder == program {
                lines.append("  " + style.unreadable("? " + DiffPhrases.unreadable(report, context: context).escapingControlCharacters))
            }
        }
        let rootChanges = diff.changes.filter { $0.program == nil }
        let rootUnreadable = diff.unreadable.filter { PlanFileKind.classify($0.file.path)?.programFolder == nil }
        if !rootChanges.isEmpty || !rootUnreadable.isEmpty {
            lines.append("")
            lines.append(style.bold("workspace"))
            for change in rootChanges { lines += entityLines(change, style: style) }
            for report in rootUnreadable {
                lines.append("  " + style.unreadable("? " + DiffPhrases.unreadable(report, context: context).escapingControlCharacters))
            }
        }
        if !diff.lessons.isEmpty {
            lines.append("")
            lines.append(style.bold("lessons learned"))
            for recalled in diff.lessons { lines += RecalledLessonPhrases.textLines(recalled) }
        }
        lines.append("")
        let rows = context.compact ? [] : DiffPhrases.summaryRows(diff)
        // Labels padded to the longest there can be, so the summary line always starts in the same column.
        let width = rows.isEmpty ? "summary".count : "consequences".count
        for row in rows {
            lines.append(style.bold(row.label.padded(toDisplayWidth: width)) + "  " + row.value.escapingControlCharacters)
        }
        lines.append(style.bold("summary".padded(toDisplayWidth: width)) + "  " + diff.summary.line.escapingControlCharacters)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func entityLines(_ change: EntityChange, style: TerminalStyle) -> [String] {
        let marker: String
        switch change.change {
        case .added: marker = style.added("+")
        case .removed: marker = style.removed("-")
        case .modified: marker = style.modified("~")
        case .moved: marker = style.moved(">")
        }
        var head = DiffPhrases.subject(change)
        if let title = DiffPhrases.title(change) { head += " · " + title }
        if change.change == .moved, let source = change.movedFrom {
            head += change.entity == .program ? " (renamed from \(source))" : " (moved from \(source))"
        }
        if change.change == .added || change.change == .removed, let essentials = DiffPhrases.essentials(change) {
            head += " (\(essentials))"
        }
        var lines = ["  \(marker) " + head.escapingControlCharacters]
        if change.change == .modified || change.change == .moved {
            lines += DiffPhrases.fieldLines(change).map { "      " + $0.escapingControlCharacters }
        }
        return lines
    }
}
