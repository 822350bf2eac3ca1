import CharterCore

/// The one place the language server calls Core's scheduler and reads statuses, so a change of
/// Core's schedule or status types is one edit here.
enum ScheduleAdapter {
    struct Forecast: Sendable {
        /// Early finish: when the milestone is forecast to be reached.
        var finish: PlanDate?
        /// Days it can slip before some program misses its deadline.
        var totalSlack: Int?
        var isCritical: Bool
    }

    /// Forecasts for every scheduled milestone; `nil` when dependencies form a cycle.
    static func forecasts(_ workspace: Workspace, asOf: PlanDate) -> [QualifiedID: Forecast]? {
        guard let analysis = try? Scheduler.analyze(workspace, asOf: asOf) else { return nil }
        var result: [QualifiedID: Forecast] = [:]
        for milestone in analysis.milestones {
            result[milestone.id] = Forecast(finish: milestone.earlyFinish, totalSlack: milestone.totalSlack,
                                            isCritical: milestone.isCritical)
        }
        return result
    }

    /// A milestone's status as written in plan files.
    static func status(of milestone: Milestone) -> String { milestone.status.value.rawValue }
}
