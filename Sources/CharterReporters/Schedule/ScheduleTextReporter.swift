import CharterCore

/// For a TPM at a terminal: per program the forecast against the target, the critical path as a
/// chain, a table of milestones, conflicts and unscheduled milestones.
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
        let style = DiffStyle(enabled: context.useColor)
        let programs = context.shown(analysis)
        var lines = [style.bold("charter schedule · \(context.source) · as of \(analysis.asOf)".escapingControlCharacters)]
        for program in programs {
            lines.append("")
            lines += programLines(program, analysis, style: style)
        }
        let shown = Set(programs.map(\.program))
        let late = programs.filter { ($0.varianceDays ?? 0) > 0 }.count
        let conflicts = analysis.conflicts.filter { shown.contains($0.milestone.program) }.count
        lines.append("")
        lines.append(plural(programs.count, "program") + " · " + (late > 0 ? style.removed("\(late) late") : "0 late")
                     + " · " + plural(conflicts, "conflict"))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func programLines(_ program: ProgramForecast, _ analysis: ScheduleAnalysis, style: DiffStyle) -> [String] {
        var lines = [style.bold(([program.program] + (program.name.map { [$0] } ?? [])).joined(separator: " · ").escapingControlCharacters)]
        lines.append("  " + forecastLine(program, style: style))
        if !program.criticalPath.isEmpty {
            let chain = program.criticalPath.compactMap(analysis.milestone).map { step in
                let id = step.id.program == program.program ? step.id.id : step.id.description
                let name = step.name.map { " \($0)" } ?? ""
                return "\(id)\(name) (\(step.earlyFinish.map(\.description) ?? "?"))"
            }
            lines.append(("  critical path: " + chain.joined(separator: " → ")).escapingControlCharacters)
        }
        let rows = program.milestones.compactMap(analysis.milestone).filter(\.isScheduled)
        if !rows.isEmpty { lines += table(rows, style: style) }
        for conflict in analysis.conflicts where conflict.milestone.program == program.program {
            let dependency = conflict.dependency.program == program.program ? conflict.dependency.id : conflict.dependency.description
            lines.append(style.modified(
                "  ! \(conflict.milestone.id) is planned to \(conflict.plannedField == "start" ? "start" : "be reached") \(conflict.plannedDay), "
                + "but \(dependency) finishes \(conflict.dependencyFinish), \(plural(conflict.overlapDays, "day")) later"
            ).escapingControlCharacters)
        }
        if !program.unscheduled.isEmpty {
            lines.append("  unscheduled (no date, start or scheduled dependency): "
                         + program.unscheduled.map(\.id).joined(separator: ", ").escapingControlCharacters)
        }
        return lines
    }

    private static func forecastLine(_ program: ProgramForecast, style: DiffStyle) -> String {
        guard let end = program.forecastEnd else { return "no scheduled milestones" }
        guard let target = program.target, let variance = program.varianceDays else {
            return "forecast \(end) · no target"
        }
        let verdict = variance > 0 ? style.removed("\(plural(variance, "day")) late")
            : variance == 0 ? "on target" : style.added("\(plural(-variance, "day")) ahead")
        return "forecast \(end) · target \(target) · \(verdict)"
    }

    private static func table(_ rows: [ScheduledMilestone], style: DiffStyle) -> [String] {
        let header = ["  id", "name", "planned", "start", "finish", "late finish", "slack", "free", "set by"]
        let body = rows.map { row -> [String] in
            [(row.isCritical ? "* " : "  ") + row.id.id, shortened(row.name ?? "", to: 32),
             row.plannedDate?.description ?? "-", row.earlyStart?.description ?? "-", row.earlyFinish?.description ?? "-",
             row.lateFinish?.description ?? "-", days(row.totalSlack), days(row.freeSlack), driver(row)]
        }
        let rightAligned: Set<Int> = [6, 7]
        let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max()! }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }
            return (padded.joined(separator: "  ")).trailingSpacesTrimmed
        }
        return [line(header)] + zip(rows, body).map { row, cells in
            let text = line(cells).escapingControlCharacters
            return row.totalSlack.map { $0 < 0 } == true ? style.removed(text) : row.isCritical ? style.bold(text) : text
        }
    }

    private static func driver(_ row: ScheduledMilestone) -> String {
        switch row.driver {
        case .planned: return row.plannedStart != nil ? "start" : "date"
        case .dependencies:
            return row.drivingDependencies.map { $0.program == row.id.program ? $0.id : $0.description }.joined(separator: ", ")
        case .completed: return "done"
        case .asOf: return "as of"
        case .unscheduled: return "-"
        }
    }

    private static func shortened(_ text: String, to length: Int) -> String {
        text.count <= length ? text : text.prefix(length - 1) + "…"
    }

    private static func days(_ value: Int?) -> String { value.map { "\($0)d" } ?? "-" }

    private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}

extension String {
    fileprivate var trailingSpacesTrimmed: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
