import CharterCore
import CharterGit

/// `charter check RANGE`: the plans at the head of the range validate, and every change
/// request in the range meets policy.
struct RangeCheck {
    let repository: Repository
    let prefix: String
    let range: String
    let excludeRemote: String?
    let excludeExistingRefs: Bool
    let notesCommit: String?
    let allCommits: Bool

    func run() throws -> CheckOutcome {
        // An unborn branch gets the answer `validate --rev HEAD` gives: there is no commit to check
        // (exit 2, "the branch 'main' has no commits yet"), rather than a pass for no plans at all.
        if repository.isHeadUnborn, ["HEAD", "@"].contains(RangeArgument.tip(of: range)) {
            _ = try repository.commit(RangeArgument.tip(of: range))
        }
        let selection = try commits()
        let head = try repository.commit(RangeArgument.tip(of: range))
        let tree = try repository.treeSource(commit: head.id, prefix: prefix)
        let load = WorkspaceLoader.load(from: tree)
        try Git.call { try tree.throwIfDamaged() }
        var diagnostics = Validator.validate(load, asOf: head.committer.day)
        let builder = ChangeLogBuilder(repository: repository, prefix: prefix)
        if let notesCommit { builder.notesCommit = try repository.commit(notesCommit).id }
        let (records, shallow) = try builder.records(ChangeLogSelection(range: selection, allCommits: allCommits))
        for record in records { diagnostics += PolicyFindings.diagnostics(for: record, head: load.workspace) }
        // Lessons of the head's plans: the CRs they cite must exist, and the ones these changes
        // bring back are shown as notes.
        let lessons = LessonRegister(load.workspace)
        diagnostics += try LessonChangeRequests(repository: repository, prefix: prefix, head: head.id).diagnostics(lessons)
        diagnostics += LessonFindings.notes(records, register: lessons)
        if shallow { Terminal.warning("the clone is shallow: commits before its boundary were not checked") }
        Terminal.warning(PolicyGuidance.checkedRange(selection.description, changeRequests: records.count), quietUnlessTerminal: true)
        return .report(ValidationReport(diagnostics: diagnostics, sourceDescription: "commit \(head.id.short)"), pathPrefix: prefix)
    }

    /// The commits to check: the range, less what the remote (pre-push) or the server
    /// (pre-receive) already has.
    private func commits() throws -> RevisionRange {
        let parsed = try RangeArgument.parse(range, in: repository)
        if let excludeRemote {
            return .revisions(including: [range], excluding: try repository.commitsOnRemote(excludeRemote).map(\.hex))
        }
        if excludeExistingRefs {
            return .revisions(including: [range], excluding: try repository.referencedCommits(matching: "refs/*").map(\.hex))
        }
        return parsed
    }
}
