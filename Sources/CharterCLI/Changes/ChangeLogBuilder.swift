import CharterCore
import CharterGit
import Foundation

/// Which commits a change log covers.
struct ChangeLogSelection {
    var range: RevisionRange = .head
    /// Only commits made on or after this day, judged in each commit's own time zone (the
    /// committer's offset, as the commit records it).
    var since: PlanDate?
    /// Program folders to limit to; empty: every plan file.
    var programs: [String] = []
    /// Extra repository-relative paths to limit to (`--path`).
    var paths: [String] = []
    /// List the commits of merged branches too, not only the merges on the first-parent line.
    var allCommits = false
    var maxCount: Int?

    /// The walk's cut-off: the start of `since` in the zone furthest ahead of UTC (+14:00), so no
    /// commit of that day, in any zone, is left out; `isSince` then judges each commit exactly.
    var walkSince: Date? {
        since.map { Date(timeIntervalSince1970: Double($0.dayNumber) * 86_400 - 14 * 3_600) }
    }

    func isSince(_ commit: CommitInfo) -> Bool {
        since.map { commit.committer.day >= $0 } ?? true
    }
}

/// Walks history and builds a change-request record for each commit that changed plans.
final class ChangeLogBuilder {
    let repository: Repository
    let prefix: String
    private let workspaces: HistoryWorkspaces
    /// Where approvals recorded as notes are read from: the notes ref, or a notes commit being
    /// pushed (pre-receive judges a push that carries its own approvals).
    var notesCommit: ObjectID?
    /// Told how many records of how many are built, while the cold path runs.
    var progress: ((_ done: Int, _ total: Int) -> Void)? = HistoryProgress.reporter()
    private lazy var notes: [ObjectID: String] = {
        if let notesCommit { return (try? repository.allNotes(inNotesCommit: notesCommit)) ?? [:] }
        return (try? repository.allNotes()) ?? [:]
    }()
    private lazy var index: ChangeRecordIndex? = ChangeRecordIndex.shared(for: repository)
    /// A commit whose plans to keep when the cold walk reads them (`keptWorkspace`).
    var keepWorkspaceAt: ObjectID?
    /// The plans at `keepWorkspaceAt`, when a record of it was built from git: the range's tip,
    /// which `notify` is judged in, then need not be read and held a second time.
    private(set) var keptWorkspace: Workspace?

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
        let exact = narrowed || selection.since != nil
        let options = WalkOptions(firstParentOnly: !selection.allCommits, since: selection.walkSince,
                                  paths: narrowed ? selection.paths : plans, maxCount: exact ? nil : selection.maxCount)
        let walk = try repository.walk(range: selection.range, options: options)
        var commits: [CommitInfo] = []
        for commit in walk.commits where !walk.shallowBoundaryCommits.contains(commit.id) && selection.isSince(commit) {
            if let maxCount = selection.maxCount, commits.count >= maxCount { break }
            if narrowed, !(try repository.commitChanges(commit.id, under: plans)) { continue }
            commits.append(commit)
        }
        var records = try records(for: commits)
        for (index, commit) in commits.enumerated() where commit.isMerge && MergeApprovals.mayCarry(to: records[index]) {
            records[index] = MergeApprovals.carry(to: records[index], from: try branchRecords(
                tips: Array(commit.parentIDs.dropFirst()), base: commit.parentIDs[0]))
        }
        return (records, walk.reachedShallowBoundary)
    }

    /// One record per commit: from the index when it has it, else built (the files each batch
    /// needs parsed on all cores, the records compared and judged on all cores) and added to it.
    /// A commit with a note is always built afresh: notes can be added after the fact.
    func records(for commits: [CommitInfo]) throws -> [ChangeRequest] {
        let keys = commits.map { ChangeRecordIndex.key(prefix: prefix, commit: $0) }
        var found = index?.records(keys) ?? Array(repeating: nil, count: commits.count)
        let missing = commits.indices.filter { found[$0] == nil || notes[commits[$0].id] != nil }
        var built: [(key: String, record: ChangeRequest)] = []
        let batchSize = 32
        for start in stride(from: 0, to: missing.count, by: batchSize) {
            let batch = Array(missing[start..<min(start + batchSize, missing.count)])
            try workspaces.prepare(batch.flatMap { [commits[$0].id, commits[$0].parentIDs.first] })
            let prepared = try batch.map { try inputs(for: commits[$0]) }
            let records = ParallelMap.map(prepared, minimumCount: 4) { (input: RecordInputs) in input.build() }
            for (position, record) in zip(batch, records) {
                found[position] = record
                if notes[commits[position].id] == nil { built.append((keys[position], record)) }
            }
            progress?(start + batch.count, missing.count)
            // What the batch parsed and compared and no longer needs, released before the next.
            FreedMemory.release()
        }
        if let index, !built.isEmpty || index.problem != nil {
            index.store(built)
            index.save()
        }
        return found.map { $0! }
    }

    /// The records of the commits a merge brings in (its branch, merges left out): what their
    /// approvals can carry to the merge.
    private func branchRecords(tips: [ObjectID], base: ObjectID) throws -> [ChangeRequest] {
        guard !tips.isEmpty else { return [] }
        let walk = try repository.walk(range: .revisions(including: tips.map(\.hex), excluding: [base.hex]),
                                       options: WalkOptions(paths: planPaths(ChangeLogSelection())))
        return try records(for: walk.commits.filter { !$0.isMerge && !walk.shallowBoundaryCommits.contains($0.id) })
    }

    /// Everything one record needs, read from git: the plans before and after, the notes, the
    /// freeze exceptions. Building the record from it is pure.
    struct RecordInputs: Sendable {
        var commit: CommitFacts
        var old: HistorySide
        var new: HistorySide
        var notes: [String]
        var freezeExceptions: [ChangeRequestBuilder.FreezeException]

        func build() -> ChangeRequest {
            let links = (old: old.links, new: new.links)
            // Programs whose subtree ids match are the same values: skipped, not compared.
            let known = old.changes(to: new)
            let diff = SemanticDiff.compare(old.side, new.side, asOf: commit.committer.day,
                                            scope: DiffScope.programs(old.workspace, new.workspace, links: links, known: known),
                                            links: links, known: known)
            return ChangeRequestBuilder(old: old.workspace, new: new.workspace, freezeExceptions: freezeExceptions,
                                        people: new.workspace.people.isEmpty ? old.people : new.people)
                .build(commit: commit, diff: diff, notes: notes)
        }
    }

    func inputs(for commit: CommitInfo) throws -> RecordInputs {
        let old = try workspaces.side(at: commit.parentIDs.first)
        let new = try workspaces.side(at: commit.id)
        if commit.id == keepWorkspaceAt { keptWorkspace = new.workspace }
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
        if let head, case let heads = try repository.mergeHeads(), !heads.isEmpty, MergeApprovals.mayCarry(to: record) {
            record = MergeApprovals.carry(to: record, from: try branchRecords(tips: heads, base: head))
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
