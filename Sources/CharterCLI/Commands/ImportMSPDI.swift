import ArgumentParser
import CharterCore
import CharterReporters
import Foundation

struct ImportMSPDI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mspdi",
        abstract: "Read a Microsoft Project XML file (MSPDI) into a program's milestones.yaml and show what changes.",
        discussion: """
        Reads a file written by 'charter export --format mspdi', MS Project, ProjectLibre, GanttProject or MPXJ. \
        Tasks match milestones by the charter id kept in Text1, else by name; other tasks become new milestones. \
        Summary tasks stand for programs: the program's tasks are those under its summary task (or the whole file when \
        no summary task is the program). Finish-to-start links become depends_on (another program's milestone as \
        program/id); other link types, malformed XML and dependency cycles are refused. Milestones no task matches are \
        removed. The change is shown as charter diff shows it; --dry-run writes nothing. A milestones.yaml with \
        uncommitted changes is not overwritten without --force; the file is written atomically, unchanged entries \
        byte for byte. Exit status: 0 imported (or nothing to change); 1 refused (the file's problems, or local edits); \
        2 on usage or I/O errors.
        """
    )

    @Argument(help: ArgumentHelp("The MSPDI file (.xml).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The program whose milestones.yaml the file replaces.", valueName: "id"))
    var program: String

    @Flag(name: .customLong("dry-run"), help: "Show what would change and write nothing.")
    var dryRun = false

    @Flag(help: "Overwrite milestones.yaml even when it has changes that are not committed.")
    var force = false

    @Option(help: "How to show the change: text, markdown or json (as charter diff).")
    var format: DiffFormat = .text

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge the change's consequences on this day, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @Option(help: "Colour the text output: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var workspaceOption: WorkspaceOption

    func validate() throws {
        if let asOf, PlanDate(asOf) == nil { throw ValidationError("--as-of takes a date as YYYY-MM-DD, not '\(asOf)'") }
    }

    func run() throws {
        let (inputs, data) = try UsageErrors.exit2 { () throws -> (ImportInputs, Data) in
            let inputs = try ImportInputs(workspace: workspaceOption.workspace, program: program)
            do {
                return (inputs, try Data(contentsOf: URL(fileURLWithPath: FileSystem.absolute(file))))
            } catch {
                throw CLIError("cannot read \(file): \(FileError.reason(error))")
            }
        }
        let imported: MSPDIImport
        do throws(MSPDIError) {
            let document = try MSPDIReader.read(data)
            imported = try MSPDIImport.plan(document, program: program, workspace: inputs.workspace, path: file)
        } catch {
            report(error.position, .error, error.message)
            throw ExitCode(1)
        }
        for warning in imported.warnings { report(warning.position, .warning, warning.message) }
        let result = try UsageErrors.exit2 { try inputs.result(of: imported, asOf: asOf.flatMap(PlanDate.init) ?? Clock.today()) }
        let context = DiffReportContext(fromLabel: "worktree", toLabel: file,
                                        useColor: color.enabled(onTerminal: Terminal.stdoutSupportsColor),
                                        pathPrefix: inputs.location.prefix)
        Terminal.write(DiffReporters.render(result.diff, as: format, context: context))
        guard result.text != inputs.originalText, inputs.originalText != nil || !imported.milestones.isEmpty else {
            Terminal.writeError("\(inputs.milestonesPath) already says what \(file) says: nothing to write")
            return
        }
        if dryRun {
            let refusal = force ? nil : try UsageErrors.exit2 { try inputs.localEdits() }
            Terminal.writeError("dry run: \(inputs.milestonesPath) not written" + (refusal.map { " (without --force, an import would refuse: \($0))" } ?? ""))
            return
        }
        if !force, let reason = try UsageErrors.exit2({ try inputs.localEdits() }) {
            Terminal.error("\(reason); commit or stash them first, or import with --force to overwrite them")
            throw ExitCode(1)
        }
        try UsageErrors.exit2 {
            do {
                try FileSystem.writeAtomically(result.text, to: inputs.milestonesFile)
            } catch {
                throw CLIError("cannot write \(inputs.milestonesPath): \(FileError.reason(error))")
            }
        }
        Terminal.writeError("wrote \(inputs.milestonesPath)")
    }

    /// `FILE:LINE:COLUMN: severity: message`, as validate reports a plan file.
    private func report(_ position: TextPosition, _ severity: Severity, _ message: String) {
        Terminal.writeError("\(file):\(position.line):\(position.column): \(severity.rawValue): \(message)")
    }
}
