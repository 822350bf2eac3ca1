import CharterCore

/// For a TPM at a terminal: per program the forecast against the target, the critical paths one
/// chain a line, a table of milestones, conflicts and unscheduled milestones.
///
///     payments-v2 · Payments Platform v2
///       forecast 2026-10-14 · target 2026-09-30 · 14 days late
///       critical path: identity/M3 Token service GA (2026-04-20) → M2 Beta (2026-05-01)
///         id  name  planned     start       finish      late finish  slack  free  set by
///       * M2  Beta  2026-05-01  2026-04-20  2026-05-01  2026-04-27    -4d    0d  identity/M3
///
/// `*` marks the critical path; slack is in calendar days, negative when late.
public enum ScheduleTextReporter {
    public static func render(_ analysis: ScheduleAnalysis, context: ScheduleReportContext) -> String {
        let style = TerminalStyle(enabled: context.useColor)
        let programs = context.shown(analysis)
        var lines = [style.bold("charter schedule · \(context.source) · as of \(analysis.asOf)".escapingControlCharacters)]
        for program in programs {
            lines.append("")
            lines += programLines(program, analysis, style: style)
        }
        lines.append("")
        lines.append(SchedulePhrases.summary(programs, analysis, style: style))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func programLines(_ program: ProgramForecast, _ analysis: ScheduleAnalysis, style: TerminalStyle) -> [String] {
        var lines = [style.bold(([program.program] + (program.name.map { [$0] } ?? [])).joined(separator: " · ").escapingControlCharacters)]
        lines.append("  " + SchedulePhrases.forecast(program, style: style))
        if let paths = SchedulePhrases.criticalPaths(program, analysis) {
            if paths.chains.count == 1 && paths.notListed == 0 {
                lines.append(("  critical path: " + paths.chains[0]).escapingControlCharacters)
            } else {
                lines.append("  \(paths.heading):")
                lines += paths.chains.map { ("    " + $0).escapingControlCharacters }
                if paths.notListed > 0 { lines.append("    " + SchedulePhrases.notListed(paths.notListed)) }
            }
        }
        let rows = SchedulePhrases.rows(program, analysis)
        if !rows.isEmpty { lines += table(rows, style: style) }
        for conflict in analysis.conflicts where conflict.milestone.program == program.program {
            lines.append(style.modified("  ! " + SchedulePhrases.conflict(conflict)).escapingControlCharacters)
        }
        if !program.unscheduled.isEmpty {
            lines.append("  unscheduled (no date, start or scheduled dependency): "
                         + program.unscheduled.map(\.id).joined(separator: ", ").escapingControlCharacters)
        }
        return lines
    }

    private static func table(_ rows: [ScheduledMilestone], style: TerminalStyle) -> [String] {
        let header = ["  id", "name", "planned", "start", "finish", "late finish", "slack", "free", "set by"]
        let body = rows.map { row -> [String] in
            [(row.isCritical ? "* " : "  ") + row.id.id, Markup.cut(row.name ?? "", 32),
             row.plannedDate?.description ?? "-", row.earlyStart?.description ?? "-", row.earlyFinish?.description ?? "-",
             row.lateFinish?.description ?? "-", SchedulePhrases.days(row.totalSlack), SchedulePhrases.days(row.freeSlack),
             SchedulePhrases.driver(row)]
        }
        let table = TextTable(columns: [.init(), .init(), .init(), .init(), .init(), .init(), .init(.right), .init(.right)])
        let lines = table.render([header] + body)
        return [lines[0]] + zip(rows, lines.dropFirst()).map { row, line in
            let text = line.escapingControlCharacters
            return row.totalSlack.map { $0 < 0 } == true ? style.removed(text) : row.isCritical ? style.bold(text) : text
        }
    }
}
