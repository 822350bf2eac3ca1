import CharterCore
import CharterGit

/// Every committed measurement of every KPI: walks the plan commits that changed a program's
/// `kpis.yaml` on a revision's history (first parent: a merged branch counts at its merge) and
/// hands the KPIs at each to `KPITrend`. The report and `charter kpis --history` call it.
final class KPIHistoryCollector {
    private let repository: Repository
    private let prefix: String
    /// What a trend reads of each kpis.yaml blob seen so far.
    private var parsed: [String: [KPITrend.Reading]] = [:]
    /// The same, kept between runs (`nil` when the cache is off).
    private lazy var index: KPIReadingIndex? = KPIReadingIndex.open(repository)

    init(repository: Repository, prefix: String) {
        self.repository = repository
        self.prefix = prefix
    }

    /// The trends of `programs` (every program at the range's tip when empty) over `range`.
    func trends(range: RevisionRange = .head, programs: [String] = []) throws -> [KPITrend] {
        let folders = try programs.isEmpty ? programFolders(at: RangeArgument.tip(of: range.description)) : programs
        guard !folders.isEmpty else { return [] }
        let base = prefix.isEmpty ? "" : prefix + "/"
        let builder = ChangeLogBuilder(repository: repository, prefix: prefix)
        var selection = ChangeLogSelection(range: range, programs: folders)
        selection.paths = folders.map { base + "programs/\($0)/" + PlanFileKind.kpis.fileName }
        // From the commit table when it can answer: then only the plan commits are read.
        let commits: [CommitInfo] = try builder.planCommitIDsFromTable(selection)?.reversed().map { try repository.commit($0.hex) }
            ?? builder.planCommits(selection).reversed()
        let snapshots: [KPITrend.Snapshot] = try commits.map { commit in
            KPITrend.Snapshot(commit: commit.id.hex, date: commit.committer.day, readings: try readings(of: folders, at: commit.id))
        }
        index?.save()
        return KPITrend.trends(snapshots)
    }

    /// The KPIs of each program folder at a commit, reading only their kpis.yaml, and each
    /// version of a file once (by blob id, from the index when it has it): most commits change
    /// one program's measurements.
    private func readings(of folders: [String], at commit: ObjectID) throws -> [String: [KPITrend.Reading]] {
        let tree = try repository.treeSource(commit: commit, prefix: prefix)
        var blobs: [String: String] = [:]
        for folder in folders {
            if let blob = try tree.objectID(of: "programs/\(folder)/" + PlanFileKind.kpis.fileName) { blobs[folder] = blob.hex }
        }
        for (_, blob) in blobs where parsed[blob] == nil {
            parsed[blob] = index?.readings(blob: blob)
        }
        let unread = Set(blobs.filter { parsed[$0.value] == nil }.keys)
        if !unread.isEmpty {
            for program in WorkspaceLoader.load(from: KPIFilesSource(base: tree, programs: unread)).workspace.programs {
                guard let blob = blobs[program.folder], parsed[blob] == nil else { continue }
                let readings = program.kpis.map(KPITrend.Reading.init)
                parsed[blob] = readings
                index?.store(readings, blob: blob)
            }
            try tree.throwIfDamaged()
        }
        return blobs.compactMapValues { parsed[$0] }
    }

    /// The program folders at a revision (an unborn branch has none).
    private func programFolders(at revision: String) throws -> [String] {
        guard let commit = try? repository.commit(revision) else { return [] }
        let tree = try repository.treeSource(commit: commit.id, prefix: prefix)
        return (try tree.entries(in: "programs") ?? []).filter { $0.kind == .directory }.map(\.name)
    }
}
