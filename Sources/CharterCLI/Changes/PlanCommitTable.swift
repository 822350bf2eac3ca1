import CharterGit

/// The commit table (`CommitTable`, `<common git dir>/charter/commits.idx`) of a repository for
/// the command running now: read once per process, `nil` when the cache is off (the commands
/// then walk git as they always did, the reference the table is tested against).
enum PlanCommitTable {
    nonisolated(unsafe) private static var opened: [String: CommitTable] = [:]

    static func shared(for repository: Repository) -> CommitTable? {
        guard HistoryIndexSwitch.isOn else { return nil }
        if let known = opened[repository.commonDir] { return known }
        let table = CommitTable(repository: repository, cached: true)
        opened[repository.commonDir] = table
        return table
    }
}

extension ChangeLogBuilder {
    /// The roots whose changes the commit table records: the plan files of the workspace.
    var planRoots: [String] {
        planPaths(ChangeLogSelection())
    }

    /// `planCommits`' ids from the commit table, or `nil` when the selection needs the walk
    /// (merged branches' commits, `--since`, a range other than one revision) or the cache is off.
    func planCommitIDsFromTable(_ selection: ChangeLogSelection) throws -> [ObjectID]? {
        guard selection.since == nil, !selection.allCommits, case .ancestors(let revision) = selection.range,
              let table = PlanCommitTable.shared(for: repository) else { return nil }
        let tip: ObjectID
        do {
            tip = try repository.commit(revision).id
        } catch let error as GitError where error.kind == .unbornBranch {
            return []
        }
        let plans = planPaths(selection)
        let groups = selection.paths.isEmpty ? [plans] : [selection.paths, plans]
        let ids = try table.firstParentCommits(from: tip, changing: groups, roots: planRoots, maxCount: selection.maxCount)
        table.save()
        return ids
    }
}
