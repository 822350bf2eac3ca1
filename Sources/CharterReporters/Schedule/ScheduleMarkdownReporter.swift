import CharterCore

/// For a pull request or a status page: a heading with what was read, the summary, then per
/// program the forecast, the critical path, a table of milestones (dates, slack, what set them),
/// conflicts and unscheduled milestones. Text from the plans is escaped like the diff's markdown.
public enum ScheduleMarkdownReporter {
    public static func render(_ analysis: ScheduleAnalysis, context: ScheduleReportContext) -> String {
        let plain = TerminalStyle(enabled: false)
        let programs = context.shown(analysis)
        var blocks = ["### Schedule as of \(analysis.asOf)",
                      "Plans read: \(DiffMarkdownReporter.code(context.source)). **Summary:** "
                        + escape(SchedulePhrases.summary(programs, analysis, style: plain))]
        blocks += programs.map { programBlock($0, analysis) }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private static func programBlock(_ program: ProgramForecast, _ analysis: ScheduleAnalysis) -> String {
        var lines = ["#### " + escape(([program.program] + (program.name.map { [$0] } ?? [])).joined(separator: " · ")), ""]
        lines.append("- " + escape(SchedulePhrases.forecast(program, style: TerminalStyle(enabled: false))))
        if let paths = SchedulePhrases.criticalPaths(program, analysis) {
            if paths.chains.count == 1 && paths.notListed == 0 {
                lines.append("- **Critical path:** " + escape(paths.chains[0]))
            } else {
                lines.append("- **" + escape(paths.heading.prefix(1).uppercased() + paths.heading.dropFirst()) + ":**")
                lines += paths.chains.map { "  - " + escape($0) }
                if paths.notListed > 0 { lines.append("  - " + escape(SchedulePhrases.notListed(paths.notListed))) }
            }
        }
        for conflict in analysis.conflicts where conflict.milestone.program == program.program {
            lines.append("- **Conflict:** " + escape(SchedulePhrases.conflict(conflict)))
        }
        if !program.unscheduled.isEmpty {
            lines.append("- **Unscheduled** (no date, start or scheduled dependency): "
                         + escape(program.unscheduled.map(\.id).joined(separator: ", ")))
        }
        let rows = SchedulePhrases.rows(program, analysis)
        if !rows.isEmpty {
            lines += ["", "| Critical | Milestone | Planned | Start | Finish | Late finish | Slack | Free | Set by |",
                      "| :---: | --- | --- | --- | --- | --- | ---: | ---: | --- |"]
            for row in rows {
                let cells = [row.isCritical ? "*" : "", row.id.id + (row.name.map { " · \($0)" } ?? ""),
                             row.plannedDate?.description ?? "-", row.earlyStart?.description ?? "-",
                             row.earlyFinish?.description ?? "-", row.lateFinish?.description ?? "-",
                             SchedulePhrases.days(row.totalSlack), SchedulePhrases.days(row.freeSlack), SchedulePhrases.driver(row)]
                lines.append("| " + cells.map(escape).joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func escape(_ text: String) -> String { DiffMarkdownReporter.escape(text) }
}
