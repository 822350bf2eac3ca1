import CharterCore

/// `{"as_of","source","programs":[{…,"milestones":[…]}],"conflicts":[…],"dangling":[…],"summary":{…}}`:
/// dates as `YYYY-MM-DD` or null, slack in days, ids qualified (`program/id`), keys sorted.
public enum ScheduleJSONReporter {
    public static func render(_ analysis: ScheduleAnalysis, context: ScheduleReportContext) -> String {
        let programs = context.shown(analysis)
        let shown = Set(programs.map(\.program))
        let conflicts = analysis.conflicts.filter { shown.contains($0.milestone.program) }
        return encodeJSON(Document(
            as_of: analysis.asOf, source: context.source,
            programs: programs.map { Program($0, analysis) },
            conflicts: conflicts.map(Conflict.init),
            dangling: analysis.danglingDependencies.filter { shown.contains($0.milestone.program) }.map(Dangling.init),
            summary: Summary(programs: programs.count, late_programs: programs.filter { ($0.varianceDays ?? 0) > 0 }.count,
                             conflicts: conflicts.count,
                             unscheduled: programs.map(\.unscheduled.count).reduce(0, +))))
    }

    private struct Document: Encodable {
        let as_of: PlanDate
        let source: String
        let programs: [Program]
        let conflicts: [Conflict]
        let dangling: [Dangling]
        let summary: Summary
    }

    private struct Summary: Encodable {
        let programs: Int
        let late_programs: Int
        let conflicts: Int
        let unscheduled: Int
    }

    private struct Program: Encodable {
        let program: String
        let name: String?
        let target: PlanDate?
        let forecast_end: PlanDate?
        let variance_days: Int?
        let deadline: PlanDate?
        let critical_paths: [[String]]
        /// Deprecated: the union of `critical_paths`, earliest first (not a chain).
        let critical_path: [String]
        let unscheduled: [String]
        let milestones: [Milestone]

        init(_ forecast: ProgramForecast, _ analysis: ScheduleAnalysis) {
            program = forecast.program
            name = forecast.name
            target = forecast.target
            forecast_end = forecast.forecastEnd
            variance_days = forecast.varianceDays
            deadline = forecast.deadline
            critical_paths = forecast.criticalPaths.map { $0.map(\.description) }
            critical_path = forecast.criticalPath.map(\.description)
            unscheduled = forecast.unscheduled.map(\.description)
            milestones = forecast.milestones.compactMap(analysis.milestone).map(Milestone.init)
        }

        // Optional dates and numbers are written as null, not left out: every key is always there.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(program, forKey: .program)
            try container.encode(name, forKey: .name)
            try container.encode(target, forKey: .target)
            try container.encode(forecast_end, forKey: .forecast_end)
            try container.encode(variance_days, forKey: .variance_days)
            try container.encode(deadline, forKey: .deadline)
            try container.encode(critical_paths, forKey: .critical_paths)
            try container.encode(critical_path, forKey: .critical_path)
            try container.encode(unscheduled, forKey: .unscheduled)
            try container.encode(milestones, forKey: .milestones)
        }

        private enum CodingKeys: CodingKey {
            case program, name, target, forecast_end, variance_days, deadline, critical_paths, critical_path, unscheduled, milestones
        }
    }

    private struct Milestone: Encodable {
        let milestone: ScheduledMilestone

        init(_ milestone: ScheduledMilestone) { self.milestone = milestone }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(milestone.id.description, forKey: .id)
            try container.encode(milestone.name, forKey: .name)
            try container.encode(milestone.status.rawValue, forKey: .status)
            try container.encode(milestone.plannedStart, forKey: .planned_start)
            try container.encode(milestone.plannedDate, forKey: .planned_date)
            try container.encode(milestone.earlyStart, forKey: .early_start)
            try container.encode(milestone.earlyFinish, forKey: .early_finish)
            try container.encode(milestone.lateStart, forKey: .late_start)
            try container.encode(milestone.lateFinish, forKey: .late_finish)
            try container.encode(milestone.totalSlack, forKey: .total_slack)
            try container.encode(milestone.freeSlack, forKey: .free_slack)
            try container.encode(milestone.isCritical, forKey: .critical)
            try container.encode(milestone.driver.rawValue, forKey: .driver)
            try container.encode(milestone.drivingDependencies.map(\.description), forKey: .driving_dependencies)
            try container.encode(milestone.dependencies.map(\.description), forKey: .dependencies)
        }

        private enum CodingKeys: CodingKey {
            case id, name, status, planned_start, planned_date, early_start, early_finish, late_start, late_finish
            case total_slack, free_slack, critical, driver, driving_dependencies, dependencies
        }
    }

    private struct Conflict: Encodable {
        let milestone: String
        let dependency: String
        let planned_field: String
        let planned_day: PlanDate
        let dependency_finish: PlanDate
        let overlap_days: Int

        init(_ conflict: ScheduleConflict) {
            milestone = conflict.milestone.description
            dependency = conflict.dependency.description
            planned_field = conflict.plannedField
            planned_day = conflict.plannedDay
            dependency_finish = conflict.dependencyFinish
            overlap_days = conflict.overlapDays
        }
    }

    private struct Dangling: Encodable {
        let milestone: String
        let reference: String
        let suggestion: String?

        init(_ dangling: DanglingDependency) {
            milestone = dangling.milestone.description
            reference = dangling.reference
            suggestion = dangling.suggestion
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(milestone, forKey: .milestone)
            try container.encode(reference, forKey: .reference)
            try container.encode(suggestion, forKey: .suggestion)
        }

        private enum CodingKeys: CodingKey { case milestone, reference, suggestion }
    }
}
