import CharterCore
import CharterGit

extension DiffRequest {
    /// Opens both sides in the repository; git's own words when a revision does not resolve.
    func endpoints(_ location: WorkspaceLocation) throws -> (from: DiffEndpoint, to: DiffEndpoint) {
        guard let repository = location.repository else { throw CLIError("not in a git repository") }
        let prefix = location.prefix
        func tree(_ label: String, _ commit: ObjectID) throws -> DiffEndpoint {
            DiffEndpoint(label: label, commit: commit,
                         storage: .tree(try Git.call { try repository.treeSource(commit: commit, prefix: prefix) }))
        }
        func resolve(_ revision: String) throws -> CommitInfo {
            try Git.call { try repository.commit(revision) }
        }

        let to: DiffEndpoint
        switch self.to {
        case .worktree:
            guard let root = location.root else {
                throw CLIError("a bare repository has no worktree; name both sides, e.g. 'charter diff main~1 main' or 'charter diff main...topic'")
            }
            to = DiffEndpoint(label: "worktree", commit: nil, storage: .worktree(CachingSource(WorktreeSource(root: root))))
        case .index:
            to = DiffEndpoint(label: "index", commit: nil,
                              storage: .index(try Git.call { try repository.indexSource(prefix: prefix) }))
        case .revision(let revision):
            to = try tree(revision, resolve(revision).id)
        }

        let from: DiffEndpoint
        switch self.from {
        case .head:
            if repository.isHeadUnborn {
                from = DiffEndpoint(label: "(no commits yet)", commit: nil, storage: .empty)
            } else {
                from = try tree("HEAD", resolve("HEAD").id)
            }
        case .revision(let revision):
            from = try tree(revision, resolve(revision).id)
        case .mergeBase(let a, let b):
            let base = try Git.call { try repository.mergeBase(try resolve(a).id, try resolve(b).id) }
            from = try tree("merge base of \(a) and \(b)", base)
        case .firstParent(let revision):
            let commit = try resolve(revision)
            if let parent = commit.parentIDs.first {
                from = try tree("\(revision)^", parent)
            } else {
                from = DiffEndpoint(label: "(nothing before \(revision))", commit: nil, storage: .empty)
            }
        }
        return (from, to)
    }
}
