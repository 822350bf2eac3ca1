/// Without a schedule (the plan has a dependency cycle), the chain of milestones that sets a
/// program's end date as the plan stands: from its latest dated milestone (the smallest id of
/// several) back through, at each step, the latest-dated dependency in the same program (the
/// first written of several). A stand-in for the critical path, with the same meaning when
/// every milestone is dated as early as its dependencies allow. Follows the network's edges, so
/// cancelled milestones take no part.
public enum DrivingPath {
    /// Earliest first; empty when the program has no dated milestone.
    public static func chain(of program: String, in network: MilestoneNetwork) -> [QualifiedID] {
        let dated = (network.members[program] ?? []).filter { network.milestones[$0].date != nil }
        func date(_ node: Int) -> PlanDate { network.milestones[node].date!.value }
        guard var current = dated.min(by: { date($0) != date($1) ? date($0) > date($1) : network.ids[$0] < network.ids[$1] })
        else { return [] }
        var path = [current]
        var seen: Set<Int> = [current]
        while true {
            var next: Int?
            for dependency in network.dependencies[current]
            where network.ids[dependency].program == program && network.milestones[dependency].date != nil && !seen.contains(dependency) {
                if next == nil || date(dependency) > date(next!) { next = dependency }
            }
            guard let next else { break }
            path.append(next)
            seen.insert(next)
            current = next
        }
        return path.reversed().map { network.ids[$0] }
    }
}
