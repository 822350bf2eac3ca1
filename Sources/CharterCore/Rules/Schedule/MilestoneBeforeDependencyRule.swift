/// A milestone cannot be reached before what it depends on.
public struct MilestoneBeforeDependencyRule: Rule {
    /// A finding is about a milestone and the dates of what it depends on: it changes only with
    /// its program or the milestones of the programs its `depends_on` names.
    public static let scope = RuleScope.references

    public init() {}

    public static let description = RuleDescription(
        id: "milestone-before-dependency",
        name: "Milestone before its dependency",
        summary: "A milestone's date must not be earlier than the date of any milestone it depends on.",
        category: .schedule,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design, date: 2026-04-01 }
              - { id: M2, name: Beta, date: ↓2026-03-15, depends_on: [M1] }
            """),
            .milestones("""
            milestones:
              - { id: M2, name: Beta, date: ↓2026-02-15, depends_on: [identity/M3] }
            """),
        ],
        nonTriggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design, date: 2026-04-01 }
              - { id: M2, name: Beta, date: 2026-04-01, depends_on: [M1] }
              - { id: M3, name: GA, depends_on: [M2] }
            """),
        ]
    )

    /// Over the network's edges from the programs checked: cancelled milestones and repeated
    /// entries take no part.
    public func check(_ context: RuleContext) -> [Finding] {
        let network = context.network
        var findings: [Finding] = []
        let folders = Set(context.workspace.programs.map(\.folder))
        // In node order, as over the whole network.
        let nodes = folders.count == context.programsByFolder.count ? Array(network.ids.indices)
            : folders.flatMap { network.members[$0] ?? [] }.sorted()
        for node in nodes {
            guard let date = network.milestones[node].date else { continue }
            for (dependency, reference) in zip(network.dependencies[node], network.references[node]) {
                guard let targetDate = network.milestones[dependency].date, date.value < targetDate.value else { continue }
                let gap = date.value.days(to: targetDate.value)
                findings.append(Finding(
                    at: date.location,
                    "\(network.ids[node].id) is due \(date.value), \(gap) day\(gap == 1 ? "" : "s") before \(reference.value) (\(targetDate.value)), which it depends on",
                    notes: [Diagnostic.Note("\(reference.value) is dated here", at: targetDate.location)]
                ))
            }
        }
        return findings
    }
}
