/// A plan file with nothing in it is probably a mistake: delete it or fill it in.
/// Found while reading files; see `WorkspaceLoader` and `SchemaChecker`.
public struct EmptyFileRule: LoadRule {
    public init() {}

    public static let description = RuleDescription(
        id: RuleID.emptyFile,
        name: "Empty file",
        summary: "A plan file with nothing in it is probably a mistake: delete it or fill it in.",
        category: .files,
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample([("programs/demo/risks.yaml", "# to do\n")], expecting: ["programs/demo/risks.yaml:1:1"]),
        ],
        nonTriggeringExamples: [
            .risks("""
        risks: []
        """),
        ]
    )
}
