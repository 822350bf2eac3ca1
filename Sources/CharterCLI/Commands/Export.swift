import ArgumentParser
import CharterCore
import CharterReporters

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export milestones with their dates and owners for calendars (ics) and spreadsheets (csv).",
        discussion: """
        Reads the worktree by default (HEAD in a bare repository), or a commit with --rev. ics: an iCalendar file (RFC 5545) with one \
        all-day event per dated milestone, stable UIDs (<program>/<id>@charter) so a re-import updates \
        events, and the owner as organizer when people.yaml has their email. csv: one row per milestone \
        (RFC 4180). Exit status: 0, or 2 on usage or I/O errors.
        """
    )

    @Option(help: "Output format: ics or csv.")
    var format: ExportFormat

    @Argument(help: ArgumentHelp("Only these programs (default: all).", valueName: "program"))
    var programs: [String] = []

    @Option(help: ArgumentHelp("Export the plans in this commit (any revision git accepts).", valueName: "rev"))
    var rev: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the calendar is stamped with (DTSTAMP), YYYY-MM-DD. Default: today; the commit's date with --rev.", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var workspaceOption: WorkspaceOption

    func validate() throws {
        if let asOf, PlanDate(asOf) == nil { throw ValidationError("--as-of takes a date as YYYY-MM-DD, not '\(asOf)'") }
    }

    func run() throws {
        try UsageErrors.exit2 {
            let version: PlanVersion = rev.map(PlanVersion.revision) ?? .worktree
            let reader = try PlanReader(version: version, workspace: workspaceOption.workspace)
            let (source, defaultAsOf, _) = try reader.open(version)
            let load = WorkspaceLoader.load(from: source)
            let workspace = load.workspace
            try ProgramSelection.check(programs, in: workspace)
            UnreadableFiles.warn(about: load)
            let export = MilestoneExport(workspace: workspace, programs: programs, asOf: asOf.flatMap(PlanDate.init) ?? defaultAsOf)
            let text = format.render(export, toolVersion: Charter.version)
            if let out {
                do {
                    try FileSystem.writeAtomically(text, to: FileSystem.absolute(out))
                } catch {
                    throw CLIError("cannot write \(out): \(error)")
                }
            } else {
                Terminal.write(text)
            }
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
