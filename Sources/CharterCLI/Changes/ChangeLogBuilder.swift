import CharterCore
import CharterGit
import Foundation

/// Which commits a change log covers.
struct ChangeLogSelection {
    var range: RevisionRange = .head
    var since: Date?
    /// Program folders to limit to; empty: every plan file.
    var programs: [String] = []
    /// Extra repository-relative paths to limit to (`--path`).
    var paths: [String] = []
    /// List the commits of merged branches too, not only the merges on the first-parent line.
    var allCommits = false
    var maxCount: Int?
}

/// Walks history and builds a change-request record for each commit that changed plans.
final class ChangeLogBuilder {
    let repository: Repository
    let prefix: String
    private let workspaces: HistoryWorkspaces
    private lazy var notes: [ObjectID: String] = (try? repository.allNotes()) ?? [:]

    init(repository: Repository, prefix: String) {
        self.repository = repository
        self.prefix = prefix
        self.workspaces = HistoryWorkspaces(repository: repository, prefix: prefix)
    }

    /// Paths whose changes make a commit a plan change: the plan files, never `changes/`
    /// (so the records `--write` keeps never become records of their own).
    func planPaths(_ selection: ChangeLogSelection) -> [String] {
        let base = prefix.isEmpty ? "" : prefix + "/"
        let plans = selection.programs.isEmpty
            ? ["programs", PlanFileKind.settings.fileName, PlanFileKind.people.fileName]
            : selection.programs.map { "programs/" + $0 }
        return plans.map { base + $0 } + selection.paths
    }

    func records(_ selection: ChangeLogSelection) throws -> (records: [ChangeRequest], reachedShallowBoundary: Bool) {
        let options = WalkOptions(firstParentOnly: !selection.allCommits, since: selection.since,
                                  paths: planPaths(selection), maxCount: selection.maxCount)
        let walk = try repository.walk(range: selection.range, options: options)
        var records: [ChangeRequest] = []
        for commit in walk.commits where !walk.shallowBoundaryCommits.contains(commit.id) {
            records.append(try record(for: commit))
        }
        return (records, walk.reachedShallowBoundary)
    }

    /// The record of one commit: its diff against its first parent (or nothing, for a root commit).
    func record(for commit: CommitInfo) throws -> ChangeRequest {
        let old = try workspaces.side(at: commit.parentIDs.first)
        let new = try workspaces.side(at: commit.id)
        let narrowed = DiffScope.narrowed(old.workspace, new.workspace)
        let diff = SemanticDiff.compare(DiffSide(workspace: narrowed.old, unreadable: old.unreadable),
                                        DiffSide(workspace: narrowed.new, unreadable: new.unreadable))
        let builder = ChangeRequestBuilder(old: old.workspace, new: new.workspace,
                                           freezeExceptions: freezeExceptions(in: new.workspace, at: commit.id))
        return builder.build(commit: CommitFacts(commit), diff: diff, notes: notes[commit.id].map { [$0] } ?? [])
    }

    /// The record a commit would get if it were made now from the index with this message:
    /// what the commit-msg hook judges.
    func stagedRecord(message: String, author: CommitFacts.Person) throws -> (record: ChangeRequest, policy: Policy) {
        let head = try repository.headCommitID()
        let old = try workspaces.side(at: head)
        let index = try repository.indexSource(prefix: prefix)
        let load = WorkspaceLoader.load(from: index)
        let new = DiffSide(load)
        let diff = SemanticDiff.compare(old, new)
        let facts = CommitFacts(id: String(repeating: "0", count: 40), parentIDs: head.map { [$0.hex] } ?? [],
                                message: message, author: author, committer: author)
        let builder = ChangeRequestBuilder(old: old.workspace, new: new.workspace)
        return (builder.build(commit: facts, diff: diff), builder.policy)
    }

    private func freezeExceptions(in workspace: Workspace, at commit: ObjectID) -> [ChangeRequestBuilder.FreezeException] {
        guard let file = workspace.settings.policy.freezeExceptionFile,
              let tree = try? repository.treeSource(commit: commit, prefix: prefix),
              let bytes = try? tree.contents(of: file) else { return [] }
        return FreezeExceptionsFile.parse(bytes)
    }
}

extension CommitFacts {
    init(_ commit: CommitInfo) {
        func person(_ signature: Signature) -> CommitFacts.Person {
            CommitFacts.Person(name: signature.name, email: signature.email, time: signature.time, offsetMinutes: signature.offsetMinutes)
        }
        self.init(id: commit.id.hex, parentIDs: commit.parentIDs.map(\.hex), message: commit.message,
                  author: person(commit.author), committer: person(commit.committer))
    }
}
