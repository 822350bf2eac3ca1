import ArgumentParser
import CharterCore
import CharterReporters

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the plans for calendars (ics), spreadsheets (csv), MS Project (mspdi), TaskJuggler (tjp) and portfolio queries (jsonl).",
        discussion: """
        Reads the worktree by default (HEAD in a bare repository), or a commit with --rev. ics: an iCalendar file (RFC 5545) with one \
        all-day event per dated milestone, stable UIDs (<program>/<id>@charter) so a re-import updates \
        events, and the owner as organizer when people.yaml has their email. csv: one row per milestone \
        (RFC 4180). tjp: a TaskJuggler 3 project of the whole milestone network that tj3 schedules to \
        the dates of 'charter schedule'. mspdi: Microsoft Project XML (a summary task per program, milestones \
        as tasks with finish-to-start links, owners as resources; charter ids kept in Text1). jsonl: one JSON object per line per program, milestone, risk, budget line, \
        decision, KPI, change request and slip, stamped with the repository, commit and program, to concatenate \
        across repositories ('charter schema jsonl' prints their schema; docs/portfolio.md). \
        Exit status: 0; 1 when dependencies form a cycle (tjp); 2 on usage or I/O errors.
        """
    )

    @Option(help: "Output format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ExportFormat

    @Argument(help: ArgumentHelp("Only these programs (default: all).", valueName: "program"))
    var programs: [String] = []

    @Option(help: ArgumentHelp("Export the plans in this commit (any revision git accepts).", valueName: "rev"))
    var rev: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the plans are read as of (calendar stamp, forecasts), YYYY-MM-DD. Default: today; the commit's date with --rev.", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("jsonl: the repository name every line carries (default: remote.origin.url without credentials, else the folder's name).", valueName: "name"))
    var repository: String?

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var workspaceOption: WorkspaceOption

    func validate() throws {
        if let asOf, PlanDate(asOf) == nil { throw ValidationError("--as-of takes a date as YYYY-MM-DD, not '\(asOf)'") }
        if format.isWholeNetwork, !programs.isEmpty {
            throw ValidationError("--format \(format.rawValue) exports the whole network (dependencies cross programs); give no program")
        }
        if repository != nil, format != .jsonl { throw ValidationError("--repository applies to --format jsonl only") }
    }

    func run() throws {
        try UsageErrors.exit2 {
            let version: PlanVersion = rev.map(PlanVersion.revision) ?? .worktree
            let reader = format == .jsonl
                ? PlanReader(location: try WorkspaceLocator.locate(explicit: workspaceOption.workspace, needsRepository: true))
                : try PlanReader(version: version, workspace: workspaceOption.workspace)
            let (source, defaultAsOf, _) = try reader.open(version)
            let load = WorkspaceLoader.load(from: source)
            let workspace = load.workspace
            try ProgramSelection.check(programs, in: workspace)
            UnreadableFiles.warn(about: load)
            let text = try render(workspace, asOf: asOf.flatMap(PlanDate.init) ?? defaultAsOf, location: reader.location)
            if let out {
                do {
                    try FileSystem.writeAtomically(text, to: FileSystem.absolute(out))
                } catch {
                    throw CLIError("cannot write \(out): \(FileError.reason(error))")
                }
            } else {
                Terminal.write(text)
            }
        }
    }

    private func render(_ workspace: Workspace, asOf day: PlanDate, location: WorkspaceLocation) throws -> String {
        switch format {
        case .ics:
            return ICSExporter.render(MilestoneExport(workspace: workspace, programs: programs, asOf: day), toolVersion: Charter.version)
        case .csv:
            return MilestoneCSVExporter.render(MilestoneExport(workspace: workspace, programs: programs, asOf: day))
        case .mspdi:
            return MSPDIExporter.render(workspace, programs: programs, toolVersion: Charter.version)
        case .tjp:
            do {
                let schedule = try Scheduler.analyze(workspace, asOf: day)
                return TaskJugglerExporter.render(workspace, schedule: schedule, toolVersion: Charter.version)
            } catch {
                // Typed: the only error `analyze` throws is the cycle.
                let at = error.location.map { "\($0): " } ?? ""
                Terminal.error("\(at)\(error); no order of work can satisfy it, so there is no project to export")
                throw ExitCode(1)
            }
        case .jsonl:
            let inputs = try PortfolioInputs(location: location, name: repository, rev: rev)
            // A cycle leaves the forecasts null; the plans themselves are still exported.
            let schedule = try? Scheduler.analyze(workspace, asOf: day)
            let records = PortfolioRecords(
                workspace: workspace, schedule: schedule, changeRequests: inputs.changeRequests, programs: programs,
                stamp: PortfolioRecords.Stamp(repository: inputs.repositoryName, commit: inputs.commit, asOf: day))
            return PortfolioJSONLExporter.render(records)
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
