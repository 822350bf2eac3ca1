import ArgumentParser
import CharterCore
import CharterGit
import CharterReporters
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a status report: timelines, risks, budgets, milestones at risk, KPIs and the changes since a point.",
        discussion: """
        One self-contained HTML page (inline CSS and SVG; no script, no network; prints one program per page), \
        or markdown with a Mermaid gantt chart for a README or a pull-request comment (--format markdown, \
        cut to fit GitHub's 65,536-character comment). Per program: a Gantt chart with today's line, the \
        baseline's dates as ghosts and the critical path outlined; a 5x5 risk heat map; the budget by \
        category against the total; milestones at risk (overdue, marked at-risk, slipped against the \
        baseline, past the target); KPI trends. Then the change-request records since --since (a day or a \
        revision), else since the baseline's commit, else over the last 30 days, and what changed since the \
        baseline. The baseline is the latest tag refs/tags/charter/baseline/* unless --baseline names one. \
        See docs/report.md.
        """
    )

    @Argument(help: ArgumentHelp("Only these programs (default: all).", valueName: "program"))
    var programs: [String] = []

    @Option(name: .customLong("out"), help: ArgumentHelp("Write the report to FILE (atomically) instead of standard output.", valueName: "file"))
    var outFile: String?

    @Option(help: "Output format: html (default) or markdown.")
    var format: ReportFormat = .html

    @Option(help: ArgumentHelp("Compare with this baseline (tag charter/baseline/NAME) instead of the latest one.", valueName: "name"))
    var baseline: String?

    @Option(help: ArgumentHelp("List the changes since this day (YYYY-MM-DD) or revision.", valueName: "rev|date"))
    var since: String?

    @Option(help: ArgumentHelp("Report on the plans of this commit instead of the worktree.", valueName: "rev"))
    var rev: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "The day the report is about: today's line and overdue milestones (default today; the commit's date with --rev).", valueName: "date"))
    var asOf: String?

    @Option(name: .customLong("max-changes"), help: ArgumentHelp("At most this many change requests in the change log.", valueName: "n"))
    var maxChanges: Int = 50

    @OptionGroup var workspaceOption: WorkspaceOption

    @OptionGroup var cacheOption: CacheOption

    func validate() throws {
        if let asOf, PlanDate(asOf) == nil { throw ValidationError("--as-of takes a date as YYYY-MM-DD, not '\(asOf)'") }
        if maxChanges < 0 { throw ValidationError("--max-changes takes a count of 0 or more") }
        for program in programs where !ScalarParsing.isIdentifier(program) {
            throw ValidationError("'\(program)' is not a program id")
        }
    }

    func run() throws {
        cacheOption.apply()
        try UsageErrors.exit2 {
            let request = ReportRequest(revision: rev, asOf: asOf.flatMap(PlanDate.init), baseline: baseline, since: since,
                                        programs: programs, workspace: workspaceOption.workspace, maxChanges: maxChanges)
            let report = try StatusReportAssembler(request: request).assemble()
            let text = StatusReportRenderers.render(report, as: format)
            guard let outFile else {
                Terminal.write(text)
                return
            }
            do {
                try FileSystem.writeAtomically(text, to: FileSystem.absolute(outFile))
            } catch {
                throw CLIError("cannot write \(outFile): \(FileError.reason(error))")
            }
            Terminal.writeError("wrote \(outFile): \(Plural.count(report.programs.count, "program")), "
                                + "\(Plural.count(report.changeLog.entries.count, "change request"))")
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
