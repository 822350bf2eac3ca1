/// The milestones of a workspace and the dependencies between them, across programs: the one
/// graph that everything reasoning about dependencies asks — the schedule (forward and backward
/// pass, slack, conflicts, critical paths), the diff's consequences, the `dependency-cycle` and
/// `milestone-before-dependency` rules and the status report. Built once per workspace, in O(V+E).
///
/// Its semantics, written once (docs/schedule.md, "The network"):
/// - **Nodes** are the milestones that are not `cancelled`; of two milestones with one id, the
///   first wins (as in validation, which reports the second).
/// - **Edges** are `depends_on` entries that name a node, without repeats, in the order written.
///   An entry naming a cancelled milestone constrains nothing and is dropped; one naming no
///   milestone at all is `dangling` (validation reports it, scheduling skips it).
/// - **Cycles** are found with Tarjan's algorithm: one per strongly connected component, the
///   shortest through its smallest id. Nodes in a cycle, and every node after one, have no
///   dependency order (`order` leaves them out): the schedule refuses to run, the diff treats
///   them as unknown.
public struct MilestoneNetwork: Sendable {
    /// A node: an index into `ids`, `milestones`, `dependencies` and `successors`.
    public typealias Node = Int

    public private(set) var ids: [QualifiedID] = []
    public internal(set) var milestones = NodeMilestones()
    /// The dependencies of each node (edges point at them).
    public internal(set) var dependencies: [[Node]] = []
    /// Where each dependency is written, parallel to `dependencies`.
    public internal(set) var references: [[Located<EntityReference>]] = []
    /// The nodes that depend on each node.
    public internal(set) var successors: [[Node]] = []
    /// Entries that name no milestone, in milestone order; without suggestions (see
    /// `danglingWithSuggestions(in:)`), which only a report that prints them needs.
    public internal(set) var dangling: [DanglingDependency] = []
    /// Cancelled milestones: references to them are no edge and not dangling either.
    public private(set) var cancelled: Set<QualifiedID> = []
    /// Every cycle, each as nodes where one depends on the next and the last on the first,
    /// starting at its smallest id; sorted by that id.
    public internal(set) var cycles: [[Node]] = []
    /// Every node that is in no cycle and after none, dependencies first (Kahn's algorithm).
    public internal(set) var order: [Node] = []
    /// The nodes of each program, in the order the files list them.
    public private(set) var members: [String: [Node]] = [:]
    var index: [QualifiedID: Node] = [:]

    public init(_ workspace: Workspace) {
        // Sized up front, and each program's members gathered before one dictionary write:
        // a 10,000-program workspace has 300,000 milestones.
        let count = workspace.programs.reduce(0) { $0 + $1.milestones.count }
        ids.reserveCapacity(count)
        milestones.programs = workspace.programs
        milestones.places.reserveCapacity(count)
        index.reserveCapacity(count)
        members.reserveCapacity(workspace.programs.count)
        for (programIndex, program) in workspace.programs.enumerated() {
            var programMembers: [Node] = []
            programMembers.reserveCapacity(program.milestones.count)
            for (milestoneIndex, milestone) in program.milestones.enumerated() {
                let key = QualifiedID(program: program.folder, id: milestone.id.value)
                guard milestone.status.value != .cancelled else { cancelled.insert(key); continue }
                guard index[key] == nil else { continue }
                index[key] = ids.count
                ids.append(key)
                milestones.places.append(.init(program: Int32(programIndex), milestone: Int32(milestoneIndex)))
                programMembers.append(ids.count - 1)
            }
            if !programMembers.isEmpty { members[program.folder, default: []] += programMembers }
        }
        cancelled.subtract(index.keys)
        dependencies.reserveCapacity(ids.count)
        references.reserveCapacity(ids.count)
        var successorCounts = [Int](repeating: 0, count: ids.count)
        for chunk in resolveAll() {
            for resolved in chunk {
                dependencies.append(resolved.dependencies)
                references.append(resolved.references)
                dangling += resolved.dangling
                for dependency in resolved.dependencies { successorCounts[dependency] += 1 }
            }
        }
        // Each list sized once: 300,000 lists grown by appending would each be reallocated.
        successors = successorCounts.map { count in
            var list: [Node] = []
            list.reserveCapacity(count)
            return list
        }
        for node in dependencies.indices {
            for dependency in dependencies[node] { successors[dependency].append(node) }
        }
        findOrderAndCycles()
    }

    typealias Resolved = (dependencies: [Node], references: [Located<EntityReference>], dangling: [DanglingDependency])

    /// Every node's `depends_on` resolved, in node order, as chunks. Each node's is independent
    /// of the others', so a large network resolves them on every core: at 10,000 programs this was
    /// half of building the network, on one core while the other waited.
    private func resolveAll() -> [[Resolved]] {
        let chunkSize = 8192
        guard ids.count >= 2 * chunkSize else { return [ids.indices.map(resolve)] }
        let chunks = stride(from: 0, to: ids.count, by: chunkSize).map { $0..<min($0 + chunkSize, ids.count) }
        let network = self
        return ParallelMap.map(chunks, minimumCount: 2) { chunk in chunk.map(network.resolve) }
    }

    /// A node's `depends_on` as edges (without repeats, in the order written) and dangling entries.
    func resolve(_ node: Node) -> Resolved {
        let written = milestones.dependsOn(of: node)
        var resolved: Resolved = ([], [], [])
        resolved.dependencies.reserveCapacity(written.count)
        // `nil` while every entry so far is an edge: then the edges' references are the written
        // list itself, shared rather than copied (the common case).
        var kept: [Located<EntityReference>]?
        for (position, reference) in written.enumerated() {
            let key = Self.key(reference.value, from: ids[node].program)
            if let dependency = index[key], !resolved.dependencies.contains(dependency) {
                resolved.dependencies.append(dependency)
                kept?.append(reference)
                continue
            }
            if kept == nil { kept = Array(written[..<position]) }
            if index[key] == nil, !cancelled.contains(key) {
                resolved.dangling.append(DanglingDependency(milestone: ids[node], reference: reference.value.description,
                                                            suggestion: nil, location: reference.location))
            }
        }
        resolved.references = kept ?? written
        return resolved
    }

    /// `order` and `cycles` from the edges.
    mutating func findOrderAndCycles() {
        order = NetworkCycles.dependencyOrder(dependencies: dependencies, successors: successors)
        cycles = order.count < ids.count ? NetworkCycles.cycles(dependencies: dependencies, ids: ids) : []
    }

    public func node(_ id: QualifiedID) -> Node? { index[id] }

    public func milestone(_ id: QualifiedID) -> Milestone? { index[id].map { milestones[$0] } }

    /// Where `node` names `dependency` in its `depends_on`.
    public func reference(from node: Node, to dependency: Node) -> Located<EntityReference>? {
        dependencies[node].firstIndex(of: dependency).map { references[node][$0] }
    }

    /// The given nodes and every node that depends on them, directly or through others.
    public func downstream(of start: some Sequence<Node>) -> Set<Node> {
        var reached: Set<Node> = []
        var stack = Array(start)
        while let node = stack.popLast() {
            guard reached.insert(node).inserted else { continue }
            stack += successors[node]
        }
        return reached
    }

    /// The milestone a reference written in `home` names: `M3` there, `identity/M3` anywhere.
    public static func key(_ reference: EntityReference, from home: String) -> QualifiedID {
        QualifiedID(program: reference.program(from: home), id: reference.id)
    }

    /// `dangling`, each with the closest existing milestone as a reference from anywhere.
    public func danglingWithSuggestions(in workspace: Workspace) -> [DanglingDependency] {
        dangling.map { entry in
            let program = EntityReference(entry.reference).program(from: entry.milestone.program)
            let key = QualifiedID(program: program, id: EntityReference(entry.reference).id)
            return DanglingDependency(milestone: entry.milestone, reference: entry.reference,
                                      suggestion: Self.suggestion(for: key, in: workspace), location: entry.location)
        }
    }

    private static func suggestion(for key: QualifiedID, in workspace: Workspace) -> String? {
        if let program = workspace.program(key.program) {
            return Suggestion.closest(to: key.id, in: program.milestones.map(\.id.value)).map { "\(key.program)/\($0)" }
        }
        return Suggestion.closest(to: key.program, in: workspace.programs.map(\.folder)).map { "\($0)/\(key.id)" }
    }
}

/// The milestone of each node, read in place from the workspace's programs: a second copy of
/// every milestone was a sixth of `validate`'s peak memory at 10,000 programs (docs/performance.md).
public struct NodeMilestones: RandomAccessCollection, Sendable {
    struct Place: Sendable {
        var program: Int32
        var milestone: Int32
    }

    /// The workspace's programs (shared storage, not a copy).
    var programs: [Program] = []
    var places: [Place] = []

    public var startIndex: Int { 0 }
    public var endIndex: Int { places.count }

    public subscript(node: Int) -> Milestone {
        let place = places[node]
        return programs[Int(place.program)].milestones[Int(place.milestone)]
    }

    /// A node's `depends_on`, without copying the rest of its milestone out.
    func dependsOn(of node: Int) -> [Located<EntityReference>] {
        let place = places[node]
        return programs[Int(place.program)].milestones[Int(place.milestone)].dependsOn
    }
}
