import CharterCore

extension StatusReport {
    /// Puts a forecast (`charter forecast`'s result for the same plans and day) on the programs
    /// and milestones it covers: the Gantt's P50–P85 whiskers, the chance of meeting each target,
    /// the markdown report's table. Done milestones keep none (their date is fixed).
    public mutating func attach(_ forecast: ForecastResult) {
        let programsByID = Dictionary(forecast.programs.map { ($0.program, $0) }, uniquingKeysWith: { first, _ in first })
        let milestonesByID = Dictionary(forecast.milestones.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in programs.indices {
            let id = programs[index].id
            programs[index].forecast = programsByID[id]
            for row in programs[index].milestones.indices {
                let milestone = milestonesByID[QualifiedID(program: id, id: programs[index].milestones[row].id)]
                programs[index].milestones[row].forecast = milestone.flatMap { $0.fixed || $0.unscheduled ? nil : $0 }
            }
        }
    }

    /// Whether any program carries a forecast.
    public var hasForecast: Bool { programs.contains { $0.forecast != nil } }
}
