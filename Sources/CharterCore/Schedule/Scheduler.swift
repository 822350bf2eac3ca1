/// Critical-path scheduling of every milestone in a workspace, across programs. Pure and
/// O(V+E): a topological sort, a forward pass (early dates), a backward pass (late dates,
/// slack), and a walk back from each program's forecast end (critical path).
public enum Scheduler {
    /// Chains kept per program in `ProgramForecast.criticalPaths`.
    public static let chainLimit = CriticalPath.chainLimit

    /// - Parameter asOf: the day open milestones cannot finish before (today, or a commit's date).
    /// - Throws: `DependencyCycleError` when dependencies form a cycle: nothing is scheduled.
    public static func analyze(_ workspace: Workspace, asOf: PlanDate) throws(DependencyCycleError) -> ScheduleAnalysis {
        try analyze(MilestoneNetwork(workspace), workspace: workspace, asOf: asOf)
    }

    /// The same over a network already built from `workspace`.
    public static func analyze(_ network: MilestoneNetwork, workspace: Workspace, asOf: PlanDate) throws(DependencyCycleError) -> ScheduleAnalysis {
        if let cycle = network.cycles.first {
            throw DependencyCycleError(cycle: cycle.map { network.ids[$0] },
                                       location: network.reference(from: cycle[0], to: cycle[1 % cycle.count])?.location)
        }
        let forward = ForwardPass(network, asOf: asOf)
        var position = [Int](repeating: 0, count: network.ids.count)
        for (index, node) in network.order.enumerated() { position[node] = index }

        let membersByProgram = network.members
        var forecastEnds: [String: Int] = [:]
        var deadlines: [String: Int] = [:]
        for program in workspace.programs {
            let end = forward.latestFinish(among: membersByProgram[program.folder, default: []])
            forecastEnds[program.folder] = end
            deadlines[program.folder] = program.target?.value.dayNumber ?? end
        }
        let backward = BackwardPass(network, forward, deadlines: deadlines)

        var critical = Set<Int>()
        var programs: [ProgramForecast] = []
        for program in workspace.programs {
            let members = membersByProgram[program.folder, default: []].sorted { network.ids[$0] < network.ids[$1] }
            let end = forecastEnds[program.folder] ?? nil
            let ends = end.map { end in members.filter { forward.earlyFinish[$0] == end } } ?? []
            let path = CriticalPath.union(from: ends, forward, position: position)
            critical.formUnion(path)
            let target = program.target?.value
            programs.append(ProgramForecast(
                program: program.folder, name: program.name, target: target,
                forecastEnd: end.map(PlanDate.init(dayNumber:)),
                varianceDays: end.flatMap { end in target.map { end - $0.dayNumber } },
                deadline: deadlines[program.folder].flatMap { $0 }.map(PlanDate.init(dayNumber:)),
                criticalPaths: CriticalPath.chains(from: ends, forward).map { $0.map { network.ids[$0] } },
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
                                danglingDependencies: network.danglingWithSuggestions(in: workspace))
    }

    /// Dependencies that finish after an open milestone's planned start (or, for an event, its date).
    private static func conflicts(_ network: MilestoneNetwork, _ forward: ForwardPass) -> [ScheduleConflict] {
        network.ids.indices.sorted(by: { network.ids[$0] < network.ids[$1] }).flatMap { conflicts(of: $0, network, forward) }
    }

    /// One milestone's conflicts, in dependency order; none when it is not open.
    static func conflicts(of node: Int, _ network: MilestoneNetwork, _ forward: ForwardPass) -> [ScheduleConflict] {
        conflicts(of: node, network.milestones[node], dependencies: network.dependencies[node],
                  finishDay: { forward.earlyFinish[$0] }, key: { network.ids[$0] })
    }

    /// The one rule for a conflict, over whatever holds the schedule: a whole network here, a
    /// diff's cone too (`ImpactSide`). `finishDay` is a dependency's early finish, `nil` when unscheduled.
    static func conflicts(of node: Int, _ milestone: Milestone, dependencies: [Int],
                          finishDay: (Int) -> Int?, key: (Int) -> QualifiedID) -> [ScheduleConflict] {
        guard milestone.isOpen,
              let (field, planned) = milestone.start.map({ ("start", $0.value) }) ?? milestone.date.map({ ("date", $0.value) })
        else { return [] }
        return dependencies.compactMap { dependency in
            guard let finish = finishDay(dependency), finish > planned.dayNumber else { return nil }
            return ScheduleConflict(milestone: key(node), dependency: key(dependency),
                                    plannedField: field, plannedDay: planned, dependencyFinish: PlanDate(dayNumber: finish))
        }
    }
}
