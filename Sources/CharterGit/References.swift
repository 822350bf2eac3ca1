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

extension Repository {
    /// The remote a hook was given: pre-push passes the remote's name, or its URL when pushing
    /// to one. A URL maps to the remote configured with it; an unknown URL is returned as it is
    /// (nothing is known about it, so nothing is excluded).
    public func remoteName(forNameOrURL remote: String) throws -> String {
        guard remote.contains("/") || remote.contains(":") else { return remote }
        for name in try referenceNames(matching: "refs/remotes/*").compactMap({ $0.split(separator: "/").dropFirst(2).first }) {
            if (try? configString("remote.\(name).url")) == remote { return String(name) }
        }
        return remote
    }

    /// The commits the remote's branches point at, as last fetched: what is already pushed.
    public func commitsOnRemote(_ remote: String) throws -> [ObjectID] {
        try referencedCommits(matching: "refs/remotes/\(try remoteName(forNameOrURL: remote))/*")
    }
}
