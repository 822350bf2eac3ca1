import ArgumentParser
import CharterCore
import CharterGit
import CharterReporters

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every plan file: schema, references, cycles, dates, budgets, allocations, decisions.",
        discussion: """
        Reads the worktree by default (HEAD in a bare repository), exactly what is staged with --staged, or any commit with --rev. \
        Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors, 2 on usage or I/O errors.
        """
    )

    @Argument(help: ArgumentHelp("Report only findings in these files or folders (the whole workspace is still read, for cross-references).", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Validate the git index (what the next commit will contain), not the worktree.")
    var staged = false

    @Option(help: ArgumentHelp("Validate the plans in this commit (any revision git accepts).", valueName: "rev"))
    var rev: String?

    @Option(help: "Output format: text, json, sarif, github or codequality.")
    var format: ValidationFormat = .text

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge overdue milestones against this day (YYYY-MM-DD). Default: today; the commit's date with --rev.", valueName: "date"))
    var asOf: String?

    @Flag(help: "Exit 1 on warnings too.")
    var strict = false

    @Flag(help: "With --staged: report errors anywhere, but warnings only in plan files the commit changes (what the pre-commit hook shows).")
    var changed = false

    @OptionGroup var workspaceOption: WorkspaceOption

    func validate() throws {
        try PlanVersion.checkOptions(staged: staged, rev: rev, asOf: asOf)
        if changed && !staged { throw ValidationError("--changed goes with --staged: it compares the index with HEAD") }
    }

    func run() throws {
        try Run(paths: paths, staged: staged, rev: rev, format: format, asOf: asOf, strict: strict, changed: changed,
                workspace: workspaceOption.workspace).run()
    }

    /// The command's work from plain values, so that the hooks' entry point (`HookEntry`) runs
    /// exactly this without building ArgumentParser's command tree.
    struct Run {
        var paths: [String] = []
        var staged = false
        var rev: String?
        var format: ValidationFormat = .text
        var asOf: String?
        var strict = false
        var changed = false
        var workspace: String?

        var version: PlanVersion { PlanVersion(staged: staged, rev: rev) }

        func run() throws {
            let (report, location) = try UsageErrors.exit2 {
                let reader = try PlanReader(version: version, workspace: workspace)
                let (source, defaultAsOf, conflicts) = try reader.openSource(version)
                let day = asOf.flatMap(PlanDate.init) ?? defaultAsOf
                let load: LoadResult
                switch source {
                case .worktree(let worktree): load = WorkspaceLoader.load(from: worktree)
                case .index(let index): load = WorkspaceLoader.load(from: index)
                case .tree(let tree):
                    load = WorkspaceLoader.load(from: tree)
                    // A missing object is a damaged repository, not an unreadable plan (as in changes and slips).
                    try Git.call { try tree.throwIfDamaged() }
                }
                var diagnostics = Validator.validate(load, asOf: day)
                diagnostics += conflicts.filter { PlanFileKind.classify($0) != nil }.map { path in
                    Diagnostic(ruleID: RuleID.fileUnreadable, severity: .error, location: SourceLocation(path: path),
                               message: "'\(path)' has unresolved merge conflicts in the index; resolve them and stage the result")
                }
                if changed, case .index(let index) = source {
                    diagnostics = try StagedChanges.keepingWarnings(in: reader.location, index: index, diagnostics)
                }
                let report = ValidationReport(diagnostics: try filter(diagnostics, root: reader.location.root),
                                              sourceDescription: source.planSource.sourceDescription)
                return (report, reader.location)
            }
            let context = ReportContext(toolVersion: Charter.version, useColor: Terminal.stdoutSupportsColor,
                                        rules: RuleRegistry.all.map(\.description), pathPrefix: location.prefix)
            Terminal.write(ValidationReporters.render(report, as: format, context: context))
            if report.hasErrors || (strict && report.warningCount > 0) { throw ExitCode(1) }
        }

        /// Keeps findings under the given paths (relative to the current folder, like git's pathspecs).
        private func filter(_ diagnostics: [Diagnostic], root: String?) throws -> [Diagnostic] {
            guard !paths.isEmpty else { return diagnostics }
            let prefixes: [String] = try paths.map { path in
                guard let root else { return path }
                guard let relative = FileSystem.relative(FileSystem.absolute(path), to: root) else {
                    throw CLIError("\(path) is outside the workspace at \(root)")
                }
                return relative
            }
            return diagnostics.filter { diagnostic in
                prefixes.contains { $0.isEmpty || diagnostic.location.path == $0 || diagnostic.location.path.hasPrefix($0 + "/") }
            }
        }
    }
}

extension ValidationFormat: ExpressibleByArgument {}
