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
    /// Where approvals recorded as notes are read from: the notes ref, or a notes commit being
    /// pushed (pre-receive judges a push that carries its own approvals).
    var notesCommit: ObjectID?
    private lazy var notes: [ObjectID: String] = {
        if let notesCommit { return (try? repository.allNotes(inNotesCommit: notesCommit)) ?? [:] }
        return (try? repository.allNotes()) ?? [:]
    }()

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
        return plans.map { base + $0 }
    }

    func records(_ selection: ChangeLogSelection) throws -> (records: [ChangeRequest], reachedShallowBoundary: Bool) {
        let plans = planPaths(selection)
        // `--path` narrows: a commit must change one of those paths *and* plans (walk by the
        // paths, then keep the commits that also changed plans).
        let narrowed = !selection.paths.isEmpty
        let options = WalkOptions(firstParentOnly: !selection.allCommits, since: selection.since,
                                  paths: narrowed ? selection.paths : plans, maxCount: narrowed ? nil : selection.maxCount)
        let walk = try repository.walk(range: selection.range, options: options)
        var commits: [CommitInfo] = []
        for commit in walk.commits where !walk.shallowBoundaryCommits.contains(commit.id) {
            if let maxCount = selection.maxCount, commits.count >= maxCount { break }
            if narrowed, !(try repository.commitChanges(commit.id, under: plans)) { continue }
            commits.append(commit)
        }
        // Reading goes through libgit2, one commit at a time; comparing and judging is pure, so
        // it runs on every core.
        let prepared = try commits.map { try self.inputs(for: $0) }
        var records = ParallelMap.map(prepared, minimumCount: 4) { (input: RecordInputs) in input.build() }
        for (index, commit) in commits.enumerated() where commit.isMerge {
            records[index] = try carryingBranchApprovals(records[index], branchTips: Array(commit.parentIDs.dropFirst()),
                                                         base: commit.parentIDs[0])
        }
        return (records, walk.reachedShallowBoundary)
    }

    /// A merge is judged on its whole branch, but the approvals were usually given on the
    /// branch's commits (their trailers, their notes), not in the merge's message. So a
    /// requirement the merge leaves unmet (a reason, in a program) is met when commits of
    /// the merged branch had that same requirement and every one of them met it, each judged
    /// with its own author, people and policy. What no branch commit needed on its own (two
    /// small slips adding up, a merge landing in a freeze) still needs approval on the merge.
    private func carryingBranchApprovals(_ record: ChangeRequest, branchTips: [ObjectID], base: ObjectID) throws -> ChangeRequest {
        guard !record.requirements.allSatisfy(\.isSatisfied), !branchTips.isEmpty else { return record }
        let walk = try repository.walk(range: .revisions(including: branchTips.map(\.hex), excluding: [base.hex]),
                                       options: WalkOptions(paths: planPaths(ChangeLogSelection())))
        let branch = try walk.commits
            .filter { !$0.isMerge && !walk.shallowBoundaryCommits.contains($0.id) }
            .map { try self.record(for: $0) }
        var result = record
        for index in result.requirements.indices where !result.requirements[index].isSatisfied {
            let wanted = result.requirements[index]
            let same = branch.flatMap { cr in
                cr.requirements.filter { $0.reason == wanted.reason && $0.program == wanted.program }.map { (cr.id, $0) }
            }
            guard !same.isEmpty, same.allSatisfy({ $0.1.isSatisfied }) else { continue }
            var names: [String] = []
            for (id, met) in same {
                for name in met.satisfiedBy where !names.contains("\(name) (\(id) on the merged branch)") {
                    names.append("\(name) (\(id) on the merged branch)")
                }
            }
            result.requirements[index].satisfiedBy = names
            result.requirements[index].missing = nil
        }
        return result
    }

    /// Everything one record needs, read from git: the plans before and after, the notes, the
    /// freeze exceptions. Building the record from it is pure.
    struct RecordInputs: Sendable {
        var commit: CommitFacts
        var old: DiffSide
        var new: DiffSide
        var notes: [String]
        var freezeExceptions: [ChangeRequestBuilder.FreezeException]

        func build() -> ChangeRequest {
            let narrowed = DiffScope.narrowed(old.workspace, new.workspace)
            let diff = SemanticDiff.compare(DiffSide(workspace: narrowed.old, unreadable: old.unreadable),
                                            DiffSide(workspace: narrowed.new, unreadable: new.unreadable), asOf: commit.committer.day)
            return ChangeRequestBuilder(old: old.workspace, new: new.workspace, freezeExceptions: freezeExceptions)
                .build(commit: commit, diff: diff, notes: notes)
        }
    }

    func inputs(for commit: CommitInfo) throws -> RecordInputs {
        let old = try workspaces.side(at: commit.parentIDs.first)
        let new = try workspaces.side(at: commit.id)
        return RecordInputs(commit: CommitFacts(commit), old: old, new: new, notes: notes[commit.id].map { [$0] } ?? [],
                            freezeExceptions: freezeExceptions(in: new.workspace, at: commit.id))
    }

    /// The record of one commit: its diff against its first parent (or nothing, for a root commit).
    func record(for commit: CommitInfo) throws -> ChangeRequest {
        try inputs(for: commit).build()
    }

    /// The record a commit would get if it were made now from the index with this message:
    /// what the commit-msg hook judges.
    /// `settingsErrors`: what makes the staged `charter.yaml` unreadable or invalid (the
    /// policy the record is judged by would then be a guess).
    func stagedRecord(message: String, author: Signature) throws
        -> (record: ChangeRequest, policy: Policy, settingsErrors: [Diagnostic]) {
        let head = try repository.headCommitID()
        let index = try repository.indexSource(prefix: prefix)
        let headTree = try head.map { try repository.treeSource(commit: $0, prefix: prefix) }
        // Only the program folders whose staged blobs differ from HEAD's are read (as `charter
        // diff --staged` does), so the hook costs what the commit changes, not what the
        // workspace holds. People and policy come from the root files of each side.
        let from = headTree.map { DiffEndpoint(label: "HEAD", commit: head, storage: .tree($0)) }
            ?? DiffEndpoint(label: "(no commits yet)", commit: nil, storage: .empty)
        let sides = try DiffLoader(old: from, new: DiffEndpoint(label: "index", commit: nil, storage: .index(index))).load(asOf: author.day)
        let rootFiles: Set<String> = [PlanFileKind.settings.fileName, PlanFileKind.people.fileName]
        let load = WorkspaceLoader.load(from: ProgramSubsetSource(index, programs: [], rootFiles: rootFiles))
        let fileRules = RuleRegistry.all.filter { [.files, .schema].contains($0.description.category) }
        let settingsErrors = Validator.validate(load, asOf: author.day, rules: fileRules)
            .filter { $0.severity == .error && $0.location.path == PlanFileKind.settings.fileName }
        let headRoot = headTree.map { WorkspaceLoader.load(from: ProgramSubsetSource($0, programs: [], rootFiles: rootFiles)).workspace }
        let old = DiffSide(workspace: Self.withRoot(sides.from.workspace, from: headRoot ?? Workspace()), unreadable: sides.from.unreadable)
        let new = DiffSide(workspace: Self.withRoot(sides.to.workspace, from: load.workspace), unreadable: sides.to.unreadable)
        let diff = SemanticDiff.compare(sides.from, sides.to, asOf: author.day)
        let facts = CommitFacts(id: String(repeating: "0", count: 40), parentIDs: head.map { [$0.hex] } ?? [],
                                message: message, author: author, committer: author)
        let builder = ChangeRequestBuilder(old: old.workspace, new: new.workspace)
        var record = builder.build(commit: facts, diff: diff)
        // Concluding a merge (`git merge`, or `git commit` after resolving): judged like the
        // merge commit it will be, with the approvals given on the merged branch.
        if let head, case let heads = mergeHeads(), !heads.isEmpty {
            record = try carryingBranchApprovals(record, branchTips: heads, base: head)
        }
        return (record, builder.policy, settingsErrors)
    }

    /// A narrowed workspace with the people and policy of its whole side.
    private static func withRoot(_ workspace: Workspace, from root: Workspace) -> Workspace {
        var result = workspace
        result.settings = root.settings
        result.settingsPath = root.settingsPath
        result.people = root.people
        return result
    }

    /// The commits being merged while a merge is in progress (`MERGE_HEAD`, one per line).
    private func mergeHeads() -> [ObjectID] {
        guard let text = try? String(contentsOfFile: repository.gitDir + "/MERGE_HEAD", encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).compactMap { ObjectID(hex: $0.trimmingCharacters(in: .whitespaces)) }
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
        self.init(id: commit.id.hex, parentIDs: commit.parentIDs.map(\.hex), message: commit.message,
                  author: commit.author, committer: commit.committer)
    }
}
