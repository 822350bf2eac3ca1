import CharterCore
import Clibgit2

/// One entry of a tree or the index, copied out of libgit2.
struct StoredEntry {
    var id: git_oid
    /// The raw git file mode: 040000, 100644, 100755, 120000 or 160000.
    var mode: UInt32

    var kind: SourceEntry.Kind {
        switch mode & 0o170000 {
        case 0o040000: return .directory
        case 0o100000: return .file
        case 0o120000: return .symlink
        case 0o160000: return .submodule  // a gitlink: a submodule's commit
        default: return .other
        }
    }
}

extension Repository {
    /// The entries directly inside a tree, by name. The tree is freed before returning,
    /// so nothing lent by it escapes.
    func treeEntries(_ treeID: git_oid) throws -> [String: StoredEntry] {
        try checkLooseObject(treeID, function: "git_tree_lookup")
        var id = treeID
        var tree: OpaquePointer?
        try check("git_tree_lookup", git_tree_lookup(&tree, handle, &id))
        defer { git_tree_free(tree) }
        let count = git_tree_entrycount(tree)
        var entries = [String: StoredEntry](minimumCapacity: count)
        for index in 0..<count {
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let name = String(cString: git_tree_entry_name(entry))
            entries[name] = StoredEntry(
                id: git_tree_entry_id(entry).pointee,
                mode: UInt32(git_tree_entry_filemode_raw(entry).rawValue))
        }
        return entries
    }

    /// The tree of a commit, or of the folder `path` inside it; `nil` when there is no
    /// such folder at that commit (a file there counts as none).
    func treeID(ofCommit commitID: ObjectID, path: String) throws -> git_oid? {
        var id = commitID.oid
        var commit: OpaquePointer?
        let code = git_commit_lookup(&commit, handle, &id)
        if code < 0 {
            throw GitError.lastError(
                function: "git_commit_lookup", code: code, summary: "unknown commit \(commitID.short)")
        }
        defer { git_commit_free(commit) }
        guard !path.isEmpty else { return git_commit_tree_id(commit).pointee }

        var root: OpaquePointer?
        try check("git_commit_tree", git_commit_tree(&root, commit))
        defer { git_tree_free(root) }
        var entry: OpaquePointer?
        let lookup = git_tree_entry_bypath(&entry, root, path)
        if lookup == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try check("git_tree_entry_bypath", lookup)
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
        return git_tree_entry_id(entry).pointee
    }

    /// The bytes of a blob, copied: `git_blob_rawcontent` lends memory owned by the blob.
    func blobContents(_ blobID: git_oid) throws -> [UInt8] {
        try checkLooseObject(blobID, function: "git_blob_lookup")
        var id = blobID
        var blob: OpaquePointer?
        try check("git_blob_lookup", git_blob_lookup(&blob, handle, &id))
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: size))
    }
}

/// Workspace paths are `/`-separated and relative; tolerate stray slashes and `.`.
func pathComponents(_ path: String) -> [Substring] {
    path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
}

/// `path` without stray slashes and `.` folders: `pathComponents(path)` joined by `/`. A path
/// already in that form (nearly every one) is returned as it is, without splitting it and
/// joining the parts again: `joined(separator:)` is not specialised, and its first use in a
/// process costs a scan of the binary's protocol conformances.
func normalisedPath(_ path: String) -> String {
    isNormalised(path) ? path : pathComponents(path).joined(separator: "/")
}

/// No empty part (no leading, trailing or doubled slash) and no `.` part.
private func isNormalised(_ path: String) -> Bool {
    var length = 0
    var dot = false
    for byte in path.utf8 {
        if byte == UInt8(ascii: "/") {
            if length == 0 || (length == 1 && dot) { return false }
            length = 0
        } else {
            if length == 0 { dot = byte == UInt8(ascii: ".") }
            length += 1
        }
    }
    return length == 0 ? path.isEmpty : !(length == 1 && dot)
}

/// Splits a path into its folder and its last name, as normalised by `normalisedPath`.
func splitParent(_ path: String) -> (parent: String, name: String) {
    let path = normalisedPath(path)
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[..<slash]), String(path[path.index(after: slash)...]))
}

extension Repository {
    /// Throws when `id` is a loose object whose file is truncated or corrupt, before libgit2 1.5
    /// reads it: that version inflates such a file forever (libgit2 issue 7342). Packed objects
    /// and objects of other object stores pass untouched.
    func checkLooseObject(_ id: git_oid, function: String) throws {
        let hex = ObjectID(id).hex
        let path = commonDir + "/objects/" + hex.prefix(2) + "/" + hex.dropFirst(2)
        if charter_loose_object_is_whole(path) == 0 {
            throw GitError(kind: .other, function: function, code: -1,
                           detail: "loose object \(hex) is truncated or corrupt", summary: nil)
        }
    }
}
