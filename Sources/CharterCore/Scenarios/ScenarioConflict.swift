/// A finding that appears when two branches are merged together into the target and in
/// neither merged alone: which two, what kind, and where in the merged result (when the
/// result could be read there).
public struct ScenarioConflict: Hashable, Sendable, Comparable {
    /// The two branches, in the order they were merged.
    public var refs: [String]
    public var kind: ScenarioConflictKind
    public var message: String
    /// Workspace-relative; `nil` when the finding has no file.
    public var path: String?
    /// 1-based; `nil` when the merged file could not be read (a text conflict).
    public var line: Int?
    public var column: Int?
    /// Severity of the rule that found it (`error` for text conflicts and conflicting edits).
    public var severity: Severity

    public init(refs: [String], kind: ScenarioConflictKind, message: String, path: String?, line: Int? = nil,
                column: Int? = nil, severity: Severity = .error) {
        self.refs = refs
        self.kind = kind
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
    }

    /// `path:line:column`, `path`, or nothing.
    public var locationText: String? {
        guard let path else { return nil }
        guard let line else { return path }
        return "\(path):\(line):\(column ?? 1)"
    }

    public static func < (lhs: ScenarioConflict, rhs: ScenarioConflict) -> Bool {
        if lhs.refs != rhs.refs { return lhs.refs.lexicographicallyPrecedes(rhs.refs) }
        if lhs.path != rhs.path { return (lhs.path ?? "") < (rhs.path ?? "") }
        if lhs.line != rhs.line { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        return lhs.message < rhs.message
    }
}
