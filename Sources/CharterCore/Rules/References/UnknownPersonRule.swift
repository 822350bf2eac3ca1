/// Owners, sponsors, stakeholders and allocations name people; a typo there orphans the work.
public struct UnknownPersonRule: Rule {
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "unknown-person",
        name: "Unknown person",
        summary: "Every owner (of a program, workstream, milestone, risk, decision, KPI or lesson), sponsor, stakeholder and allocated person must be an id in people.yaml.",
        category: .references,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design review, owner: ↓carl }
            """),
        ],
        nonTriggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design review, owner: carol }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        // `role` is built only for a finding: this runs for every owner of every entity.
        func verify(_ person: Located<String>?, _ role: @autoclosure () -> String) {
            guard let person, !context.peopleIDs.contains(person.value) else { return }
            let suggestion = Suggestion.closest(to: person.value, in: context.peopleIDs)
            let registry = context.workspace.people.isEmpty ? " (the workspace has no people.yaml entries)" : ""
            findings.append(Finding(at: person.location, "\(role()) '\(person.value)' is not in people.yaml\(registry)\(Suggestion.phrase(suggestion))",
                                    suggestion: suggestion))
        }
        for program in context.workspace.programs {
            verify(program.owner, "program owner")
            verify(program.sponsor, "sponsor")
            program.workstreams.forEach { verify($0.owner, "owner of workstream \($0.id.value)") }
            program.stakeholders.forEach { verify($0.person, "stakeholder") }
            program.allocations.forEach { verify($0.person, "allocated person") }
            program.milestones.forEach { verify($0.owner, "owner of \($0.id.value)") }
            program.risks.forEach { verify($0.owner, "owner of risk \($0.id.value)") }
            program.decisions.forEach { verify($0.owner, "owner of decision \($0.id.value)") }
            program.kpis.forEach { verify($0.owner, "owner of KPI \($0.id.value)") }
            program.lessons.forEach { verify($0.owner, "owner of lesson \($0.id.value)") }
        }
        return findings
    }
}
