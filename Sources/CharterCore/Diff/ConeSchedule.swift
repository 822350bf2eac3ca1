/// One side of a diff scheduled on demand: the same network and forward pass as
/// `MilestoneNetwork` + `ForwardPass` (first non-cancelled milestone of an id is the node, edges in
/// the order written without repeats, nodes in or after a cycle unscheduled, the same rule for
/// open milestones), but a program's nodes are made only when something asks for one of them and
/// a milestone is scheduled only when its finish is asked for, after its dependencies.
///
/// A diff's consequences only ever look at the milestones a change can reach and at what those
/// depend on, so in a long history over a large workspace this costs what the commit changed,
/// not what the workspace holds (see `ScheduleImpact`).
///
/// A reference class: it fills its tables as it is asked. One instance serves one thread.
final class ConeSchedule: ImpactSide {
    private enum Visit: UInt8 { case new, onStack, done }

    /// The nodes of one program, made together the first time one is asked for. A class: asked
    /// for at every lookup of a node, and handed out by reference.
    private final class ProgramNodes {
        var byID: [String: Int] = [:]
        var members: [Int] = []
        var cancelled: Set<String> = []
    }

    private let workspace: Workspace
    private let scope: Set<String>?
    private let asOf: Int
    private let slotOf: [String: Int]
    /// Each program's milestones, by slot: a node's milestone is read from here without
    /// copying its whole program (asked for at every step of the forward pass).
    private let milestoneLists: [[Milestone]]
    /// Each program's target, by slot.
    private let targets: [PlanDate?]
    private var made: [String: ProgramNodes] = [:]

    private var ids: [QualifiedID] = []
    /// Where each node's milestone is: its program's index and its index there (not copied).
    private var places: [(program: Int, milestone: Int)] = []
    private var resolved: [[Int]?] = []
    private var visit: [Visit] = []
    private var excluded: [Bool] = []
    private var earlyFinish: [Int?] = []
    private var drivers: [ScheduledMilestone.Driver] = []
    private var drivingNodes: [[Int]] = []

    /// `nil` when two programs share a folder (not a workspace read from git or disk), which the
    /// whole-network path handles. `scope`: the program folders the network is made of; the
    /// others are as if absent (`nil`: every program).
    init?(_ workspace: Workspace, scope: Set<String>?, asOf: PlanDate) {
        var slots: [String: Int] = [:]
        slots.reserveCapacity(workspace.programs.count)
        for (slot, program) in workspace.programs.enumerated() {
            guard slots.updateValue(slot, forKey: program.folder) == nil else { return nil }
        }
        self.workspace = workspace
        self.scope = scope
        self.asOf = asOf.dayNumber
        self.slotOf = slots
        self.milestoneLists = workspace.programs.map(\.milestones)
        self.targets = workspace.programs.map { $0.target?.value }
    }

    /// The program folders of this side that the network holds.
    var folders: [String] {
        workspace.programs.map(\.folder).filter { scope?.contains($0) ?? true }
    }

    /// The program at a folder, when the network holds it.
    func program(_ folder: String) -> Program? {
        guard scope?.contains(folder) ?? true, let slot = slotOf[folder] else { return nil }
        return workspace.programs[slot]
    }

    private func nodes(of folder: String) -> ProgramNodes? {
        if let found = made[folder] { return found }
        guard scope?.contains(folder) ?? true, let slot = slotOf[folder] else { return nil }
        let nodes = ProgramNodes()
        for (index, milestone) in milestoneLists[slot].enumerated() {
            let id = milestone.id.value
            guard milestone.status.value != .cancelled else { nodes.cancelled.insert(id); continue }
            guard nodes.byID[id] == nil else { continue }
            let node = ids.count
            nodes.byID[id] = node
            nodes.members.append(node)
            ids.append(QualifiedID(program: folder, id: id))
            places.append((slot, index))
            resolved.append(nil)
            visit.append(.new)
            excluded.append(false)
            earlyFinish.append(nil)
            drivers.append(.unscheduled)
            drivingNodes.append([])
        }
        nodes.cancelled.subtract(nodes.byID.keys)
        made[folder] = nodes
        return nodes
    }

    // MARK: ImpactSide

    func node(_ key: QualifiedID) -> Int? { nodes(of: key.program)?.byID[key.id] }

    func key(_ node: Int) -> QualifiedID { ids[node] }

    func milestone(_ node: Int) -> Milestone { milestoneLists[places[node].program][places[node].milestone] }

    func exists(_ key: QualifiedID) -> Bool {
        guard let nodes = nodes(of: key.program) else { return false }
        return nodes.byID[key.id] != nil || nodes.cancelled.contains(key.id)
    }

    func members(_ program: String) -> [Int] { nodes(of: program)?.members ?? [] }

    func target(_ program: String) -> PlanDate? {
        guard scope?.contains(program) ?? true, let slot = slotOf[program] else { return nil }
        return targets[slot]
    }

    func dependencies(_ node: Int) -> [Int] {
        if let known = resolved[node] { return known }
        var found: [Int] = []
        let home = ids[node].program
        for reference in milestone(node).dependsOn {
            guard let dependency = self.node(MilestoneNetwork.key(reference.value, from: home)),
                  !found.contains(dependency) else { continue }
            found.append(dependency)
        }
        resolved[node] = found
        return found
    }

    func finishDay(_ node: Int) -> Int? {
        schedule(node)
        return earlyFinish[node]
    }

    func driver(_ node: Int) -> ScheduledMilestone.Driver {
        schedule(node)
        return drivers[node]
    }

    func driving(_ node: Int) -> [Int] {
        schedule(node)
        return drivingNodes[node]
    }

    /// In or after a cycle: left out of the dependency order, so unscheduled, and so is every
    /// milestone after it (`MilestoneNetwork.order`).
    func isInOrAfterCycle(_ node: Int) -> Bool {
        schedule(node)
        return excluded[node]
    }

    func nodes(withID id: String) -> [QualifiedID] {
        folders.compactMap { folder in node(QualifiedID(program: folder, id: id)).map { ids[$0] } }
    }

    // MARK: The forward pass, on demand

    /// Schedules `start` after everything it depends on (depth first, without recursion): a node
    /// that meets itself is in a cycle, and a node after an excluded one is excluded too, as
    /// `MilestoneNetwork.order` leaves them out.
    private func schedule(_ start: Int) {
        guard visit[start] == .new else { return }
        visit[start] = .onStack
        var stack: [(node: Int, next: Int)] = [(start, 0)]
        while let (node, next) = stack.last {
            let dependencies = self.dependencies(node)
            if next < dependencies.count {
                stack[stack.count - 1].next += 1
                let dependency = dependencies[next]
                switch visit[dependency] {
                case .new:
                    visit[dependency] = .onStack
                    stack.append((dependency, 0))
                case .onStack:
                    excluded[node] = true
                case .done:
                    break
                }
                continue
            }
            stack.removeLast()
            visit[node] = .done
            if excluded[node] || dependencies.contains(where: { excluded[$0] }) {
                excluded[node] = true
            } else {
                forward(node, dependencies)
            }
        }
    }

    /// `ForwardPass` for one node whose dependencies are scheduled.
    private func forward(_ node: Int, _ dependencies: [Int]) {
        let milestone = milestone(node)
        if milestone.status.value == .done {
            guard let finish = (milestone.doneOn ?? milestone.date)?.value.dayNumber else { return }
            earlyFinish[node] = finish
            drivers[node] = .completed
            return
        }
        let planned = (milestone.start ?? milestone.date)?.value.dayNumber
        let ready = dependencies.compactMap { earlyFinish[$0] }.max()
        guard let dates = ForwardPass.openDates(planned: planned, ready: ready, span: ForwardPass.span(milestone), asOf: asOf)
        else { return }
        earlyFinish[node] = dates.finish
        if dates.clampedToAsOf {
            drivers[node] = .asOf
        } else if let ready, ready == dates.start {
            drivers[node] = .dependencies
            drivingNodes[node] = dependencies.filter { earlyFinish[$0] == ready }
        } else {
            drivers[node] = .planned
        }
    }
}
