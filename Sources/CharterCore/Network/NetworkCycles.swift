/// Order and cycles of a dependency graph given as adjacency lists (edges point at dependencies).
/// Both iterative, so that a chain of any length cannot overflow the stack.
enum NetworkCycles {
    /// Kahn's algorithm, O(V+E): every node whose dependencies can all be placed, dependencies
    /// first. Nodes in a cycle, or after one, are left out.
    static func dependencyOrder(dependencies: [[Int]], successors: [[Int]]) -> [Int] {
        var waiting = dependencies.map { $0.count }
        var ready = dependencies.indices.filter { waiting[$0] == 0 }
        var head = 0
        while head < ready.count {
            let node = ready[head]
            head += 1
            for successor in successors[node] {
                waiting[successor] -= 1
                if waiting[successor] == 0 { ready.append(successor) }
            }
        }
        return ready
    }

    /// One cycle per strongly connected component that has one (Tarjan's algorithm), the
    /// shortest through the component's smallest id; sorted by that id.
    static func cycles(dependencies edges: [[Int]], ids: [QualifiedID]) -> [[Int]] {
        let count = edges.count
        var order = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var counter = 0
        var components: [[Int]] = []
        for root in 0..<count where order[root] < 0 {
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
        return components.map { shortestCycle(in: $0, edges: edges, ids: ids) }.sorted { ids[$0[0]] < ids[$1[0]] }
    }

    /// The shortest cycle through the component's smallest id (breadth-first inside the
    /// component, dependencies visited in id order).
    private static func shortestCycle(in component: [Int], edges: [[Int]], ids: [QualifiedID]) -> [Int] {
        let members = Set(component)
        let start = component.min { ids[$0] < ids[$1] }!
        var previous: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let current = queue[head]; head += 1
            for target in edges[current].sorted(by: { ids[$0] < ids[$1] }) where members.contains(target) {
                if target == start {
                    var path = [current]
                    while let step = previous[path[0]] { path.insert(step, at: 0) }
                    return path
                }
                if previous[target] == nil, target != start {
                    previous[target] = current
                    queue.append(target)
                }
            }
        }
        return [start]
    }
}
