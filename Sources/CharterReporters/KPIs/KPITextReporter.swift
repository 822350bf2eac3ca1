import CharterCore

/// `charter kpis`: a block per program, one line per KPI, aligned in columns.
///
///     payments-v2 · Payments Platform v2
///       K1  Checkout p99 latency    420 → 380 ms   target 300 ms   33%  on-track   as of 2026-03-31
public enum KPITextReporter {
    public static func render(_ table: KPITable) -> String {
        guard !table.rows.isEmpty else { return "no KPIs (add programs/<id>/kpis.yaml; see docs/kpis.md)\n" }
        var lines: [String] = []
        var program: String?
        let cells = table.rows.map(cells)
        let widths = (0..<5).map { column in cells.map { $0[column].count }.max() ?? 0 }
        for (row, cells) in zip(table.rows, cells) {
            if row.program != program {
                if program != nil { lines.append("") }
                program = row.program
                lines.append(([row.program] + (row.programName.map { [$0] } ?? [])).joined(separator: " · ").escapingControlCharacters)
            }
            let padded = cells.enumerated().map { index, cell in index < 5 ? cell.padding(to: widths[index]) : cell }
            lines.append(("  " + padded.joined(separator: "  ")).trimmingTrailingSpaces.escapingControlCharacters)
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
        let kpi = row.kpi, unit = kpi.unit
        let values: String
        switch (kpi.baseline, kpi.current) {
        case (let baseline?, let current?): values = KPIFormat.number(baseline.value) + " → " + KPIFormat.value(current.value, unit: unit)
        case (nil, let current?): values = KPIFormat.value(current.value, unit: unit)
        case (let baseline?, nil): values = KPIFormat.value(baseline.value, unit: unit) + " (no measurement)"
        case (nil, nil): values = "no measurement"
        }
        let target = kpi.target.map { "target " + KPIFormat.value($0.value, unit: unit) } ?? "no target"
        let percent = row.progress.percent.map { "\(Int($0.rounded()))%" } ?? "-"
        let asOf = kpi.asOf.map { "as of \($0.value)" } ?? ""
        return [kpi.id.value, kpi.name ?? "", values, target, percent, row.progress.status.rawValue + (asOf.isEmpty ? "" : "  " + asOf)]
    }
}
