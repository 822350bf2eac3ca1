import ArgumentParser
import CharterCore
import CharterGit
import CharterReporters

struct Variance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "variance",
        abstract: "Compare the plans with a baseline: date variance per milestone, budget variance, scope added and removed.",
        discussion: """
        Compares the plans at a baseline (default: the newest, by tag date) with the current plans: the \
        worktree by default, --rev any commit, HEAD in a bare repository. Per program: the target's \
        variance in days, the budget total and each category (amount and percent), milestones added, \
        removed, cancelled or moved between programs, scope items and risks added or closed; per \
        milestone: baseline date → current date and the variance in days (positive = later). \
        Make baselines with 'charter baseline create NAME'. Exit status: 0; with --max-slip DAYS, 1 when a \
        milestone is more than DAYS later than its baseline date; 2 on usage or I/O errors (no baselines, \
        an unknown name). See docs/baselines.md.
        """
    )

    @Argument(help: ArgumentHelp("Only these programs (folder names; all by default).", valueName: "program"))
    var programs: [String] = []

    @Option(help: ArgumentHelp("The baseline to compare with (default: the newest).", valueName: "name"))
    var baseline: String?

    @Option(name: .customLong("rev"), help: ArgumentHelp("Compare this commit instead of the worktree.", valueName: "rev"))
    var revision: String?

    @Option(help: "Output format: text, markdown (for a pull request or a wiki) or json.")
    var format: VarianceFormat = .text

    @Option(name: .customLong("max-slip"), help: ArgumentHelp(
        "Exit 1 when a milestone is more than this many days later than at the baseline (for CI).", valueName: "days"))
    var maxSlip: Int?

    @Option(help: "Colour the text output: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var workspaceOption: WorkspaceOption

    @OptionGroup var cacheOption: CacheOption

    func validate() throws {
        if let maxSlip, maxSlip < 0 { throw ValidationError("--max-slip takes a number of days, 0 or more") }
    }

    func run() throws {
        cacheOption.apply()
        let (variance, context) = try UsageErrors.exit2 {
            let reader = try PlanReader(version: .revision(revision ?? "HEAD"), workspace: workspaceOption.workspace)
            guard let repository = reader.location.repository else { throw CLIError("not in a git repository") }
            let baselines = Baselines(repository: repository)
            let chosen = try baselines.chosen(baseline)
            let before = try baselines.plans(chosen, prefix: reader.location.prefix)

            let version = reader.resolved(revision.map(PlanVersion.revision) ?? .worktree)
            let after = WorkspaceLoader.load(from: try reader.open(version).source)
            UnreadableFiles.warn(about: before.unreadable, side: "at baseline \(chosen.name)")
            UnreadableFiles.warn(about: after, side: "now")

            var variance = PlanVariance(baseline: before.workspace, current: after.workspace)
            if !programs.isEmpty { variance = try only(programs, of: variance) }
            let label: String
            var commit: String?
            switch version {
            case .revision(let rev):
                label = rev
                commit = try Git.call { try repository.commit(rev) }.id.hex
            default:
                label = "worktree"
            }
            let context = VarianceReportContext(baseline: chosen, currentLabel: label, currentCommit: commit,
                                                useColor: format == .text && color.enabled(onTerminal: Terminal.stdoutSupportsColor))
            return (variance, context)
        }
        Terminal.write(VarianceReporters.render(variance, as: format, context: context))
        if let maxSlip, let slip = variance.summary.maxSlipDays, slip > maxSlip {
            Terminal.writeError("charter: a milestone is \(slip) days later than at baseline \(context.baseline.name) (--max-slip \(maxSlip))")
            throw ExitCode(1)
        }
    }

    /// The named programs, by current folder or the folder they had at the baseline.
    private func only(_ names: [String], of variance: PlanVariance) throws -> PlanVariance {
        let known = Set(variance.programs.map(\.program) + variance.programs.compactMap(\.renamedFrom))
        try ProgramSelection.check(names, among: known)
        return variance.only(Set(names))
    }
}

extension VarianceFormat: ExpressibleByArgument {}
