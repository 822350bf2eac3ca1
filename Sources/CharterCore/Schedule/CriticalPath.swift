/// The milestones whose slip moves a program's forecast end: start from those that finish on
/// the forecast end and walk back through driving dependencies (those whose EF is the
/// successor's ES, when that ES is not held by its own planned date), across programs. A
/// milestone held by its planned date, by the as-of day or done ends the walk.
///
/// The walk gives **chains**: one per way back from an end to a milestone nothing drives, so
/// two unrelated milestones that merely end on the same day are two chains, and a milestone
/// two dependencies drive on the same day starts two chains.
enum CriticalPath {
    /// Chains kept per program; the union (`ProgramForecast.criticalPath`) still holds every
    /// critical milestone. Ties can multiply chains; real plans stay far below this.
    static let chainLimit = 1_000

    /// Where chains end: of the milestones that finish on the forecast end (`finishing`), those
    /// that drive none of the others; in the order given. `driving` gives a milestone's driving
    /// dependencies (a whole forward pass's, or a diff's cone's).
    static func ends(_ finishing: [Int], driving: (Int) -> [Int]) -> [Int] {
        let driven = Set(finishing.flatMap(driving))
        return finishing.filter { !driven.contains($0) }
    }

    /// Each chain earliest first. Ends in id order; at a tie, dependencies in the order written.
    /// Iterative, so that a chain of any length cannot overflow the stack.
    /// `finishing` are the milestones that finish on the forecast end.
    static func chains(from finishing: [Int], _ forward: ForwardPass, limit: Int = chainLimit) -> [[Int]] {
        var chains: [[Int]] = []
        for end in ends(finishing, driving: { forward.driving[$0] }) {
            var path = [end]
            var next = [0]
            while let node = path.last, chains.count < limit {
                let driving = forward.driving[node]
                if driving.isEmpty {
                    chains.append(path.reversed())
                    path.removeLast(); next.removeLast()
                } else if next[next.count - 1] < driving.count {
                    path.append(driving[next[next.count - 1]])
                    next[next.count - 1] += 1
                    next.append(0)
                } else {
                    path.removeLast(); next.removeLast()
                }
            }
        }
        return chains
    }

    /// Every milestone on some chain, earliest first; ties broken by dependency order, so a
    /// dependency precedes what it drives.
    static func union(from ends: [Int], _ forward: ForwardPass, position: [Int]) -> [Int] {
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
