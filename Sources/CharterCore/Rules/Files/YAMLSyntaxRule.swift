/// A plan file must be well-formed YAML: no tabs for indentation, balanced brackets, no alias bombs or absurd nesting.
/// Found while reading files; see `WorkspaceLoader` and `SchemaChecker`.
public struct YAMLSyntaxRule: LoadRule {
    public init() {}

    public static let description = RuleDescription(
        id: RuleID.yamlSyntax,
        name: "YAML syntax",
        summary: "A plan file must be well-formed YAML: no tabs for indentation, balanced brackets, no alias bombs or absurd nesting.",
        category: .files,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
        milestones:
          - id: M1
            name: [Design review
        ↓
        """),
            .milestones("""
        milestones:
          - id: M1
        ↓	name: Beta
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
