import ArgumentParser
import CharterCore
import CharterReporters

struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Forecast every program from its milestones: critical path, slack, conflicts.",
        discussion: """
        Schedules every milestone that is not cancelled, across programs (finish-to-start dependencies, \
        same day allowed), and shows each program's forecast end against its target, the chain of \
        milestones that sets it, total and free slack per milestone, and milestones whose dependencies \
        end after they were planned to start. Reads the worktree by default (HEAD in a bare repository), the index with --staged, \
        any commit with --rev. See docs/schedule.md. Exit status: 0 when scheduled, 1 when a dependency \
        cycle stops scheduling (or, with --strict, a program shown is late or has conflicts), 2 on usage \
        or I/O errors.
        """
    )

    @Argument(help: ArgumentHelp("Show only these programs (the network still includes everything they depend on).", valueName: "program"))
    var programs: [String] = []

    @Flag(help: "Schedule the plans in the git index, not the worktree.")
    var staged = false

    @Option(help: ArgumentHelp("Schedule the plans in this commit (any revision git accepts).", valueName: "rev"))
    var rev: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Open milestones cannot finish before this day (YYYY-MM-DD). Default: today; the commit's date with --rev.", valueName: "date"))
    var asOf: String?

    @Option(help: "Output format: text, markdown (for a pull request or a wiki) or json.")
    var format: ScheduleFormat = .text

    @Flag(help: "Exit 1 when a program shown is forecast past its target or has a conflict.")
    var strict = false

    @OptionGroup var workspaceOption: WorkspaceOption

    func validate() throws {
        try PlanVersion.checkOptions(staged: staged, rev: rev, asOf: asOf)
    }

    var version: PlanVersion { PlanVersion(staged: staged, rev: rev) }

    func run() throws {
        let (analysis, source) = try UsageErrors.exit2 {
            let reader = try PlanReader(version: version, workspace: workspaceOption.workspace)
            let (planSource, defaultAsOf, _) = try reader.open(version)
            let load = WorkspaceLoader.load(from: planSource)
            try ProgramSelection.check(programs, in: load.workspace)
            UnreadableFiles.warn(about: load)
            let source = reader.describe(version, source: planSource)
            do {
                return (try Scheduler.analyze(load.workspace, asOf: asOf.flatMap(PlanDate.init) ?? defaultAsOf), source)
            } catch let cycle as DependencyCycleError {
                let at = cycle.location.map { "\($0): " } ?? ""
                Terminal.error("\(at)\(cycle); no order of work can satisfy it, so nothing was scheduled (charter validate lists every cycle)")
                throw ExitCode(1)
            }
        }
        for dangling in analysis.danglingDependencies where programs.isEmpty || programs.contains(dangling.milestone.program) {
            let hint = dangling.suggestion.map { "; did you mean '\($0)'?" } ?? ""
            let at = dangling.location.map { "\($0): " } ?? ""
            Terminal.warning("\(at)\(dangling.milestone) depends on '\(dangling.reference)', which is not a milestone; ignored\(hint)")
        }
        let context = ScheduleReportContext(programs: programs, source: source, useColor: Terminal.stdoutSupportsColor)
        Terminal.write(ScheduleReporters.render(analysis, as: format, context: context))
        if strict {
            let shown = analysis.programs.filter { programs.isEmpty || programs.contains($0.program) }
            let late = shown.contains { ($0.varianceDays ?? 0) > 0 }
            let conflicted = analysis.conflicts.contains { conflict in shown.contains { $0.program == conflict.milestone.program } }
            if late || conflicted { throw ExitCode(1) }
        }
    }
}

extension ScheduleFormat: ExpressibleByArgument {}
