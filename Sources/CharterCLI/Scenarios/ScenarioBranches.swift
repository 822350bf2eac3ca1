import CharterGit

/// The branches named on the command line: revisions as given, then the references each glob
/// matches (sorted), each once.
enum ScenarioBranches {
    static func resolve(revisions: [String], patterns: [String], in repository: Repository) throws -> [ScenarioBranch] {
        var branches: [ScenarioBranch] = []
        var names: Set<String> = []
        for revision in revisions where names.insert(revision).inserted {
            branches.append(ScenarioBranch(ref: revision, commit: try repository.commit(revision).id))
        }
        for pattern in patterns {
            let matched = try repository.referenceNames(matching: pattern)
            if matched.isEmpty { throw CLIError("no reference matches '\(pattern)'") }
            for name in matched {
                // A reference to a tree or a blob (some tags) is no branch.
                guard let commit = try? repository.commit(name) else { continue }
                let shown = displayName(name)
                if names.insert(shown).inserted { branches.append(ScenarioBranch(ref: shown, commit: commit.id)) }
            }
        }
        return branches
    }

    /// `refs/heads/a` → `a`, `refs/remotes/origin/a` → `origin/a`, `refs/pull/7/head` → `pull/7/head`.
    static func displayName(_ reference: String) -> String {
        for prefix in ["refs/heads/", "refs/remotes/", "refs/"] where reference.hasPrefix(prefix) {
            return String(reference.dropFirst(prefix.count))
        }
        return reference
    }
}
