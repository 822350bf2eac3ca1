/// The outcome of validating a workspace: sorted diagnostics and their counts.
public struct ValidationReport: Sendable, Hashable {
    public var diagnostics: [Diagnostic]
    /// What was validated, for reporters that name it ("worktree", "index", "commit 1a2b3c4").
    public var sourceDescription: String

    public init(diagnostics: [Diagnostic], sourceDescription: String = "worktree") {
        self.diagnostics = diagnostics.sorted()
        self.sourceDescription = sourceDescription
    }

    public var errorCount: Int { diagnostics.lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.lazy.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
