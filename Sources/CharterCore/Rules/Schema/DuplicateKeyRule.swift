/// A key written twice in one mapping: YAML keeps only one of them, silently.
/// Found while reading files; see `WorkspaceLoader` and `SchemaChecker`.
public struct DuplicateKeyRule: LoadRule {
    public init() {}

    public static let description = RuleDescription(
        id: RuleID.duplicateKey,
        name: "Duplicate key",
        summary: "A key written twice in one mapping: YAML keeps only one of them, silently.",
        category: .schema,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
        milestones:
          - id: M1
            name: Design
            date: 2026-02-01
            ↓date: 2026-03-01
        """),
        ],
        nonTriggeringExamples: [
            .milestones("""
        milestones:
          - id: M1
            name: Design
            date: 2026-02-01
        """),
        ]
    )
}
