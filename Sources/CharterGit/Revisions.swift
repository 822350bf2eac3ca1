import Clibgit2

extension Repository {
    /// Resolves any revision git accepts for one commit (`HEAD`, a branch, a tag, a hex
    /// prefix, `HEAD~2`, `main^2`, `@{upstream}` ...) and peels it to that commit.
    public func commit(_ revision: String) throws -> CommitInfo {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, handle, revision)
        if code < 0 {
            let failure = GitError.lastError(function: "git_revparse_single", code: code)
            throw explainUnresolved(revision, failure)
        }
        defer { git_object_free(object) }

        var peeled: OpaquePointer?
        let peelCode = git_object_peel(&peeled, object, GIT_OBJECT_COMMIT)
        if peelCode < 0 {
            throw GitError.lastError(
                function: "git_object_peel", code: peelCode,
                summary: "revision '\(revision)' is not a commit", kind: .notACommit)
        }
        defer { git_commit_free(peeled) }
        return try commitInfo(copying: peeled!)
    }

    /// The commit HEAD points at, or `nil` on an unborn branch.
    public func headCommitID() throws -> ObjectID? {
        var id = git_oid()
        let code = git_reference_name_to_id(&id, handle, "HEAD")
        if code < 0 {
            let failure = GitError.lastError(function: "git_reference_name_to_id", code: code)
            if isHeadUnborn { return nil }
            throw failure
        }
        return ObjectID(id)
    }

    /// The best common ancestor of two commits, as `git merge-base` picks it.
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws -> ObjectID {
        var base = git_oid()
        var one = a.oid
        var two = b.oid
        let code = git_merge_base(&base, handle, &one, &two)
        if code < 0 {
            var summary = code == GIT_ENOTFOUND.rawValue
                ? "commits \(a.short) and \(b.short) have no common ancestor"
                : "cannot find the merge base of \(a.short) and \(b.short)"
            if isShallow { summary += "; the clone is shallow, so older history may be missing" }
            throw GitError.lastError(function: "git_merge_base", code: code, summary: summary)
        }
        return ObjectID(base)
    }

    func commitInfo(copying commit: OpaquePointer) throws -> CommitInfo {
        var info = CommitInfo(copying: commit)
        // libgit2 1.5 does not read .git/shallow, so a boundary commit still names parents
        // the clone never fetched; git treats them as absent, and so do we.
        if isShallow && !info.parentIDs.isEmpty {
            let objects = try ObjectDatabase(of: self)
            info.parentIDs = info.parentIDs.filter { objects.contains($0.oid) }
        }
        return info
    }

    /// Says in git's words why a revision did not resolve; libgit2's own message stays as detail.
    private func explainUnresolved(_ revision: String, _ failure: GitError) -> GitError {
        if isHeadUnborn, namesHead(revision) {
            let branch = headBranchName ?? "HEAD"
            return GitError(
                kind: .unbornBranch, function: failure.function, code: failure.code,
                detail: failure.detail, summary: "the branch '\(branch)' has no commits yet")
        }
        var summary = failure.kind == .ambiguous
            ? "ambiguous revision '\(revision)'"
            : "unknown revision '\(revision)'"
        if isShallow { summary += "; the clone is shallow, so older history may be missing" }
        return GitError(
            kind: failure.kind == .other ? .notFound : failure.kind, function: failure.function,
            code: failure.code, detail: failure.detail, summary: summary)
    }

    /// Whether the revision starts from HEAD or the branch it names (`HEAD~1`, `@`, `main^`).
    private func namesHead(_ revision: String) -> Bool {
        var base = Substring(revision)
        if let cut = base.firstIndex(where: { $0 == "~" || $0 == "^" || $0 == ":" }) {
            base = base[..<cut]
        }
        if let reflog = base.range(of: "@{") {
            base = base[..<reflog.lowerBound]
        }
        if base == "HEAD" || base == "@" || base.isEmpty { return true }
        guard let branch = headBranchName else { return false }
        return base == branch || base == "heads/\(branch)" || base == "refs/heads/\(branch)"
    }
}
