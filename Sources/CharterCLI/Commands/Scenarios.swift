import ArgumentParser
import CharterCore
import CharterGit
import CharterReporters

struct Scenarios: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "Check open plan changes together: each branch merged into the target, every pair that touches a common program, and a merge queue.",
        discussion: """
        Every merge is made in memory (nothing is written to the repository). Each branch is merged alone \
        into the target: does it merge, does the result validate, what it changes and what it does to each \
        program's forecast end. Every pair of branches that touch a common program (or person) is merged \
        together, and what appears only in the pair is reported with both names: text-conflict, duplicate-id, \
        dangling-reference, cycle, over-allocation, budget-over-total, conflicting-edits, or the id of any other \
        rule. With --queue the branches are merged one after another in the order given, as a merge queue would. \
        Branches with no plan change since their merge base with the target are skipped. See docs/scenarios.md. \
        Exit status: 0 when nothing is found, 1 on a conflict, a branch that does not merge or validate, or a \
        queue that breaks, 2 on usage or I/O errors.
        """
    )

    @Argument(help: ArgumentHelp("Branches to check (any revision git accepts), besides those --refs matches.", valueName: "rev"))
    var revisions: [String] = []

    @Option(help: ArgumentHelp("What the branches would be merged into.", valueName: "rev"))
    var target = "HEAD"

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Branches by reference glob, e.g. 'refs/remotes/origin/*' or 'refs/pull/*/head'.", valueName: "pattern"))
    var refs: [String] = []

    @Flag(help: "Also merge the branches cumulatively, in the order given, and report the first that breaks the result.")
    var queue = false

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to judge dates against (YYYY-MM-DD). Default: today.", valueName: "date"))
    var asOf: String?

    @Option(help: "Output format: text, markdown (one pull-request comment) or json.")
    var format: ScenarioFormat = .text

    @OptionGroup var workspaceOption: WorkspaceOption

    func validate() throws {
        if revisions.isEmpty && refs.isEmpty {
            throw ValidationError("name the branches to check: revisions, or --refs PATTERN (e.g. --refs 'refs/remotes/origin/*')")
        }
        if let asOf, PlanDate(asOf) == nil { throw ValidationError("--as-of takes a date YYYY-MM-DD, not '\(asOf)'") }
    }

    func run() throws {
        let report = try UsageErrors.exit2 {
            let reader = try PlanReader(version: .revision("HEAD"), workspace: workspaceOption.workspace)
            guard let repository = reader.location.repository else { throw CLIError("not in a git repository") }
            return try Git.call {
                let targetCommit = try repository.commit(target).id
                let branches = try ScenarioBranches.resolve(revisions: revisions, patterns: refs, in: repository)
                let runner = ScenarioRunner(merger: try InMemoryMerger(repository: repository), prefix: reader.location.prefix,
                                            asOf: asOf.flatMap(PlanDate.init) ?? Clock.today())
                return try runner.run(target: ScenarioBranch(ref: target, commit: targetCommit), branches: branches, queue: queue)
            }
        }
        Terminal.write(ScenarioReporters.render(report, as: format))
        if report.hasFindings { throw ExitCode(1) }
    }
}

extension ScenarioFormat: ExpressibleByArgument {}
