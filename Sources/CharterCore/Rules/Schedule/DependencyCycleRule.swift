/// A cycle of dependencies can never be scheduled: each milestone waits for itself.
public struct DependencyCycleRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "dependency-cycle",
        name: "Dependency cycle",
        summary: "Milestone dependencies must not form a cycle, within or across programs (a cancelled milestone takes no part); the cycle is printed.",
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
            .milestones("""
            milestones:
              - { id: M1, name: Design, depends_on: [M2] }
              - { id: M2, name: Dropped, status: cancelled, depends_on: [M1] }
            """),
        ]
    )

    /// The network's cycles (cancelled milestones are not in it: they constrain nothing).
    public func check(_ context: RuleContext) -> [Finding] {
        let network = context.network
        return network.cycles.map { cycle in
            // cycle[0] is the smallest id; its edge to cycle[1] is where the finding points.
            let ids = cycle.map { network.ids[$0] }
            let path = (ids + [ids[0]]).map(\.description).joined(separator: " → ")
            let edges = cycle.indices.map { network.reference(from: cycle[$0], to: cycle[($0 + 1) % cycle.count])!.location }
            let notes = zip(cycle.indices, edges).dropFirst().map { index, location in
                Diagnostic.Note("\(ids[index]) depends on \(ids[(index + 1) % ids.count]) here", at: location)
            }
            return Finding(at: edges[0], "dependency cycle: \(path); no order of work can satisfy it", notes: notes)
        }
    }
}
