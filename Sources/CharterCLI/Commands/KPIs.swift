import ArgumentParser
import CharterCore
import CharterReporters

struct KPIs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpis",
        abstract: "Show each program's KPIs: baseline → current against target, progress, on or off track.",
        discussion: """
        Reads programs/<id>/kpis.yaml in the worktree by default (HEAD in a bare repository), or in a commit with --rev. Progress is \
        (current − baseline) / (target − baseline); a KPI is on track when its progress keeps pace with \
        the program's calendar on its as_of day (docs/kpis.md). With --history, every value of current \
        committed on the revision's history, at its as_of date. Exit status: 0, or 2 on usage or I/O errors.
        """
    )

    @Argument(help: ArgumentHelp("Only these programs (default: all).", valueName: "program"))
    var programs: [String] = []

    @Option(help: ArgumentHelp("Read the plans in this commit (any revision git accepts); with --history, its history.", valueName: "rev"))
    var rev: String?

    @Flag(help: "Also list every measurement committed on the history of HEAD (or --rev).")
    var history = false

    @Option(help: "Output format: text, markdown (for a pull request or a wiki) or json.")
    var format: KPITableFormat = .text

    @OptionGroup var workspaceOption: WorkspaceOption

    @OptionGroup var cacheOption: CacheOption

    func run() throws {
        cacheOption.apply()
        try UsageErrors.exit2 {
            let version: PlanVersion = rev.map(PlanVersion.revision) ?? .worktree
            // --history reads git even when the table comes from the worktree.
            let reader = try PlanReader(version: history ? .revision(rev ?? "HEAD") : version, workspace: workspaceOption.workspace)
            let planSource = try reader.open(version).source
            let load = WorkspaceLoader.load(from: planSource)
            let workspace = load.workspace
            try ProgramSelection.check(programs, in: workspace)
            UnreadableFiles.warn(about: load)
            var trends: [KPITrend]?
            if history {
                guard let repository = reader.location.repository else { throw CLIError("not in a git repository") }
                let collector = KPIHistoryCollector(repository: repository, prefix: reader.location.prefix)
                trends = try Git.call { try collector.trends(range: .ancestors(of: rev ?? "HEAD"), programs: programs) }
            }
            let context = KPIReportContext(source: reader.describe(version, source: planSource), historyOf: history ? rev ?? "HEAD" : nil)
            Terminal.write(format.render(KPITable(workspace: workspace, programs: programs, trends: trends), context: context))
        }
    }
}

extension KPITableFormat: ExpressibleByArgument {}
