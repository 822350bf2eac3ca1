import Clibgit2
import Foundation

/// One file that differs between two trees.
public struct ChangedPath: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        case added, deleted, modified, renamed, copied
        /// A file became a symbolic link or the other way round.
        case typeChanged = "type-changed"
    }

    public var status: Status
    /// The path in the old tree; `nil` for an added file.
    public var oldPath: String?
    /// The path in the new tree; `nil` for a deleted file.
    public var newPath: String?
    /// The blob in the old tree (parse each distinct blob once: key by this id).
    public var oldBlobID: ObjectID?
    /// The blob in the new tree.
    public var newBlobID: ObjectID?
    /// How alike the two sides are, 0–100, for renames and copies; 100 is an exact rename.
    public var similarity: Int?

    public init(
        status: Status, oldPath: String?, newPath: String?, oldBlobID: ObjectID? = nil,
        newBlobID: ObjectID? = nil, similarity: Int? = nil
    ) {
        self.status = status
        self.oldPath = oldPath
        self.newPath = newPath
        self.oldBlobID = oldBlobID
        self.newBlobID = newBlobID
        self.similarity = similarity
    }

    /// The path where the file ends up, or where it was for a deletion.
    public var path: String { newPath ?? oldPath ?? "" }
}

extension Repository {
    /// The files that differ between two trees, limited to `paths` (folders or files,
    /// relative to the repository root; empty for everything), with renames detected as
    /// `git diff -M` does (50% similarity), so a renamed program folder shows up as
    /// renamed files rather than deletions and additions.
    ///
    /// `old` and `new` may name commits or trees; `nil` stands for the empty tree (the
    /// "parent" of a root commit). Renames are found among the limited paths only: a file
    /// moved into a limited folder from outside it is reported as added.
    public func changedPaths(
        from old: ObjectID?, to new: ObjectID?, under paths: [String] = [], detectRenames: Bool = true
    ) throws -> [ChangedPath] {
        try ensureLibgit2()
        let oldTree = try old.map { try peeledTree($0) }
        defer { git_tree_free(oldTree) }
        let newTree = try new.map { try peeledTree($0) }
        defer { git_tree_free(newTree) }

        var options = git_diff_options()
        try check("git_diff_options_init", git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        // Literal paths, not globs: a program id may contain `*` or `[`.
        options.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
        let literal = paths.map { normalisedPath($0) }
        // An empty path stands for the whole tree, which is no limit at all.
        let pathspec = literal.contains("") ? [] : literal

        var strings: [UnsafeMutablePointer<CChar>?] = pathspec.map { strdup($0) }
        defer { strings.forEach { free($0) } }

        var diff: OpaquePointer?
        try strings.withUnsafeMutableBufferPointer { buffer in
            options.pathspec = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            try check("git_diff_tree_to_tree", git_diff_tree_to_tree(&diff, handle, oldTree, newTree, &options))
        }
        defer { git_diff_free(diff) }

        if detectRenames {
            var find = git_diff_find_options()
            try check("git_diff_find_options_init", git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)))
            find.flags = GIT_DIFF_FIND_RENAMES.rawValue
            try check("git_diff_find_similar", git_diff_find_similar(diff, &find))
        }

        var changes: [ChangedPath] = []
        let count = git_diff_num_deltas(diff)
        changes.reserveCapacity(count)
        for index in 0..<count {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            let oldPath = delta.old_file.path.map { String(cString: $0) }
            let newPath = delta.new_file.path.map { String(cString: $0) }
            let oldID = ObjectID(delta.old_file.id)
            let newID = ObjectID(delta.new_file.id)
            switch delta.status {
            case GIT_DELTA_ADDED:
                changes.append(ChangedPath(status: .added, oldPath: nil, newPath: newPath, newBlobID: newID))
            case GIT_DELTA_DELETED:
                changes.append(ChangedPath(status: .deleted, oldPath: oldPath, newPath: nil, oldBlobID: oldID))
            case GIT_DELTA_MODIFIED:
                changes.append(ChangedPath(status: .modified, oldPath: oldPath, newPath: newPath, oldBlobID: oldID, newBlobID: newID))
            case GIT_DELTA_RENAMED, GIT_DELTA_COPIED:
                changes.append(ChangedPath(
                    status: delta.status == GIT_DELTA_RENAMED ? .renamed : .copied, oldPath: oldPath, newPath: newPath,
                    oldBlobID: oldID, newBlobID: newID, similarity: Int(delta.similarity)))
            case GIT_DELTA_TYPECHANGE:
                changes.append(ChangedPath(status: .typeChanged, oldPath: oldPath, newPath: newPath, oldBlobID: oldID, newBlobID: newID))
            default:
                continue  // unmodified, ignored, untracked: not produced between two trees
            }
        }
        return changes
    }

    /// The tree of a commit (or a tree itself, or a tag of either); the caller frees it.
    func peeledTree(_ id: ObjectID) throws -> OpaquePointer {
        var oid = id.oid
        var object: OpaquePointer?
        let code = git_object_lookup(&object, handle, &oid, GIT_OBJECT_ANY)
        if code < 0 {
            throw GitError.lastError(function: "git_object_lookup", code: code, summary: "unknown object \(id.short)")
        }
        defer { git_object_free(object) }
        var tree: OpaquePointer?
        let peel = git_object_peel(&tree, object, GIT_OBJECT_TREE)
        if peel < 0 {
            throw GitError.lastError(
                function: "git_object_peel", code: peel, summary: "object \(id.short) is not a commit or tree",
                kind: .notACommit)
        }
        return tree!
    }
}
