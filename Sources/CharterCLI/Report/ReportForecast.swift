import CharterCore

/// The forecast `charter report` shows (the Gantt's P50–P85 whiskers, the chance of meeting
/// each target, the markdown table): `charter forecast` with its defaults, on the report's
/// plans and day. A report is still made without it: plans with a dependency cycle (the
/// report's schedule note says why) or a history that cannot be read (a warning says so).
enum ReportForecast {
    static func run(_ workspace: Workspace, asOf: PlanDate, explicitWorkspace: String?) -> ForecastResult? {
        let history: ForecastHistorySource
        do {
            history = try ForecastHistorySource.read(workspace: explicitWorkspace, tip: workspace)
        } catch {
            Terminal.warning("the report has no forecast: the history could not be read (\(error))")
            return nil
        }
        return try? history.simulation(asOf: asOf).run(workspace, asOf: asOf)
    }
}
