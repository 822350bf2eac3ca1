import ArgumentParser
import CharterCore
import CharterGit
import CharterReporters

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of the plans by meaning: slips, budget, risks, and what they push.",
        discussion: """
        Entities are matched by id, so reordering, reformatting, comments and quoting are no change. \
        With no revision, compares HEAD with the worktree (with --staged, with the index). \
        'charter diff REV' compares REV with the worktree; 'A..B' and 'A B' compare two revisions; \
        'A...B' compares B with its merge base with A, as a pull request shows it; 'REV^!' shows what REV changed \
        (everything it adds, for a root commit). The revision forms work in bare repositories. \
        The last line of the text output is the summary line, a stable contract described in docs/diff.md. \
        Consequences are judged as charter schedule judges the newer side, --as-of the same day. \
        Exit status: 0; with --exit-code, 1 when the plans differ; 2 on usage or I/O errors.
        """
    )

    @Argument(help: ArgumentHelp("Nothing, REV, A..B, A...B, REV^! or two revisions A B (any form git accepts for a commit).",
                                 valueName: "revision"))
    var revisions: [String] = []

    @Flag(name: [.customLong("staged"), .customLong("cached")],
          help: "Compare with the git index (what the next commit will hold) instead of the worktree.")
    var staged = false

    @Option(help: "Output format: text, markdown (for a pull-request comment) or json.")
    var format: DiffFormat = .text

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Judge consequences as charter schedule does on this day (YYYY-MM-DD): open milestones cannot finish before it. Default: today; the newer commit's date when both sides are commits.",
        valueName: "date"))
    var asOf: String?

    @Flag(name: .customLong("exit-code"),
          help: "Exit 1 when the plans differ and 0 when they do not (2 stays for errors), like git diff --exit-code.")
    var exitCode = false

    @Option(help: "Colour the text output: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @Flag(name: .customLong("git-external-diff"), help: ArgumentHelp(
        "Act as git's external diff driver: take the arguments git passes (path old-file old-hex old-mode new-file new-hex new-mode [new-path info]) and show that file's semantic diff. See docs/diff.md for the .gitattributes recipe."))
    var gitExternalDiff = false

    @Flag(help: "In the markdown's Notify line, write GitHub logins as @mentions (they ping); plain by default.")
    var mentions = false

    @Flag(name: .customLong("no-incremental"), help: .hidden)
    var readEverything = false

    @Flag(name: .customLong("forecast"),
          help: "Also say how the change moved each program's forecast P85 (charter forecast on both sides, from the repository's history: slower).")
    var forecastShift = false

    @OptionGroup var workspaceOption: WorkspaceOption

    func validate() throws {
        if gitExternalDiff && staged { throw ValidationError("--git-external-diff takes its versions from git's arguments; leave out --staged") }
        if forecastShift && format == .json { throw ValidationError("--forecast writes text or markdown") }
        if forecastShift && gitExternalDiff { throw ValidationError("--forecast is not for git's external diff driver") }
        if let asOf, PlanDate(asOf) == nil { throw ValidationError("--as-of takes a date as YYYY-MM-DD, not '\(asOf)'") }
    }

    func run() throws {
        let useColor = color.enabled(onTerminal: Terminal.stdoutSupportsColor)
        if gitExternalDiff {
            try runAsDriver(useColor: useColor)
            return
        }
        let (diff, context, shifts) = try UsageErrors.exit2 {
            let request = try DiffRequest.parse(revisions, staged: staged)
            let location = try WorkspaceLocator.locate(explicit: workspaceOption.workspace, needsRepository: true)
            let (from, to) = try request.endpoints(location)
            let loader = DiffLoader(old: from, new: to)
            // As charter schedule defaults it: a commit is judged by its own date, the worktree and index by today.
            let day = try asOf.flatMap(PlanDate.init)
                ?? to.commit.map { commit in try Git.call { try location.repository!.commit(commit.hex) }.committer.day }
                ?? Clock.today()
            // The forecast runs on the whole network: every program on both sides.
            let sides = readEverything || forecastShift ? loader.everything() : try loader.load(asOf: day)
            // A missing object is a damaged repository, not an unreadable plan (as in changes and slips).
            try from.throwIfDamaged()
            try to.throwIfDamaged()
            let shifts = forecastShift ? try DiffForecast.shifts(sides, asOf: day, workspace: workspaceOption.workspace) : nil
            var context = DiffReportContext(
                fromLabel: from.label, toLabel: to.label, fromCommit: from.commit?.hex, toCommit: to.commit?.hex,
                useColor: useColor, pathPrefix: location.prefix, command: reproduction)
            var diff = SemanticDiff.compare(sides.from, sides.to, asOf: day)
            diff.lessons = LessonRecall.recall(diff.changes, from: LessonRegister.load(from: to.source))
            if format == .markdown, diff.hasChanges {
                // Who to tell needs whole plans (owners of dependents in unchanged programs, the
                // people and policy), which the narrowed sides leave out.
                let whole = readEverything || forecastShift ? sides : loader.everything()
                context.notify = NotifyList(changes: diff.changes, old: whole.from.workspace, new: whole.to.workspace, day: day)
                context.mentions = mentions
            }
            return (diff, context, shifts)
        }
        Terminal.write(DiffReporters.render(diff, as: format, context: context))
        if let shifts { Terminal.write(ForecastShiftReporter.render(shifts, markdown: format == .markdown)) }
        for report in diff.unreadable {
            let side = report.side == .from ? context.fromLabel : context.toLabel
            Terminal.warning("\(report.file.location) could not be read in \(side), so its entities were not compared: \(report.file.message)")
        }
        if exitCode && diff.hasChanges { throw ExitCode(1) }
    }

    private func runAsDriver(useColor: Bool) throws {
        let output = try UsageErrors.exit2 { try ExternalDiff(arguments: revisions).render(format: format, useColor: useColor) }
        Terminal.write(output.text)
        // git treats any status but 0 from a driver as a failure, unless told to trust it.
        if exitCode && output.changed { throw ExitCode(1) }
    }

    /// The command line that shows the same diff, for the markdown's "see everything" note.
    private var reproduction: String {
        var words = ["charter", "diff"]
        if let workspace = workspaceOption.workspace { words += ["-C", shellQuoted(workspace)] }
        if staged { words.append("--staged") }
        if let asOf { words += ["--as-of", shellQuoted(asOf)] }
        words += revisions.map(shellQuoted)
        return words.joined(separator: " ")
    }

    private func shellQuoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./~^@:".contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}

enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
    case auto
    case always
    case never

    func enabled(onTerminal: Bool) -> Bool {
        switch self {
        case .auto: return onTerminal
        case .always: return true
        case .never: return false
        }
    }
}

extension DiffFormat: ExpressibleByArgument {}
