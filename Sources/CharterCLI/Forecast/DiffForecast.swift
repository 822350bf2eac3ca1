import CharterCore

/// `charter diff --forecast`: `charter forecast` (same model, fitted on the repository's history
/// up to the diff's as-of day, same seed) on both sides, and how each program's P85 moved.
enum DiffForecast {
    /// nil, with a warning, when either side has a dependency cycle (nothing can be forecast).
    static func shifts(_ sides: (from: DiffSide, to: DiffSide), asOf: PlanDate, workspace: String?) throws -> [ForecastShift]? {
        let history = try ForecastHistorySource.read(workspace: workspace, tip: sides.to.workspace)
        let simulation = history.simulation(asOf: asOf)
        do {
            return ForecastShift.p85(from: try simulation.run(sides.from.workspace, asOf: asOf),
                                     to: try simulation.run(sides.to.workspace, asOf: asOf))
        } catch {
            Terminal.warning("no forecast: \(error); no order of work can satisfy it (charter validate lists every cycle)")
            return nil
        }
    }
}
