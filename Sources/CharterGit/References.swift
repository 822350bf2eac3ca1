import Clibgit2

extension Repository {
    /// Names of the references matching a glob (`refs/remotes/origin/*`, `refs/*`), sorted.
    public func referenceNames(matching glob: String) throws -> [String] {
        try ensureLibgit2()
        var iterator: OpaquePointer?
        try check("git_reference_iterator_glob_new", git_reference_iterator_glob_new(&iterator, handle, glob))
        defer { git_reference_iterator_free(iterator) }
        var names: [String] = []
        var name: UnsafePointer<CChar>?
        while true {
            let code = git_reference_next_name(&name, iterator)
            if code == GIT_ITEROVER.rawValue { git_error_clear(); break }
            try check("git_reference_next_name", code)
            if let name { names.append(String(cString: name)) }
        }
        return names.sorted()
    }

    /// The commits the matching references point at (tags peeled; references to trees or blobs
    /// skipped): what "not reachable from any of these" excludes in a pre-push or pre-receive check.
    public func referencedCommits(matching glob: String) throws -> [ObjectID] {
        var commits: Set<ObjectID> = []
        for name in try referenceNames(matching: glob) {
            if let commit = try? commit(name) { commits.insert(commit.id) }
        }
        return commits.sorted()
    }
}
