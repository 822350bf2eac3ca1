/// The milestones that take part in scheduling and the dependencies between them, across all
/// programs, in an order where every dependency comes before the milestones that wait on it.
///
/// Cancelled milestones are left out (cancelled work constrains nothing), and so are references
/// to them. References to milestones that do not exist are collected as `dangling`, not followed.
/// When two milestones share an id the first wins, as in validation.
struct ScheduleNetwork {
    private(set) var ids: [QualifiedID] = []
    private(set) var milestones: [Milestone] = []
    /// Dependencies (predecessors) of each node, without duplicates, in the order written.
    private(set) var dependencies: [[Int]] = []
    /// The nodes that depend on each node.
    private(set) var successors: [[Int]] = []
    private(set) var dangling: [DanglingDependency] = []
    /// Every node once, dependencies first; set by `sort()`.
    private(set) var order: [Int] = []
    private var index: [QualifiedID: Int] = [:]

    init(_ workspace: Workspace) {
        var cancelled: Set<QualifiedID> = []
        for program in workspace.programs {
            for milestone in program.milestones {
                let key = QualifiedID(program: program.folder, id: milestone.id.value)
                guard milestone.status.value != .cancelled else { cancelled.insert(key); continue }
                guard index[key] == nil else { continue }
                index[key] = ids.count
                ids.append(key)
                milestones.append(milestone)
            }
        }
        dependencies = Array(repeating: [], count: ids.count)
        successors = Array(repeating: [], count: ids.count)
        for node in ids.indices {
            let home = ids[node].program
            for reference in milestones[node].dependsOn {
                let key = QualifiedID(program: reference.value.program(from: home), id: reference.value.id)
                guard let dependency = index[key] else {
                    if !cancelled.contains(key) {
                        dangling.append(DanglingDependency(milestone: ids[node], reference: reference.value.description,
                                                           suggestion: suggestion(for: key, in: workspace), location: reference.location))
                    }
                    continue
                }
                guard !dependencies[node].contains(dependency) else { continue }
                dependencies[node].append(dependency)
                successors[dependency].append(node)
            }
        }
    }

    func node(_ id: QualifiedID) -> Int? { index[id] }

    /// Kahn's algorithm: iterative, O(V+E). Throws the cycle that stops it, if any.
    mutating func sort() throws(DependencyCycleError) {
        var waiting = dependencies.map(\.count)
        var ready = ids.indices.filter { waiting[$0] == 0 }
        var head = 0
        while head < ready.count {
            let node = ready[head]
            head += 1
            for successor in successors[node] {
                waiting[successor] -= 1
                if waiting[successor] == 0 { ready.append(successor) }
            }
        }
        guard ready.count == ids.count else {
            let cycle = cycle(among: waiting)
            throw DependencyCycleError(cycle: cycle, location: reference(from: cycle[0], to: cycle[1 % cycle.count]))
        }
        order = ready
    }

    /// A cycle among the nodes Kahn's algorithm could not place. Each of them still waits on
    /// another one of them, so following those dependencies must come back to a node already
    /// seen; the loop from there is the cycle. Rotated to start at its smallest id.
    private func cycle(among waiting: [Int]) -> [QualifiedID] {
        let stuck = ids.indices.filter { waiting[$0] > 0 }
        var position: [Int: Int] = [:]
        var path: [Int] = []
        var current = stuck.min { ids[$0] < ids[$1] }!
        while position[current] == nil {
            position[current] = path.count
            path.append(current)
            current = dependencies[current].first { waiting[$0] > 0 }!
        }
        let loop = path[position[current]!...].map { ids[$0] }
        let start = loop.indices.min { loop[$0] < loop[$1] }!
        return Array(loop[start...] + loop[..<start])
    }

    /// Where `from` names `to` in its `depends_on`.
    private func reference(from: QualifiedID, to: QualifiedID) -> SourceLocation? {
        guard let node = index[from] else { return nil }
        return milestones[node].dependsOn.first { QualifiedID(program: $0.value.program(from: from.program), id: $0.value.id) == to }?.location
    }

    private func suggestion(for key: QualifiedID, in workspace: Workspace) -> String? {
        if let program = workspace.program(key.program) {
            return Suggestion.closest(to: key.id, in: program.milestones.map(\.id.value))
                .map { "\(key.program)/\($0)" }
        }
        return Suggestion.closest(to: key.program, in: workspace.programs.map(\.folder)).map { "\($0)/\(key.id)" }
    }
}
