import Clibgit2

/// One merge made by an `InMemoryMerger`: the plan files of the result, and, when nothing
/// conflicted under the prefix, a commit holding it that a further merge can start from.
public struct MergeStep {
    public let source: MergeSource
    /// A commit that exists only in the merger's memory (parents: ours, theirs); `nil` when
    /// the plan files conflicted, so there is no result to build on.
    public let commit: ObjectID?
}

/// Merges commits into each other in memory, as many times as asked, without writing one
/// object to the repository: a mempack backend (libgit2's in-memory object store) is put in
/// front of the repository's object database, so the blobs a file-level merge produces, the
/// trees of a criss-cross history's virtual merge base and the commits that hold intermediate
/// results all stay in memory and vanish with the merger. Merging B into the result of merging
/// A is how a pair of branches, or a merge queue, is evaluated.
///
/// The merger takes the repository handle over: everything written through it from then on
/// stays in memory, so give it a handle of its own.
public final class InMemoryMerger {
    /// The objects written in memory live as long as this handle (the object database owns
    /// the backend), so sources of earlier steps stay readable.
    public let repository: Repository

    public init(repository: Repository) throws {
        try ensureLibgit2()
        self.repository = repository
        var database: OpaquePointer?
        try check("git_repository_odb", git_repository_odb(&database, repository.handle))
        defer { git_odb_free(database) }
        var backend: OpaquePointer?
        try check("git_mempack_new", git_mempack_new(&backend))
        // Highest priority: libgit2 writes to the first backend that can write. (Should adding
        // fail, the small empty backend is leaked: its free function is not public API.)
        try check("git_odb_add_backend", git_odb_add_backend(database, backend, 999))
    }

    /// Merges `theirs` into `ours` as `git merge` would (recursive merge base, rename
    /// detection). `ours` may be a commit an earlier step made.
    ///
    /// Conflicted files outside the prefix are not plans: they are dropped from the result's
    /// commit so that later steps can go on.
    public func merge(ours: ObjectID, theirs: ObjectID, prefix: String = "") throws -> MergeStep {
        try repository.withMergedIndex(ours: ours, theirs: theirs) { index, ourCommit, theirCommit in
            let source = try MergeSource(repository: repository, index: index, ours: ours, theirs: theirs, prefix: prefix)
            guard !source.hasConflicts else { return MergeStep(source: source, commit: nil) }
            if git_index_has_conflicts(index) == 1 {
                try check("git_index_conflict_cleanup", git_index_conflict_cleanup(index))
            }
            return MergeStep(source: source, commit: try commit(index, parents: [ourCommit, theirCommit]))
        }
    }

    /// Writes the index as a tree and a commit over it, both into memory.
    private func commit(_ index: OpaquePointer, parents: [OpaquePointer]) throws -> ObjectID {
        let handle = repository.handle
        var treeID = git_oid()
        try check("git_index_write_tree_to", git_index_write_tree_to(&treeID, index, handle))
        var tree: OpaquePointer?
        try check("git_tree_lookup", git_tree_lookup(&tree, handle, &treeID))
        defer { git_tree_free(tree) }
        var signature: UnsafeMutablePointer<git_signature>?
        try check("git_signature_new", git_signature_new(&signature, "charter scenarios", "charter@invalid", 0, 0))
        defer { git_signature_free(signature) }
        var commitID = git_oid()
        var parentPointers: [OpaquePointer?] = parents
        _ = try parentPointers.withUnsafeMutableBufferPointer { buffer in
            try check("git_commit_create", git_commit_create(
                &commitID, handle, nil, signature, signature, nil, "in-memory merge", tree, buffer.count, buffer.baseAddress))
        }
        return ObjectID(commitID)
    }
}

@available(*, unavailable, message: "libgit2 handles serve one task")
extension InMemoryMerger: Sendable {}
