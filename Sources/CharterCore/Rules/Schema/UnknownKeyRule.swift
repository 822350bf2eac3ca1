/// A key the format does not define is usually a typo; custom keys start with x-.
/// Found while reading files; see `WorkspaceLoader` and `SchemaChecker`.
public struct UnknownKeyRule: LoadRule {
    public init() {}

    public static let description = RuleDescription(
        id: RuleID.unknownKey,
        name: "Unknown key",
        summary: "A key the format does not define is usually a typo; custom keys start with x-.",
        category: .schema,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
        milestones:
          - id: M2
            name: Beta
            ↓dependson: [M1]
          - { id: M1, name: Design }
        """),
        ],
        nonTriggeringExamples: [
            .milestones("""
        milestones:
          - id: M1
            name: Design
            x-jira: PAY-12
        """),
        ]
    )
}
