/// One side of a diff: a workspace as read, and the plan files on that side that could not
/// be read. Entities from an unreadable file are left out of the comparison on both sides,
/// so a YAML error never shows up as "everything in this file was removed".
public struct DiffSide: Sendable, Hashable {
    public var workspace: Workspace
    public var unreadable: [UnreadableFile]

    public init(workspace: Workspace, unreadable: [UnreadableFile] = []) {
        self.workspace = workspace
        self.unreadable = unreadable
    }

    /// A side from a load: files with syntax or encoding errors, or that could not be read at
    /// all, are unreadable. Schema findings are not: the entities that could be built are compared.
    public init(_ load: LoadResult) {
        workspace = load.workspace
        unreadable = Self.unreadableFiles(in: load.findings)
    }

    /// The rules whose findings mean a file's entities are unknown.
    public static let unreadableRules: Set<String> = [RuleID.yamlSyntax, RuleID.fileEncoding, RuleID.fileUnreadable]

    public static func unreadableFiles(in findings: [String: [Finding]]) -> [UnreadableFile] {
        var files: [String: UnreadableFile] = [:]
        for rule in unreadableRules.sorted() {
            for finding in findings[rule] ?? [] where PlanFileKind.classify(finding.location.path) != nil {
                if files[finding.location.path] == nil {
                    files[finding.location.path] = UnreadableFile(location: finding.location, message: finding.message)
                }
            }
        }
        return files.values.sorted { $0.location < $1.location }
    }
}

/// A plan file one side has but that could not be parsed: where, and why.
public struct UnreadableFile: Hashable, Sendable {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    public var path: String { location.path }
}

/// Which side of a diff something was found on.
public enum DiffSideName: String, Sendable, Hashable, Comparable {
    case from
    case to

    public static func < (lhs: DiffSideName, rhs: DiffSideName) -> Bool { lhs == .from && rhs == .to }
}

/// An unreadable file and the side it is unreadable on.
public struct UnreadableReport: Hashable, Sendable {
    public var side: DiffSideName
    public var file: UnreadableFile

    public init(side: DiffSideName, file: UnreadableFile) {
        self.side = side
        self.file = file
    }
}
