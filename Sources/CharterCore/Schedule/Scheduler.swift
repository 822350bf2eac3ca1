/// Critical-path scheduling of every milestone in a workspace, across programs. Pure and
/// O(V+E): a topological sort, a forward pass (early dates), a backward pass (late dates,
/// slack), and a walk back from each program's forecast end (critical path).
public enum Scheduler {
    /// - Parameter asOf: the day open milestones cannot finish before (today, or a commit's date).
    /// - Throws: `DependencyCycleError` when dependencies form a cycle: nothing is scheduled.
    public static func analyze(_ workspace: Workspace, asOf: PlanDate) throws(DependencyCycleError) -> ScheduleAnalysis {
        var network = ScheduleNetwork(workspace)
        try network.sort()
        let forward = ForwardPass(network, asOf: asOf)
        var position = [Int](repeating: 0, count: network.ids.count)
        for (index, node) in network.order.enumerated() { position[node] = index }

        var membersByProgram: [String: [Int]] = [:]
        for node in network.ids.indices { membersByProgram[network.ids[node].program, default: []].append(node) }
        var forecastEnds: [String: Int] = [:]
        var deadlines: [String: Int] = [:]
        for program in workspace.programs {
            let end = membersByProgram[program.folder, default: []].compactMap { forward.earlyFinish[$0] }.max()
            forecastEnds[program.folder] = end
            deadlines[program.folder] = program.target?.value.dayNumber ?? end
        }
        let backward = BackwardPass(network, forward, deadlines: deadlines)

        var critical = Set<Int>()
        var programs: [ProgramForecast] = []
        for program in workspace.programs {
            let members = membersByProgram[program.folder, default: []].sorted { network.ids[$0] < network.ids[$1] }
            let end = forecastEnds[program.folder] ?? nil
            let path = end.map { end in
                CriticalPath.walk(from: members.filter { forward.earlyFinish[$0] == end }, network, forward, position: position)
            } ?? []
            critical.formUnion(path)
            let target = program.target?.value
            programs.append(ProgramForecast(
                program: program.folder, name: program.name, target: target,
                forecastEnd: end.map(PlanDate.init(dayNumber:)),
                varianceDays: end.flatMap { end in target.map { end - $0.dayNumber } },
                deadline: deadlines[program.folder].flatMap { $0 }.map(PlanDate.init(dayNumber:)),
                criticalPath: path.map { network.ids[$0] },
                milestones: members.map { network.ids[$0] },
                unscheduled: members.filter { forward.earlyFinish[$0] == nil }.map { network.ids[$0] }))
        }

        func day(_ number: Int?) -> PlanDate? { number.map(PlanDate.init(dayNumber:)) }
        let milestones = network.ids.indices.map { node in
            let milestone = network.milestones[node]
            return ScheduledMilestone(
                id: network.ids[node], name: milestone.name, status: milestone.status.value,
                plannedStart: milestone.start?.value, plannedDate: milestone.date?.value,
                dependencies: network.dependencies[node].map { network.ids[$0] },
                earlyStart: day(forward.earlyStart[node]), earlyFinish: day(forward.earlyFinish[node]),
                lateStart: day(backward.lateStart[node]), lateFinish: day(backward.lateFinish[node]),
                totalSlack: backward.lateFinish[node].flatMap { late in forward.earlyFinish[node].map { late - $0 } },
                freeSlack: backward.freeSlack[node],
                driver: forward.driver[node],
                drivingDependencies: forward.driving[node].map { network.ids[$0] },
                isCritical: critical.contains(node))
        }.sorted { $0.id < $1.id }

        return ScheduleAnalysis(asOf: asOf, milestones: milestones,
                                programs: programs.sorted { NaturalOrder.less($0.program, $1.program) },
                                conflicts: conflicts(network, forward),
                                danglingDependencies: network.dangling)
    }

    /// Dependencies that finish after an open milestone's planned start (or, for an event, its date).
    private static func conflicts(_ network: ScheduleNetwork, _ forward: ForwardPass) -> [ScheduleConflict] {
        var result: [ScheduleConflict] = []
        for node in network.ids.indices.sorted(by: { network.ids[$0] < network.ids[$1] }) {
            let milestone = network.milestones[node]
            guard milestone.status.value != .done,
                  let (field, planned) = milestone.start.map({ ("start", $0.value) }) ?? milestone.date.map({ ("date", $0.value) })
            else { continue }
            for dependency in network.dependencies[node] {
                guard let finish = forward.earlyFinish[dependency], finish > planned.dayNumber else { continue }
                result.append(ScheduleConflict(milestone: network.ids[node], dependency: network.ids[dependency],
                                               plannedField: field, plannedDay: planned,
                                               dependencyFinish: PlanDate(dayNumber: finish)))
            }
        }
        return result
    }
}
