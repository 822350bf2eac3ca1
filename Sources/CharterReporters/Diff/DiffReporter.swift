import CharterCore

/// The output formats of `charter diff --format`. The raw value is the name on the command line.
public enum DiffFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case json
}

/// What a diff reporter needs besides the diff: what was compared, and how to write it.
public struct DiffReportContext: Sendable {
    /// The older side as the user named it: `HEAD`, `main`, `a1b2c3d~1`, `nothing` (no commits yet).
    public var fromLabel: String
    /// The newer side: a revision, `index` or `worktree`.
    public var toLabel: String
    /// The commits behind the labels, when they are commits.
    public var fromCommit: String?
    public var toCommit: String?
    /// Colour the text report with ANSI escapes (the caller decides: a terminal, no `NO_COLOR`).
    public var useColor: Bool
    /// The workspace folder relative to the repository root (`""` or `plans/acme`): file paths
    /// are shown from the repository root, as git and GitHub show them.
    public var pathPrefix: String
    /// The longest markdown document to write, in UTF-8 bytes: GitHub refuses comments over
    /// 65,536 characters, and no character is shorter than one byte.
    public var markdownLimit: Int
    /// How to see everything locally, for when the markdown had to leave details out.
    public var command: String?
    /// Leave out the summary table and keep the summary line: for one file at a time, as in
    /// `git diff` and `git log -p` with Charter as the external diff driver.
    public var compact: Bool
    /// Who must hear about the change (the markdown's `Notify:` line), when the caller judged it.
    public var notify: NotifyList?
    /// Show GitHub logins as `@login` in that line (they ping), not plain.
    public var mentions = false

    public static let gitHubCommentLimit = 65_536

    public init(fromLabel: String, toLabel: String, fromCommit: String? = nil, toCommit: String? = nil,
                useColor: Bool = false, pathPrefix: String = "", markdownLimit: Int = gitHubCommentLimit,
                command: String? = nil, compact: Bool = false) {
        self.fromLabel = fromLabel
        self.toLabel = toLabel
        self.fromCommit = fromCommit
        self.toCommit = toCommit
        self.useColor = useColor
        self.pathPrefix = pathPrefix
        self.markdownLimit = markdownLimit
        self.command = command
        self.compact = compact
    }

    /// `HEAD (9a250f5c)`, or the label alone when it is not a commit or already the id.
    func describe(_ label: String, _ commit: String?) -> String {
        guard let commit else { return label }
        let short = String(commit.prefix(8))
        return commit.hasPrefix(label) || label.hasPrefix(short) ? short : "\(label) (\(short))"
    }

    var fromDescription: String { describe(fromLabel, fromCommit) }
    var toDescription: String { describe(toLabel, toCommit) }
}

/// Turns a plan diff into text in one format. Pure: same diff and context, same text; never
/// prints. Every rendering ends with a newline.
public protocol DiffReporter: Sendable {
    static var format: DiffFormat { get }
    static func render(_ diff: PlanDiff, context: DiffReportContext) -> String
}

/// The flat registry of diff reporters, one per format.
public enum DiffReporters {
    public static let all: [any DiffReporter.Type] = DiffFormat.allCases.map(reporter(for:))

    public static func reporter(for format: DiffFormat) -> any DiffReporter.Type {
        switch format {
        case .text: return DiffTextReporter.self
        case .markdown: return DiffMarkdownReporter.self
        case .json: return DiffJSONReporter.self
        }
    }

    public static func render(_ diff: PlanDiff, as format: DiffFormat, context: DiffReportContext) -> String {
        reporter(for: format).render(diff, context: context)
    }
}
