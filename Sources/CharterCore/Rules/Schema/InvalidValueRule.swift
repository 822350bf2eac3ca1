/// Values must be in range and from the allowed set: statuses, roles, 1-5 scores, percentages, id characters.
/// Found while reading files; see `WorkspaceLoader` and `SchemaChecker`.
public struct InvalidValueRule: LoadRule {
    public init() {}

    public static let description = RuleDescription(
        id: RuleID.invalidValue,
        name: "Invalid value",
        summary: "Values must be in range and from the allowed set: statuses, roles, 1-5 scores, percentages, id characters.",
        category: .schema,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
        milestones:
          - id: M1
            name: Design
            status: ↓complete
        """),
            .risks("""
        risks:
          - { id: R1, title: Vendor late, owner: erin, probability: ↓7, impact: 4, status: open }
        """),
        ],
        nonTriggeringExamples: [
            .milestones("""
        milestones:
          - { id: M1, name: Design, status: at-risk }
        """),
        ]
    )
}
