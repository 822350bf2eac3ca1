/// The milestones whose slip moves a program's forecast end: start from those that finish on
/// the forecast end and walk back through driving dependencies (those whose EF is the
/// successor's ES, when that ES is not held by its own planned date), across programs. A
/// milestone held by its planned date, by the as-of day or done ends the walk.
enum CriticalPath {
    /// Earliest first; ties broken by topological position, so a dependency precedes what it drives.
    static func walk(from ends: [Int], _ network: ScheduleNetwork, _ forward: ForwardPass, position: [Int]) -> [Int] {
        var seen = Set(ends)
        var stack = ends
        while let node = stack.popLast() {
            for dependency in forward.driving[node] where seen.insert(dependency).inserted {
                stack.append(dependency)
            }
        }
        return seen.sorted { lhs, rhs in
            let (a, b) = (forward.earlyFinish[lhs]!, forward.earlyFinish[rhs]!)
            return a != b ? a < b : position[lhs] < position[rhs]
        }
    }
}
