import ArgumentParser
import CharterCore
import CharterGit
import Foundation

struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show, build or clear charter's history index.",
        discussion: """
        The history commands (changes, check, slips, history, report) keep the change-request facts of \
        each plan commit in an index in the repository's common git directory \
        ($(git rev-parse --git-common-dir)/charter/), shared by linked worktrees and never in a worktree. \
        It is a cache: output is the same with it and without it (--no-cache or CHARTER_NO_CACHE=1), \
        approvals recorded as notes are read afresh every time, and a damaged index is rebuilt. Beside it, \
        commits.idx (each commit's parents and what it changed in the plans, for changes --ids and \
        kpis --history), kpis.idx (each kpis.yaml version's measurements) and baselines.idx (the plans \
        of each baseline's tree, for variance and report); clear deletes them all.
        """,
        subcommands: [CacheStatus.self, CacheBuild.self, CacheClear.self]
    )
}

/// The index a cache subcommand works on, for the workspace given with -C (or found).
private func openIndex(_ option: WorkspaceOption) throws -> (index: ChangeRecordIndex, repository: Repository, prefix: String) {
    let reader = try PlanReader(version: .revision("HEAD"), workspace: option.workspace)
    guard let repository = reader.location.repository else { throw CLIError("not in a git repository") }
    return (ChangeRecordIndex(repository: repository), repository, reader.location.prefix)
}

struct CacheStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Where the index is, its size, and how many commits it covers.")

    @OptionGroup var workspaceOption: WorkspaceOption

    func run() throws {
        try UsageErrors.exit2 {
            let (index, repository, _) = try openIndex(workspaceOption)
            var lines: [String]
            if index.file.exists {
                lines = ["\(index.file.path)", "  size: \(index.file.size) bytes", "  commits covered: \(index.count)"]
                if let problem = index.problem { lines.append("  not used: it \(problem); the next history command rebuilds it") }
            } else {
                lines = ["\(index.file.path): no index yet (any history command, or 'charter cache build', makes it)"]
            }
            // The commit table and the KPI readings, when a command made them.
            let table = CommitTable(repository: repository, cached: true)
            if let file = table.file, file.exists {
                lines.append("\(file.path) (commit table): \(file.size) bytes, \(table.count) commits"
                             + (table.problem.map { "; not used: it \($0)" } ?? ""))
            }
            let readings = CacheFile(repository: repository, name: KPIReadingIndex.fileName, version: "")
            if readings.exists { lines.append("\(readings.path) (KPI readings): \(readings.size) bytes") }
            let baselinePlans = BaselinePlanCache.inspect(repository)
            if baselinePlans.file.exists {
                lines.append("\(baselinePlans.file.path) (baseline plans): \(baselinePlans.file.size) bytes, "
                             + "\(baselinePlans.count) tree\(baselinePlans.count == 1 ? "" : "s")"
                             + (baselinePlans.notUsedBecause.map { "; not used: it \($0)" } ?? ""))
            }
            Terminal.write(lines.joined(separator: "\n"))
        }
    }
}

struct CacheBuild: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Index every plan commit of RANGE (default HEAD), merged branches included.")

    @Argument(help: ArgumentHelp("Revision or range (default: HEAD).", valueName: "range"))
    var range: String?

    @OptionGroup var workspaceOption: WorkspaceOption

    func run() throws {
        try UsageErrors.exit2 {
            let (_, repository, prefix) = try openIndex(workspaceOption)
            guard let index = ChangeRecordIndex.shared(for: repository) else {
                throw CLIError("the history index is turned off (CHARTER_NO_CACHE is set)")
            }
            let builder = ChangeLogBuilder(repository: repository, prefix: prefix)
            let selection = ChangeLogSelection(range: try RangeArgument.parse(range ?? "HEAD", in: repository), allCommits: true)
            let records = try Git.call { try builder.records(selection) }.records
            Terminal.write("\(index.file.path): \(records.count) plan commit\(records.count == 1 ? "" : "s") of \(range ?? "HEAD") indexed, \(index.count) in all")
        }
    }
}

struct CacheClear: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clear", abstract: "Delete the index (the next history command builds it again).")

    @OptionGroup var workspaceOption: WorkspaceOption

    func run() throws {
        try UsageErrors.exit2 {
            let (index, repository, _) = try openIndex(workspaceOption)
            let existed = index.file.exists
            let others = [CommitTable.fileName, KPIReadingIndex.fileName, BaselinePlanCache.fileName].map { CacheFile(repository: repository, name: $0, version: "") }
            do {
                try index.clear()
                for file in others { try file.remove() }
            } catch {
                throw CLIError("cannot delete \(index.file.path): \(error.localizedDescription)")
            }
            Terminal.write(existed ? "\(index.file.path) deleted" : "\(index.file.path): no index to delete")
        }
    }
}
