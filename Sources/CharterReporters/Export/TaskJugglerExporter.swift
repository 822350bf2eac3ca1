import CharterCore

/// `charter export --format tjp`: the whole milestone network as a TaskJuggler 3 project that
/// `tj3` schedules to the same early dates as `charter schedule`.
///
/// Each program is a task group; each scheduled milestone a group of up to three tasks:
/// - `planned`: a milestone on its planned `start` (or, for an event, its `date`);
/// - `work`: `date − start` calendar days (`duration`, not working time), after `planned` and
///   the `finish` of every dependency; for a done milestone, fixed to end on `done_on`;
/// - `finish`: after `work` and, while the milestone is open, not before the as-of day (an open
///   milestone cannot be finished in the past).
/// So the milestone's forecast is `work`'s start and `finish`'s end. Cancelled and unscheduled
/// milestones are left out with a comment, as `charter schedule` leaves them out. The charter id
/// of every program and milestone is kept in the `CharterId` attribute.
public enum TaskJugglerExporter {
    public static func render(_ workspace: Workspace, schedule: ScheduleAnalysis, toolVersion: String) -> String {
        var scheduled: [QualifiedID: ScheduledMilestone] = [:]
        for milestone in schedule.milestones where milestone.isScheduled { scheduled[milestone.id] = milestone }
        let programs = workspace.programs.sorted { NaturalOrder.less($0.folder, $1.folder) }

        // Identifiers first: a dependency may point at a program written further down.
        var topLevel = TaskJugglerNames(reserved: ["asof"])
        var programIDs: [String: String] = [:]
        var milestoneIDs: [QualifiedID: String] = [:]
        for program in programs {
            programIDs[program.folder] = topLevel.identifier(for: program.folder)
            var inProgram = TaskJugglerNames()
            for milestone in program.milestones {
                let key = QualifiedID(program: program.folder, id: milestone.id.value)
                if scheduled[key] != nil, milestoneIDs[key] == nil { milestoneIDs[key] = inProgram.identifier(for: key.id) }
            }
        }
        func path(_ key: QualifiedID) -> String { "\(programIDs[key.program]!).\(milestoneIDs[key]!)" }

        var body: [String] = []
        var earliest = schedule.asOf, latest = schedule.asOf, totalSpan = 0
        for program in programs {
            var tasks: [String] = []
            var written: Set<String> = []
            for milestone in program.milestones {
                let key = QualifiedID(program: program.folder, id: milestone.id.value)
                guard written.insert(key.id).inserted else { continue }
                guard let entry = scheduled[key] else {
                    let why = (milestone.status.value == .cancelled) ? "cancelled" : "unscheduled: no date, no start and no scheduled dependency"
                    tasks.append("  # \(key): \(why)")
                    continue
                }
                let own = path(key)
                var lines = ["  task \(milestoneIDs[key]!) \(TaskJugglerNames.quoted(milestone.name ?? key.id)) {",
                             "    CharterId \(TaskJugglerNames.quoted(key.description))"]
                if (milestone.status.value == .done) {
                    let finish = (milestone.doneOn ?? milestone.date)!.value
                    let start = min(milestone.start?.value ?? finish, finish)
                    earliest = min(earliest, start)
                    latest = max(latest, finish)
                    lines.append("    task work \"work (done)\" { start \(start) \(length(start.days(to: finish))) }")
                    lines.append("    task finish \"done\" { depends \(own).work milestone }")
                } else {
                    var after = entry.dependencies.filter { scheduled[$0] != nil }.map { "\(path($0)).finish" }
                    if let planned = (milestone.start ?? milestone.date)?.value {
                        earliest = min(earliest, planned)
                        latest = max(latest, planned)
                        lines.append("    task planned \"planned \(milestone.start == nil ? "date" : "start")\" { start \(planned) milestone }")
                        after.append("\(own).planned")
                    }
                    var span = 0
                    if let start = milestone.start?.value, let date = milestone.date?.value { span = max(0, start.days(to: date)) }
                    totalSpan += span
                    lines.append("    task work \"work\" { depends \(after.joined(separator: ", ")) \(length(span)) }")
                    lines.append("    task finish \"finish\" { depends \(own).work, asof milestone }")
                }
                lines.append("  }")
                tasks += lines
            }
            guard tasks.contains(where: { !$0.hasPrefix("  #") }) else {
                body.append("# \(program.folder): no scheduled milestone")
                continue
            }
            body.append("task \(programIDs[program.folder]!) \(TaskJugglerNames.quoted(program.name ?? program.folder)) {")
            body.append("  CharterId \(TaskJugglerNames.quoted(program.folder))")
            body += tasks
            body.append("}")
        }

        // Every task lies between the earliest planned day and the latest one plus all the work
        // in the network done one after the other.
        let projectStart = earliest.adding(days: -1), projectEnd = latest.adding(days: totalSpan + 2)
        let header = [
            "# TaskJuggler project written by charter \(toolVersion) from the plans as of \(schedule.asOf).",
            "# Schedule it with: tj3 <this file>  (writes charter-schedule.csv).",
            "# A milestone's forecast is the start of its 'work' task and the end of its 'finish' task.",
            "project charter \"Charter plans\" \(projectStart) - \(projectEnd) {",
            "  timezone \"UTC\"",
            "  now \(schedule.asOf)",
            "  extend task { text CharterId \"Charter id\" }",
            "}",
            "",
            "task asof \"As of \(schedule.asOf)\" { start \(schedule.asOf) milestone }",
            "",
        ]
        let report = [
            "",
            "taskreport charter_schedule \"charter-schedule\" {",
            "  formats csv",
            "  columns id, CharterId, name, start, end",
            "  timeformat \"%Y-%m-%d\"",
            "  hidetask 0",
            "}",
        ]
        return (header + body + report).joined(separator: "\n") + "\n"
    }

    /// Calendar days (`duration`), not working time (`effort`, `length`); 0 is a milestone.
    private static func length(_ days: Int) -> String { days == 0 ? "milestone" : "duration \(days)d" }
}
