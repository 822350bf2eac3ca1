import ArgumentParser
import CharterCore
import CharterGit
import CharterReporters
import Foundation

/// Reads the history `charter history` and `charter slips` report on: the change log's one walk
/// (`ChangeLogBuilder.records`), turned oldest first into ledgers, and the plans at the range's tip.
struct PlanHistoryReader {
    let reader: PlanReader
    let repository: Repository
    let range: String

    init(range: String?, workspace: String?) throws {
        let reader = try PlanReader(version: .revision("HEAD"), workspace: workspace)
        guard let repository = reader.location.repository else { throw CLIError("not in a git repository") }
        self.init(reader: reader, repository: repository, range: range)
    }

    /// On a repository a command has already opened (one libgit2 handle, so one read of its
    /// pack indexes, per process).
    init(reader: PlanReader, repository: Repository, range: String?) {
        self.reader = reader
        self.repository = repository
        self.range = range ?? "HEAD"
    }

    struct Result {
        var history: PlanHistory
        var context: HistoryContext
        /// Newest first, as the walk found them.
        var records: [ChangeRequest]
    }

    /// One walk over the commits that changed these programs (all when empty).
    func read(programs: [String], since: PlanDate?, useColor: Bool) throws -> Result {
        let builder = ChangeLogBuilder(repository: repository, prefix: reader.location.prefix)
        let revisions = try RangeArgument.parse(range, in: repository)
        var selection = ChangeLogSelection(range: revisions, programs: programs)
        selection.since = since
        let (records, shallow) = try Git.call { try builder.records(selection) }
        return result(records, shallow: shallow, useColor: useColor, revisions: revisions)
    }

    /// `result` as the walk over these programs alone would have read it: the records of the
    /// commits that changed one of their folders.
    func narrowed(_ result: Result, to programs: Set<String>) throws -> Result {
        let base = reader.location.prefix.isEmpty ? "" : reader.location.prefix + "/"
        let paths = programs.sorted().map { base + "programs/" + $0 }
        let records = try Git.call {
            try result.records.filter { record in
                guard let id = ObjectID(hex: record.commit) else { return false }
                return try repository.commitChanges(id, under: paths)
            }
        }
        return self.result(records, shallow: result.context.reachedShallowBoundary, useColor: result.context.useColor,
                           revisions: try RangeArgument.parse(range, in: repository))
    }

    private func result(_ records: [ChangeRequest], shallow: Bool, useColor: Bool, revisions: RevisionRange) -> Result {
        let history = PlanHistory(chronological: records.reversed())
        let bounded: Bool
        switch revisions {
        case .ancestors: bounded = false
        case .revisions(_, let excluding): bounded = !excluding.isEmpty
        case .between, .symmetricDifference: bounded = true
        }
        let context = HistoryContext(range: range, useColor: useColor, reachedShallowBoundary: shallow,
                                     rangeHasLowerBound: bounded, commitsRead: records.count,
                                     first: history.first?.day, last: history.last?.day)
        return Result(history: history, context: context, records: records)
    }

    /// The commit at the range's tip (`nil` on an unborn branch).
    func tipCommit() -> ObjectID? {
        try? repository.commit(RangeArgument.tip(of: range)).id
    }

    /// The plans at the range's tip as `builder` kept them from its walk, else read (`tip()`).
    func tipWorkspace(keptBy builder: ChangeLogBuilder) throws -> Workspace {
        if let kept = builder.keptWorkspace, builder.keepWorkspaceAt == tipCommit() { return kept }
        return try tip().workspace
    }

    /// The plans at the range's newest commit, and that commit's day (what risk ages are measured to).
    func tip() throws -> (workspace: Workspace, day: PlanDate) {
        let opened = try reader.open(.revision(RangeArgument.tip(of: range)))
        return (WorkspaceLoader.load(from: opened.source).workspace, opened.defaultAsOf)
    }
}

extension HistoryFormat: ExpressibleByArgument {}
