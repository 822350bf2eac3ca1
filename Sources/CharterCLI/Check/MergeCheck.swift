import CharterCore
import CharterGit

/// `charter check --merge BASE HEAD`: the in-memory merge of HEAD into BASE validates. Nothing
/// is written: not the worktree, not the index, not a ref.
struct MergeCheck {
    let repository: Repository
    let prefix: String
    let base: String
    let head: String

    func run() throws -> CheckOutcome {
        let ours = try repository.commit(base), theirs = try repository.commit(head)
        let merged = try repository.mergeCommits(ours: ours.id, theirs: theirs.id, prefix: prefix)
        let diagnostics = MergeFindings.diagnostics(
            Validator.validate(WorkspaceLoader.load(from: merged), asOf: Clock.today()),
            conflicts: merged.conflicts.map { MergeFindings.Conflict(path: $0.path, summary: $0.summary) },
            merging: head, into: base)
        return .report(ValidationReport(diagnostics: diagnostics, sourceDescription: "merge of \(head) into \(base)"), pathPrefix: prefix)
    }
}
