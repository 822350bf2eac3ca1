import CharterCore
import CharterGit

/// Whether a plan file in the worktree holds work that is not committed: what `import` must not
/// overwrite without `--force`. Compares the bytes on disk with the file in HEAD's tree.
enum LocalEdits {
    /// Why overwriting `path` (workspace-relative) would lose work, or nil when it would not.
    static func reason(path: String, worktreeBytes: [UInt8]?, root: String, prefix: String) throws -> String? {
        guard let worktreeBytes else { return nil }
        guard let repository = try? Repository.discover(from: root) else {
            return "the workspace is not in a git repository, so charter cannot tell whether \(path) holds edits of yours"
        }
        if repository.isHeadUnborn { return "\(path) is not committed yet (the branch has no commits)" }
        let head = try Git.call { try repository.commit("HEAD") }
        let committed: [UInt8]
        do {
            committed = try Git.call { try repository.treeSource(commit: head.id, prefix: prefix) }.contents(of: path)
        } catch PlanSourceError.notFound {
            return "\(path) is not in HEAD (a new file, not committed)"
        }
        return committed == worktreeBytes ? nil : "\(path) has changes that are not committed"
    }
}
