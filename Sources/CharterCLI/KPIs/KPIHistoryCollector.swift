import CharterCore
import CharterGit

/// Every committed measurement of every KPI: walks the plan commits that changed a program's
/// `kpis.yaml` on a revision's history (first parent: a merged branch counts at its merge) and
/// hands the KPIs at each to `KPITrend`. The report and `charter kpis --history` call it.
final class KPIHistoryCollector {
    private let repository: Repository
    private let prefix: String

    init(repository: Repository, prefix: String) {
        self.repository = repository
        self.prefix = prefix
    }

    /// The trends of `programs` (every program at the range's tip when empty) over `range`.
    func trends(range: RevisionRange = .head, programs: [String] = []) throws -> [KPITrend] {
        let workspaces = HistoryWorkspaces(repository: repository, prefix: prefix)
        let folders = try programs.isEmpty ? programFolders(at: RangeArgument.tip(of: range.description)) : programs
        guard !folders.isEmpty else { return [] }
        let base = prefix.isEmpty ? "" : prefix + "/"
        let builder = ChangeLogBuilder(repository: repository, prefix: prefix)
        var selection = ChangeLogSelection(range: range, programs: folders)
        selection.paths = folders.map { base + "programs/\($0)/" + PlanFileKind.kpis.fileName }
        let commits = try builder.planCommits(selection).reversed()
        let wanted = Set(folders)
        let snapshots: [KPITrend.Snapshot] = try commits.map { commit in
            let workspace = try workspaces.side(at: commit.id).workspace
            var kpis: [String: [KPI]] = [:]
            for program in workspace.programs where wanted.contains(program.folder) { kpis[program.folder] = program.kpis }
            return KPITrend.Snapshot(commit: commit.id.hex, date: commit.committer.day, kpis: kpis)
        }
        return KPITrend.trends(snapshots)
    }

    /// The newer end of a range, whose programs are charted when none are named.
    private static func tip(of range: RevisionRange) -> String {
        switch range {
        case .ancestors(let revision): return revision
        case .between(_, let tip), .symmetricDifference(_, let tip): return tip
        case .revisions(let including, _): return including.first ?? "HEAD"
        }
    }

    /// The program folders at a revision (an unborn branch has none).
    private func programFolders(at revision: String) throws -> [String] {
        guard let commit = try? repository.commit(revision) else { return [] }
        let tree = try repository.treeSource(commit: commit.id, prefix: prefix)
        return (try tree.entries(in: "programs") ?? []).filter { $0.kind == .directory }.map(\.name)
    }
}
