import ArgumentParser
import CharterCore
import CharterReporters

struct Slips: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slips",
        abstract: "Rank milestones by how often and how far they slipped, and open risks by age.",
        discussion: """
        Reads the change log's walk of RANGE (default HEAD; A..B, A...B and REV^! work as for \
        'charter changes'): a slip is a commit that moved a milestone's date later, a pull-in one that \
        moved it earlier. Milestones are ranked by number of slips, then days slipped: chronic slips \
        first. Risks open at the range's tip are listed oldest first, with the day the commit that \
        added or re-opened them was made, how often probability or impact changed since, and the \
        score then and now; risks closed within the range follow, with how long they were open.
        """
    )

    @Argument(help: ArgumentHelp("Revision or range (default: HEAD).", valueName: "range"))
    var range: String?

    @Option(name: .customLong("program"), help: ArgumentHelp("Only this program (repeatable).", valueName: "id"))
    var programs: [String] = []

    @Option(help: ArgumentHelp("Only commits made on or after this day (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("At most this many rows in each table.", valueName: "n"))
    var top: Int?

    @Option(help: "Output format: text, json or markdown.")
    var format: HistoryFormat = .text

    @OptionGroup var workspaceOption: WorkspaceOption

    @OptionGroup var cacheOption: CacheOption

    func validate() throws {
        if let since, PlanDate(since) == nil { throw ValidationError("--since takes a date as YYYY-MM-DD, not '\(since)'") }
        if let top, top < 1 { throw ValidationError("--top takes a positive number, not \(top)") }
        for program in programs where !ScalarParsing.isIdentifier(program) {
            throw ValidationError("'\(program)' is not a program id")
        }
    }

    func run() throws {
        cacheOption.apply()
        try UsageErrors.exit2 {
            let reader = try PlanHistoryReader(range: range, workspace: workspaceOption.workspace)
            let tip = try reader.tip()
            try reader.checkPrograms(programs, tip: tip.workspace)
            let result = try reader.read(programs: programs, since: since.flatMap(PlanDate.init), useColor: Terminal.stdoutSupportsColor)
            var ranking = SlipRanking(result.history, programs: Set(programs))
            var risks = RiskAges(result.history, tip: tip.workspace, asOf: tip.day, programs: Set(programs))
            if let top {
                ranking.entries = Array(ranking.entries.prefix(top))
                risks.open = Array(risks.open.prefix(top))
                risks.closed = Array(risks.closed.prefix(top))
            }
            var context = result.context
            context.last = tip.day
            Terminal.write(SlipReportReporter.render(ranking, risks, as: format, context: context))
            if context.reachedShallowBoundary && format != .text {
                Terminal.warning("the clone is shallow: history stops at its boundary (git fetch --unshallow for all of it)")
            }
        }
    }
}
