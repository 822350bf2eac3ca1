/// A date must exist on the calendar: 2026-02-30 does not.
/// Found while reading files; see `WorkspaceLoader` and `SchemaChecker`.
public struct InvalidDateRule: LoadRule {
    public init() {}

    public static let description = RuleDescription(
        id: RuleID.invalidDate,
        name: "Invalid date",
        summary: "A date must exist on the calendar: 2026-02-30 does not.",
        category: .schema,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
        milestones:
          - { id: M1, name: Design, date: ↓2026-02-30 }
        """),
        ],
        nonTriggeringExamples: [
            .milestones("""
        milestones:
          - { id: M1, name: Design, date: 2028-02-29 }
        """),
        ]
    )
}
