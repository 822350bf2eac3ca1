import CharterCore

/// The one place `charter forecast` reads history: the change log's walk of HEAD through the
/// public `PlanHistoryReader`, turned into completion outcomes. A history index or cache can be
/// put behind this adapter without touching the command or Core.
struct ForecastHistorySource {
    let history: CompletionHistory
    let commitsRead: Int
    let first: PlanDate?
    let last: PlanDate?

    /// - Parameter tip: the plans whose `done_on` dates say when done milestones were reached.
    static func read(workspace: String?, tip: Workspace) throws -> ForecastHistorySource {
        var doneOn: [QualifiedID: PlanDate] = [:], tipDates: [QualifiedID: PlanDate] = [:]
        for program in tip.programs {
            for milestone in program.milestones {
                let ref = QualifiedID(program: program.folder, id: milestone.id.value)
                tipDates[ref] = milestone.date?.value
                if milestone.status.value == .done, let day = milestone.doneOn?.value { doneOn[ref] = day }
            }
        }
        // Plans outside any git repository have no history: the general class applies.
        guard (try? WorkspaceLocator.locate(explicit: workspace, needsRepository: true)) != nil else {
            return ForecastHistorySource(history: CompletionHistory(PlanHistory(chronological: [])), commitsRead: 0, first: nil, last: nil)
        }
        let reader = try PlanHistoryReader(range: "HEAD", workspace: workspace)
        let result = try reader.read(programs: [], since: nil, useColor: false)
        return ForecastHistorySource(history: CompletionHistory(result.history, doneOn: doneOn, tipDates: tipDates),
                                     commitsRead: result.context.commitsRead,
                                     first: result.history.first?.day, last: result.history.last?.day)
    }

    /// The simulation of a forecast made on `asOf`: the model fitted on the history up to that
    /// day (inclusive) and each milestone's first plan as known then.
    func simulation(asOf: PlanDate, kind: CompletionModel.Kind = .conditional) -> ForecastSimulation {
        let cutoff = asOf.adding(days: 1)
        return ForecastSimulation(model: CompletionModel(history.observations(before: cutoff), kind: kind),
                                  firstPlanned: history.firstPlanned(before: cutoff))
    }
}
