import ArgumentParser
import CharterCore
import CharterReporters

struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast P50/P85/P95 dates from the plan's own history (Monte Carlo over the network).",
        discussion: """
        Fits how long milestones took to be reached after their first planned date, given how late \
        they already were (Kaplan–Meier over the history's milestones, open ones censored), then runs \
        the schedule's forward pass N times with dates drawn from it. A quantile the data cannot reach \
        is reported as "later than DATE". --backtest replays the history every --every days and scores \
        the forecasts against what happened. See docs/forecast.md. Exit status: 0 on success, 1 when a \
        dependency cycle stops the forecast, 2 on usage or I/O errors.
        """
    )

    @Argument(help: ArgumentHelp("Show only these programs (the network still includes everything they depend on).", valueName: "program"))
    var programs: [String] = []

    @Flag(help: "Forecast the plans in the git index, not the worktree.")
    var staged = false

    @Option(help: ArgumentHelp("Forecast the plans in this commit (any revision git accepts).", valueName: "rev"))
    var rev: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day forecast from (YYYY-MM-DD); history after it is not used. Default: today; the commit's date with --rev.", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("Monte Carlo iterations (1 to 1,000,000).", valueName: "n"))
    var iterations: Int = ForecastSimulation.defaultIterations

    @Option(help: ArgumentHelp("Seed of the random draws: the same seed gives byte-identical output.", valueName: "n"))
    var seed: UInt64 = 1

    @Flag(help: "Replay the history and score the forecasts it would have made.")
    var backtest = false

    @Option(help: ArgumentHelp("With --backtest: days between forecast points.", valueName: "days"))
    var every: Int = 30

    @Option(help: ArgumentHelp("With --backtest: conditional (the model) or naive (planned date plus a slip of a completed milestone).", valueName: "model"))
    var model: CompletionModel.Kind = .conditional

    @Flag(help: "Write the completion observations the model is fitted on (JSON), not the forecast.")
    var observations = false

    @Option(help: "Output format: text, markdown or json (--backtest: text or json; --observations: json).")
    var format: ForecastFormat = .text

    @OptionGroup var workspaceOption: WorkspaceOption

    @OptionGroup var cacheOption: CacheOption

    func validate() throws {
        try PlanVersion.checkOptions(staged: staged, rev: rev, asOf: asOf)
        guard (1...ForecastSimulation.maximumIterations).contains(iterations) else {
            throw ValidationError("--iterations takes a number from 1 to \(ForecastSimulation.maximumIterations), not \(iterations)")
        }
        guard (1...3650).contains(every) else { throw ValidationError("--every takes a number of days from 1 to 3650, not \(every)") }
        if backtest && format == .markdown { throw ValidationError("--backtest writes text or json") }
        if observations && format != .json { throw ValidationError("--observations writes json (--format json)") }
        if observations && backtest { throw ValidationError("--observations and --backtest cannot be combined") }
    }

    func run() throws {
        cacheOption.apply()
        let version = PlanVersion(staged: staged, rev: rev)
        let (result, context): (ForecastResult?, ForecastReportContext) = try UsageErrors.exit2 {
            let reader = try PlanReader(version: version, workspace: workspaceOption.workspace)
            let (planSource, defaultAsOf, _) = try reader.open(version)
            let load = WorkspaceLoader.load(from: planSource)
            try ProgramSelection.check(programs, in: load.workspace)
            UnreadableFiles.warn(about: load)
            let source = ForecastHistorySource.read(workspace:tip:)
            let history = try source(workspaceOption.workspace, load.workspace)
            let context = ForecastReportContext(programs: programs, source: reader.describe(version, source: planSource),
                                                commitsRead: history.commitsRead)
            if backtest {
                let report = Backtest(history.history, every: every, kind: model, first: history.first, last: history.last)
                Terminal.write(format == .json ? BacktestReporter.json(report) : BacktestReporter.text(report))
                return (nil, context)
            }
            let day = asOf.flatMap(PlanDate.init) ?? defaultAsOf
            let observations = history.history.observations(before: day.adding(days: 1))
            if self.observations {
                Terminal.write(ForecastObservationsReporter.render(observations, asOf: day))
                return (nil, context)
            }
            var simulation = history.simulation(asOf: day, kind: model)
            simulation.iterations = iterations
            simulation.seed = seed
            do {
                return (try simulation.run(load.workspace, asOf: day), context)
            } catch let cycle as DependencyCycleError {
                let at = cycle.location.map { "\($0): " } ?? ""
                Terminal.error("\(at)\(cycle); no order of work can satisfy it, so nothing was forecast (charter validate lists every cycle)")
                throw ExitCode(1)
            }
        }
        guard let result else { return }
        Terminal.write(ForecastReporters.render(result, as: format, context: context))
    }
}

extension ForecastFormat: ExpressibleByArgument {}
extension CompletionModel.Kind: ExpressibleByArgument {}
