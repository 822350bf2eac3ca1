import Clibgit2

extension Repository {
    /// The commits being merged while a merge is in progress (`git merge` stopped for a
    /// conflict or `--no-commit`): what `MERGE_HEAD` lists, read through libgit2. None when
    /// no merge is in progress.
    public func mergeHeads() throws -> [ObjectID] {
        try ensureLibgit2()
        var ids: [ObjectID] = []
        let code = withUnsafeMutablePointer(to: &ids) { pointer in
            git_repository_mergehead_foreach(handle, { id, payload in
                guard let id, let payload else { return 0 }
                payload.assumingMemoryBound(to: [ObjectID].self).pointee.append(ObjectID(id.pointee))
                return 0
            }, pointer)
        }
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return []
        }
        try check("git_repository_mergehead_foreach", code)
        return ids
    }
}
