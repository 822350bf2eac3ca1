import CharterCore

/// The markdown report's forecast table (`charter forecast` on the report's plans): each
/// program's end and chance of meeting its target, then its open milestones, with P50, P85
/// and P95 and the chance of being reached by the planned date. "later than DATE" where the
/// history cannot say (docs/forecast.md).
enum MarkdownForecastTable {
    static let title = "### Forecast from the plan's history (P50 / P85 / P95)\n\n"
    static let header = ["Program", "Milestone", "Planned", "P50", "P85", "P95", "Chance by planned date / target"]

    static func rows(_ report: StatusReport) -> [[String]] {
        report.programs.flatMap { program -> [[String]] in
            guard let forecast = program.forecast else { return [] }
            let escape = MarkdownReportRenderer.escape
            let end = ["**\(escape(program.id))**", "_end_", program.target?.description ?? "—",
                       ForecastReporters.phrase(forecast.p50), ForecastReporters.phrase(forecast.p85), ForecastReporters.phrase(forecast.p95),
                       forecast.meetsTarget.map { ForecastReporters.percent($0) + " meets the target" } ?? "—"]
            let milestones = program.milestones.compactMap { bar -> [String]? in
                guard let m = bar.forecast else { return nil }
                return ["**\(escape(program.id))**", "\(escape(bar.id)) · \(escape(bar.name))", bar.date?.description ?? "—",
                        ForecastReporters.phrase(m.p50), ForecastReporters.phrase(m.p85), ForecastReporters.phrase(m.p95),
                        ForecastReporters.percent(m.byPlanned)]
            }
            return [end] + milestones
        }
    }
}
