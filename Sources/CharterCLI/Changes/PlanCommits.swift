import CharterGit

extension ChangeLogBuilder {
    /// The ids of `planCommits`, from the commit table when it can answer (no object read for a
    /// commit it has seen), else from the walk.
    func planCommitIDs(_ selection: ChangeLogSelection) throws -> [ObjectID] {
        if let ids = try planCommitIDsFromTable(selection) { return ids }
        return try planCommits(selection).map(\.id)
    }

    /// The commits that changed plans, newest first, found by comparing tree ids alone: no YAML
    /// is read (`charter changes --ids`).
    func planCommits(_ selection: ChangeLogSelection) throws -> [CommitInfo] {
        let plans = planPaths(selection)
        let narrowed = !selection.paths.isEmpty
        let exact = narrowed || selection.since != nil
        let options = WalkOptions(firstParentOnly: !selection.allCommits, since: selection.walkSince,
                                  paths: narrowed ? selection.paths : plans, maxCount: exact ? nil : selection.maxCount)
        var commits = try repository.walk(range: selection.range, options: options).commits.filter(selection.isSince)
        if narrowed { commits = try commits.filter { try repository.commitChanges($0.id, under: plans) } }
        if let maxCount = selection.maxCount { commits = Array(commits.prefix(maxCount)) }
        return commits
    }
}
