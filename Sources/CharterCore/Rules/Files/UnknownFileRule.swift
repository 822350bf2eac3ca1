/// A YAML file in a program folder that Charter does not read is usually a misnamed plan file.
/// Found while reading files; see `WorkspaceLoader` and `SchemaChecker`.
public struct UnknownFileRule: LoadRule {
    public init() {}

    public static let description = RuleDescription(
        id: RuleID.unknownFile,
        name: "Unknown plan file",
        summary: "A YAML file in a program folder that Charter does not read is usually a misnamed plan file.",
        category: .files,
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample([("programs/demo/milestone.yaml", "milestones: []\n")], expecting: ["programs/demo/milestone.yaml:1:1"]),
        ],
        nonTriggeringExamples: [
            RuleExample([("programs/demo/notes.md", "# Notes\n")]),
        ]
    )
}
