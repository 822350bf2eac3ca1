/// Each field holds the type the format defines: a date, a number, a list, a mapping.
/// Found while reading files; see `WorkspaceLoader` and `SchemaChecker`.
public struct WrongTypeRule: LoadRule {
    public init() {}

    public static let description = RuleDescription(
        id: RuleID.wrongType,
        name: "Wrong type",
        summary: "Each field holds the type the format defines: a date, a number, a list, a mapping.",
        category: .schema,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
        milestones:
          - id: M1
            name: Beta
            date: ↓next spring
        """),
            .risks("""
        risks:
          - id: R1
            title: Vendor late
            owner: erin
            probability: ↓high
            impact: 4
            status: open
        """),
            .milestones("""
        milestones:
          ↓M1
        """),
        ],
        nonTriggeringExamples: [
            .milestones("""
        milestones:
          - id: 0012
            name: no
            date: 2026-05-01
        """),
        ]
    )
}
