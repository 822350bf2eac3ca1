import Clibgit2

/// One staged entry at stage 0, copied out of the index.
struct StagedEntry {
    /// The full path from the repository root.
    var path: String
    var stored: StoredEntry
}

extension Repository {
    /// The index file git would commit from: `GIT_INDEX_FILE` when set, else the
    /// worktree's own index (a linked worktree has its own).
    var indexPath: String {
        indexFileOverride ?? gitDir + "/index"
    }

    /// Visits the entries whose paths start with `prefix` (a folder, without slash, or
    /// `""` for all) in one pass. Conflict stages go to `conflicted` instead; entries
    /// only marked with `git add -N` are skipped, since nothing of them is staged yet.
    func forEachStagedEntry(
        under prefix: String,
        _ visit: (StagedEntry) -> Void,
        conflicted: (String) -> Void
    ) throws {
        if isBare && indexFileOverride == nil {
            throw GitError.plain(.bareRepository, "a bare repository has no index; use --rev")
        }
        try ensureLibgit2()
        // Opened from the file each time, never a cached copy, so we see what is staged now.
        var index: OpaquePointer?
        try check("git_index_open", git_index_open(&index, indexPath))
        defer { git_index_free(index) }

        let folder = prefix.isEmpty ? "" : prefix + "/"
        var position = 0
        if !folder.isEmpty {
            let found = git_index_find_prefix(&position, index, folder)
            if found == GIT_ENOTFOUND.rawValue {
                git_error_clear()
                return
            }
            try check("git_index_find_prefix", found)
        }
        let count = git_index_entrycount(index)
        let stageMask = UInt16(GIT_INDEX_ENTRY_STAGEMASK)
        let intentToAdd = UInt16(GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue)
        // Entries are sorted by path bytes, so those under the folder are contiguous.
        while position < count, let entry = git_index_get_byindex(index, position) {
            position += 1
            let path = String(cString: entry.pointee.path)
            guard path.utf8.starts(with: folder.utf8) else { break }
            if entry.pointee.flags & stageMask != 0 {
                conflicted(path)
                continue
            }
            if entry.pointee.flags_extended & intentToAdd != 0 { continue }
            visit(StagedEntry(path: path, stored: StoredEntry(id: entry.pointee.id, mode: entry.pointee.mode)))
        }
    }
}
