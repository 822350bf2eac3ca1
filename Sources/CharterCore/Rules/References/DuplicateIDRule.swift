/// The diff matches entities by id; two entities with one id make every later change ambiguous.
public struct DuplicateIDRule: Rule {
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "duplicate-id",
        name: "Duplicate id",
        summary: "Ids are unique: people in the workspace; milestones, risks, budget lines, decisions, KPIs, lessons and workstreams in their program.",
        category: .references,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design review }
              - { id: ↓M1, name: Beta }
            """),
        ],
        nonTriggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design review }
              - { id: M2, name: Beta }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings = duplicates(context.workspace.people.map(\.id), kind: "person", scope: "people.yaml")
        for program in context.workspace.programs {
            let scope = "program \(program.folder)"
            findings += duplicates(program.workstreams.map(\.id), kind: "workstream", scope: scope)
            findings += duplicates(program.milestones.map(\.id), kind: "milestone", scope: scope)
            findings += duplicates(program.risks.map(\.id), kind: "risk", scope: scope)
            findings += duplicates(program.budgetLines.map(\.id), kind: "budget line", scope: scope)
            findings += duplicates(program.decisions.map(\.id), kind: "decision", scope: scope)
            findings += duplicates(program.kpis.map(\.id), kind: "KPI", scope: scope)
            findings += duplicates(program.lessons.map(\.id), kind: "lesson", scope: scope)
        }
        return findings
    }

    private func duplicates(_ ids: [Located<String>], kind: String, scope: String) -> [Finding] {
        var first: [String: SourceLocation] = [:]
        var findings: [Finding] = []
        for id in ids {
            if let original = first[id.value] {
                findings.append(Finding(at: id.location, "\(kind) id '\(id.value)' is used twice in \(scope)",
                                        notes: [Diagnostic.Note("first used here", at: original)]))
            } else {
                first[id.value] = id.location
            }
        }
        return findings
    }
}
