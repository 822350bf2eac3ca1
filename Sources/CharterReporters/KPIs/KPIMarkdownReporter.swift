import CharterCore

/// For a pull request or a status page: a heading with what was read, one table of every KPI
/// (baseline → current, target, progress, status), and with `--history` one table of every
/// committed measurement. Text from the plans is escaped like the diff's markdown.
public enum KPIMarkdownReporter {
    public static func render(_ table: KPITable, context: KPIReportContext) -> String {
        var blocks = ["### KPIs", "Plans read: " + DiffMarkdownReporter.code(context.source)
                        + (context.historyOf.map { "; history of " + DiffMarkdownReporter.code($0) } ?? "") + "."]
        guard !table.rows.isEmpty else {
            return (blocks + ["No KPIs (add `programs/<id>/kpis.yaml`; see docs/kpis.md)."]).joined(separator: "\n\n") + "\n"
        }
        var lines = ["| Program | KPI | Baseline → current | Target | Progress | Status | As of |",
                     "| --- | --- | --- | --- | ---: | --- | --- |"]
        for row in table.rows {
            lines.append(line([row.programHeading, name(row), row.measurement, row.targetValue ?? "—", row.progressPercent,
                               row.progress.status.rawValue, row.kpi.asOf.map { $0.value.description } ?? "—"]))
        }
        blocks.append(lines.joined(separator: "\n"))
        let measured = table.rows.filter { !($0.history ?? []).isEmpty }
        if table.rows.contains(where: { $0.history != nil }) {
            var history = ["#### Measurements committed", ""]
            if measured.isEmpty {
                history.append("No commit recorded a measurement.")
            } else {
                history += ["| KPI | Date | Value | Commit |", "| --- | --- | ---: | --- |"]
                for row in measured {
                    for point in row.history ?? [] {
                        let date = point.date.description + (point.dateFromCommit ? " (no as_of; commit date)" : "")
                        history.append("| " + escape(row.program + "/" + row.kpi.id.value) + " | " + escape(date) + " | "
                                       + escape(KPIFormat.value(point.value, unit: row.kpi.unit)) + " | "
                                       + DiffMarkdownReporter.code(String(point.commit.prefix(8))) + " |")
                    }
                }
            }
            blocks.append(history.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private static func name(_ row: KPITable.Row) -> String {
        row.kpi.id.value + (row.kpi.name.map { " · \($0)" } ?? "")
    }

    private static func line(_ cells: [String]) -> String {
        "| " + cells.map(escape).joined(separator: " | ") + " |"
    }

    private static func escape(_ text: String) -> String { DiffMarkdownReporter.escape(text) }
}
