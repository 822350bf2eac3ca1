import CharterCore

/// `charter kpis`: what was read, then a block per program, one line per KPI, aligned in columns.
///
///     charter kpis · worktree
///
///     payments-v2 · Payments Platform v2
///       K1  Checkout p99 latency    420 → 380 ms   target 300 ms   33%  on-track   as of 2026-03-31
public enum KPITextReporter {
    public static func render(_ table: KPITable, context: KPIReportContext) -> String {
        var lines = [context.heading.escapingControlCharacters, ""]
        guard !table.rows.isEmpty else {
            return (lines + ["no KPIs (add programs/<id>/kpis.yaml; see docs/kpis.md)"]).joined(separator: "\n") + "\n"
        }
        var program: String?
        let rowLines = TextTable(indent: "  ").render(table.rows.map(cells))
        for (row, line) in zip(table.rows, rowLines) {
            if row.program != program {
                if program != nil { lines.append("") }
                program = row.program
                lines.append(row.programHeading.escapingControlCharacters)
            }
            lines.append(line.escapingControlCharacters)
            for point in row.history ?? [] {
                let source = point.dateFromCommit ? " (no as_of; commit date)" : ""
                lines.append("      \(point.date)  \(KPIFormat.value(point.value, unit: row.kpi.unit))  \(point.commit.prefix(8))\(source)"
                    .escapingControlCharacters)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// id, name, baseline → current, target, progress, status and as-of.
    private static func cells(_ row: KPITable.Row) -> [String] {
        let target = row.targetValue.map { "target " + $0 } ?? "no target"
        let asOf = row.kpi.asOf.map { "as of \($0.value)" } ?? ""
        return [row.kpi.id.value, row.kpi.name ?? "", row.measurement, target, row.progressPercent,
                row.progress.status.rawValue + (asOf.isEmpty ? "" : "  " + asOf)]
    }
}
