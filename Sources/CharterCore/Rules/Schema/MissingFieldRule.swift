/// Required fields (program id, name, owner, status, start; milestone id, name; risk id, title, owner, probability, impact, status; …) must be present.
/// Found while reading files; see `WorkspaceLoader` and `SchemaChecker`.
public struct MissingFieldRule: LoadRule {
    public init() {}

    public static let description = RuleDescription(
        id: RuleID.missingField,
        name: "Missing required field",
        summary: "Required fields (program id, name, owner, status, start; milestone id, name; risk id, title, owner, probability, impact, status; …) must be present.",
        category: .schema,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
        milestones:
          - ↓id: M1
            date: 2026-02-01
        """),
        ],
        nonTriggeringExamples: [
            .milestones("""
        milestones:
          - id: M1
            name: Design review
        """),
        ]
    )
}
