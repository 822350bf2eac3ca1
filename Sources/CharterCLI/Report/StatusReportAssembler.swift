import CharterCore
import CharterGit
import CharterReporters
import Foundation

/// What `charter report` was asked for.
struct ReportRequest {
    /// `nil`: the worktree.
    var revision: String?
    var asOf: PlanDate?
    var baseline: String?
    /// A day (YYYY-MM-DD) or a revision.
    var since: String?
    var programs: [String] = []
    var workspace: String?
    var maxChanges = 50
    /// Without `--since` and without a baseline, the change log covers this many days before as-of.
    static let defaultDays = 30
}

/// Reads what the status report shows (the plans, the baseline, the change log since a point)
/// and puts it into a `StatusReport`. All git reading happens here; the renderers get values.
struct StatusReportAssembler {
    let request: ReportRequest

    func assemble() throws -> StatusReport {
        let location = try locate()
        let reader = PlanReader(location: location)
        let version: PlanVersion = request.revision.map { .revision($0) } ?? .worktree
        let opened = try reader.open(version)
        let current = WorkspaceLoader.load(from: opened.source)
        let asOf = request.asOf ?? opened.defaultAsOf
        try ProgramSelection.check(request.programs, in: current.workspace)

        let repository = location.repository
        let tip = try repository.flatMap { repository in try tipCommit(repository) }
        let baseline = try chooseBaseline(in: repository)
        let baselineSide = try baseline.map { chosen in try Baselines(repository: repository!).plans(chosen, prefix: location.prefix) }
        let selected = current.workspace.programs.filter { request.programs.isEmpty || request.programs.contains($0.folder) }
        let trends = try kpiTrends(of: selected, repository: repository, prefix: location.prefix, tip: tip)

        // One comparison with the baseline: its variance dates the ghost bars and slips, its diff is the summary.
        let comparison = baselineSide.map { side in (side: side, result: PlanVariance.compare(side, DiffSide(current), asOf: asOf)) }
        let builder = ProgramStatusBuilder(workspace: current.workspace, asOf: asOf,
                                           baseline: comparison.map { ($0.side.workspace, $0.result.variance) }, kpiTrends: trends)
        let sourceLabel = request.revision.map { revision in "\(revision) (\(tip.map { String($0.id.hex.prefix(8)) } ?? "?"))" } ?? "worktree"
        var report = StatusReport(title: title(location), generatedAt: Self.timestamp(), asOf: asOf, source: sourceLabel,
                                  programs: selected.map(builder.build))
        report.scheduleNote = builder.scheduleNote
        if repository != nil, let forecast = ReportForecast.run(current.workspace, asOf: asOf, explicitWorkspace: request.workspace) {
            report.attach(forecast)
        }
        if let baseline, let comparison {
            report.baseline = StatusReport.Baseline(name: baseline.name, commit: baseline.commit, date: baseline.date.day)
            let diff = request.programs.isEmpty ? comparison.result.diff : comparison.result.diff.only(Set(request.programs))
            report.diffSummary = StatusReport.DiffSummarySection(
                diff, from: "baseline \(baseline.name) (\(baseline.commit.prefix(8)))", to: sourceLabel)
        }
        report.changeLog = try changeLog(repository: repository, prefix: location.prefix, tip: tip, baseline: baseline, asOf: asOf)
        return report
    }

    /// The workspace in a repository when there is one; a plain folder is fine for the worktree.
    private func locate() throws -> WorkspaceLocation {
        if request.revision != nil { return try WorkspaceLocator.locate(explicit: request.workspace, needsRepository: true) }
        if let inRepository = try? WorkspaceLocator.locate(explicit: request.workspace, needsRepository: true) { return inRepository }
        return try WorkspaceLocator.locate(explicit: request.workspace, needsRepository: false)
    }

    /// `--baseline NAME`, else the newest baseline (as `charter variance` and `charter baseline list`
    /// choose it); `nil` when there is none, or no repository to keep one in.
    private func chooseBaseline(in repository: Repository?) throws -> Baseline? {
        guard let repository else {
            if let name = request.baseline { throw CLIError("--baseline \(name) needs a git repository") }
            return nil
        }
        let baselines = Baselines(repository: repository)
        return try request.baseline.map(baselines.named) ?? baselines.latest()
    }

    /// Every committed measurement of the KPIs the selected programs have now, on the history of
    /// the report's commit; only the commits that touched their kpis.yaml are read.
    private func kpiTrends(of programs: [Program], repository: Repository?, prefix: String,
                           tip: CommitInfo?) throws -> [KPITrend] {
        let measured = programs.filter { !$0.kpis.isEmpty }.map(\.folder)
        guard let repository, let tip, !measured.isEmpty else { return [] }
        let collector = KPIHistoryCollector(repository: repository, prefix: prefix)
        return try Git.call { try collector.trends(range: .ancestors(of: tip.id.hex), programs: measured) }
    }

    /// The commit the report's history ends at: `--rev`, else HEAD; `nil` on an unborn branch.
    private func tipCommit(_ repository: Repository) throws -> CommitInfo? {
        if let revision = request.revision { return try Git.call { try repository.commit(revision) } }
        guard let head = try Git.call({ try repository.headCommitID() }) else { return nil }
        return try Git.call { try repository.commit(head.hex) }
    }

    /// Change requests since `--since` (a day or a revision), else since the baseline's commit,
    /// else over the last 30 days; newest first, at most `maxChanges`.
    private func changeLog(repository: Repository?, prefix: String, tip: CommitInfo?, baseline: Baseline?,
                           asOf: PlanDate) throws -> StatusReport.ChangeLogSection {
        var selection = ChangeLogSelection(programs: request.programs)
        let description: String
        if let since = request.since, let day = PlanDate(since) {
            selection.since = day
            description = "since \(day)"
        } else if let since = request.since {
            guard let repository else { throw CLIError("--since \(since) needs a git repository") }
            let commit = try Git.call { try repository.commit(since) }
            selection.range = .revisions(including: [tip?.id.hex ?? "HEAD"], excluding: [commit.id.hex])
            description = "since \(since) (\(commit.id.hex.prefix(8)))"
        } else if let baseline {
            selection.range = .revisions(including: [tip?.id.hex ?? "HEAD"], excluding: [baseline.commit])
            description = "since baseline \(baseline.name) (\(baseline.commit.prefix(8)))"
        } else {
            let day = asOf.adding(days: -ReportRequest.defaultDays)
            selection.since = day
            description = "in the last \(ReportRequest.defaultDays) days (since \(day))"
        }
        guard let repository, let tip else { return StatusReport.ChangeLogSection(since: description, entries: []) }
        if selection.since != nil { selection.range = .revisions(including: [tip.id.hex], excluding: []) }
        let builder = ChangeLogBuilder(repository: repository, prefix: prefix)
        let total = try Git.call { try builder.planCommits(selection) }.count
        selection.maxCount = request.maxChanges
        let records = try Git.call { try builder.records(selection) }.records
        return StatusReport.ChangeLogSection(since: description, entries: records.map(StatusReport.ChangeEntry.init),
                                             omitted: max(0, total - records.count))
    }

    private func title(_ location: WorkspaceLocation) -> String {
        let folder = location.root ?? location.repository?.workdir ?? location.repository?.gitDir ?? "workspace"
        let name = folder.split(separator: "/").last.map(String.init) ?? "workspace"
        return name.hasSuffix(".git") ? String(name.dropLast(4)) : name
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
