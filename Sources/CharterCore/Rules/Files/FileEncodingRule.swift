/// Plan files must be UTF-8 text.
/// Found while reading files; see `WorkspaceLoader` and `SchemaChecker`.
public struct FileEncodingRule: LoadRule {
    public init() {}

    public static let description = RuleDescription(
        id: RuleID.fileEncoding,
        name: "File encoding",
        summary: "Plan files must be UTF-8 text.",
        category: .files,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
        milestones:
          - id: M1
            name: Caf↓\(RuleExample.invalidByte)
        """),
        ],
        nonTriggeringExamples: [
            .milestones("""
        milestones:
          - id: M1
            name: Café launch ☕
        """),
        ]
    )
}
