/// The findings of validating an in-memory merge: a plan file the merge cannot resolve is one
/// `file-unreadable` error that names the conflict, in place of whatever its conflict markers
/// made the loader say.
public enum MergeFindings {
    /// A plan file the merge left in conflict, as git status says it ("both modified").
    public struct Conflict: Sendable {
        public var path: String
        public var summary: String

        public init(path: String, summary: String) {
            self.path = path
            self.summary = summary
        }
    }

    /// `diagnostics` of the merged plans with each conflicted plan file's own findings replaced.
    public static func diagnostics(_ diagnostics: [Diagnostic], conflicts: [Conflict], merging head: String, into base: String) -> [Diagnostic] {
        var result = diagnostics
        for conflict in conflicts where PlanFileKind.classify(conflict.path) != nil {
            result.removeAll { $0.location.path == conflict.path && $0.ruleID == RuleID.fileUnreadable }
            result.append(Diagnostic(ruleID: RuleID.fileUnreadable, severity: .error, location: SourceLocation(path: conflict.path),
                message: "merging \(head) into \(base) conflicts in '\(conflict.path)' (\(conflict.summary)); rebase or merge and resolve it"))
        }
        return result
    }
}
