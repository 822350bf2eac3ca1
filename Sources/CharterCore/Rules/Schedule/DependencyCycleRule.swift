/// A cycle of dependencies can never be scheduled: each milestone waits for itself.
public struct DependencyCycleRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "dependency-cycle",
        name: "Dependency cycle",
        summary: "Milestone dependencies must not form a cycle, within or across programs; the cycle is printed.",
        category: .schedule,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design, depends_on: [↓M3] }
              - { id: M2, name: Build, depends_on: [M1] }
              - { id: M3, name: Test, depends_on: [M2] }
            """),
        ],
        nonTriggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design }
              - { id: M2, name: Build, depends_on: [M1] }
              - { id: M3, name: Test, depends_on: [M1, M2] }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        let graph = DependencyGraph(context)
        return graph.cycles().map { cycle in
            // cycle[0] is the smallest key; its edge to cycle[1] is where the finding points.
            let path = (cycle + [cycle[0]]).map(\.description).joined(separator: " → ")
            let edges = cycle.indices.map { graph.edgeLocation(from: cycle[$0], to: cycle[($0 + 1) % cycle.count]) }
            let notes = zip(cycle.indices, edges).dropFirst().map { index, location in
                Diagnostic.Note("\(cycle[index]) depends on \(cycle[(index + 1) % cycle.count]) here", at: location)
            }
            return Finding(at: edges[0], "dependency cycle: \(path); no order of work can satisfy it", notes: notes)
        }
    }
}

/// Milestone dependencies as a graph over the whole workspace (edges point at dependencies).
struct DependencyGraph {
    private(set) var nodes: [QualifiedID] = []
    private var index: [QualifiedID: Int] = [:]
    private var edges: [[Int]] = []
    private var locations: [Int: [Int: SourceLocation]] = [:]

    init(_ context: RuleContext) {
        for program in context.workspace.programs {
            for milestone in program.milestones {
                _ = node(QualifiedID(program: program.folder, id: milestone.id.value))
            }
        }
        for program in context.workspace.programs {
            for milestone in program.milestones {
                let from = node(QualifiedID(program: program.folder, id: milestone.id.value))
                for dependency in milestone.dependsOn {
                    let key = context.key(dependency.value, from: program.folder)
                    guard let to = index[key] else { continue }
                    if locations[from]?[to] == nil {
                        edges[from].append(to)
                        locations[from, default: [:]][to] = dependency.location
                    }
                }
            }
        }
    }

    private mutating func node(_ key: QualifiedID) -> Int {
        if let existing = index[key] { return existing }
        index[key] = nodes.count
        nodes.append(key)
        edges.append([])
        return nodes.count - 1
    }

    func edgeLocation(from: QualifiedID, to: QualifiedID) -> SourceLocation {
        locations[index[from]!]![index[to]!]!
    }

    /// One cycle per strongly connected component that has one, starting at its smallest key.
    /// Tarjan's algorithm, iterative so that long chains cannot overflow the stack.
    func cycles() -> [[QualifiedID]] {
        var order = [Int](repeating: -1, count: nodes.count)
        var low = [Int](repeating: 0, count: nodes.count)
        var onStack = [Bool](repeating: false, count: nodes.count)
        var stack: [Int] = []
        var counter = 0
        var components: [[Int]] = []
        for root in nodes.indices where order[root] < 0 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            order[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let (node, next) = work.last {
                if next < edges[node].count {
                    work[work.count - 1].next += 1
                    let target = edges[node][next]
                    if order[target] < 0 {
                        order[target] = counter; low[target] = counter; counter += 1
                        stack.append(target); onStack[target] = true
                        work.append((target, 0))
                    } else if onStack[target] {
                        low[node] = min(low[node], order[target])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last?.node { low[parent] = min(low[parent], low[node]) }
                    if low[node] == order[node] {
                        var component: [Int] = []
                        while let member = stack.popLast() {
                            onStack[member] = false
                            component.append(member)
                            if member == node { break }
                        }
                        if component.count > 1 || edges[node].contains(node) { components.append(component) }
                    }
                }
            }
        }
        return components.map(cycle(in:)).sorted { $0[0] < $1[0] }
    }

    /// The shortest cycle through the component's smallest key (breadth-first inside the component).
    private func cycle(in component: [Int]) -> [QualifiedID] {
        let members = Set(component)
        let start = component.min { nodes[$0] < nodes[$1] }!
        var previous: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let current = queue[head]; head += 1
            for target in edges[current].sorted(by: { nodes[$0] < nodes[$1] }) where members.contains(target) {
                if target == start {
                    var path = [current]
                    while let step = previous[path[0]] { path.insert(step, at: 0) }
                    return path.map { nodes[$0] }
                }
                if previous[target] == nil, target != start {
                    previous[target] = current
                    queue.append(target)
                }
            }
        }
        return [nodes[start]]
    }
}
