/// A path named like a plan file must be a regular file of reasonable size (not a folder, a symlink or a 50 MB dump).
/// Found while reading files; see `WorkspaceLoader` and `SchemaChecker`.
public struct FileUnreadableRule: LoadRule {
    public init() {}

    public static let description = RuleDescription(
        id: RuleID.fileUnreadable,
        name: "Unreadable file",
        summary: "A path named like a plan file must be a regular file of reasonable size (not a folder, a symlink or a 50 MB dump).",
        category: .files,
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample([("programs/demo/risks.yaml/notes.txt", "")], expecting: ["programs/demo/risks.yaml:1:1"]),
        ],
        nonTriggeringExamples: [
            .risks("""
        risks: []
        """),
        ]
    )
}
