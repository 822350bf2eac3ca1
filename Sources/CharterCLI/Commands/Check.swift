import ArgumentParser
import CharterCore
import CharterReporters
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "CI and hook gate: the plans at the head validate, and every change request in the range meets policy.",
        discussion: """
        charter check RANGE            the head of RANGE validates; each commit in it meets policy
        charter check --merge BASE HEAD  the in-memory merge of HEAD into BASE validates (nothing is written)
        charter check --staged --message-file FILE   what the commit-msg hook runs: the staged change with this message
        --exclude-remote NAME and --exclude-existing-refs limit REV to commits not yet on the remote or server (pre-push, pre-receive).
        Exit status: 0 when everything passes, 1 when something does not, 2 on usage or I/O errors.
        """
    )

    @Argument(help: ArgumentHelp("A range (A..B, A...B) or a revision (default: HEAD); with --merge, BASE and HEAD.", valueName: "range"))
    var revisions: [String] = []

    @Flag(help: "Check the result of merging HEAD into BASE, computed in memory.")
    var merge = false

    @Flag(help: "Check the staged change (HEAD to index) with the message in --message-file.")
    var staged = false

    @Option(name: .customLong("message-file"), help: ArgumentHelp("The commit message being written (commit-msg hook).", valueName: "file"))
    var messageFile: String?

    @Option(name: .customLong("exclude-remote"), help: ArgumentHelp("Only commits not reachable from this remote's branches (pre-push of a new branch).", valueName: "remote"))
    var excludeRemote: String?

    @Flag(name: .customLong("exclude-existing-refs"), help: "Only commits not reachable from any existing ref (pre-receive of a new branch).")
    var excludeExistingRefs = false

    @Option(name: .customLong("notes-commit"), help: ArgumentHelp("Read approval notes from this notes commit instead of refs/notes/charter (pre-receive, when the push carries the notes).", valueName: "sha"))
    var notesCommit: String?

    @Flag(help: "Also check the commits of merged branches, not only the first-parent line.")
    var allCommits = false

    @Option(help: "Output format: text, json, sarif, github or codequality.")
    var format: ValidationFormat = .text

    @OptionGroup var workspaceOption: WorkspaceOption

    @OptionGroup var cacheOption: CacheOption

    func validate() throws {
        if merge && revisions.count != 2 { throw ValidationError("--merge takes two revisions: BASE HEAD") }
        if staged && messageFile == nil { throw ValidationError("--staged checks a commit being made: give --message-file FILE") }
        if staged && !revisions.isEmpty { throw ValidationError("--staged checks the index; it takes no revisions") }
        if !merge && !staged && revisions.count > 1 { throw ValidationError("give one range (A..B) or revision, not \(revisions.count)") }
    }

    func run() throws {
        cacheOption.apply()
        try Run(revisions: revisions, merge: merge, staged: staged, messageFile: messageFile, excludeRemote: excludeRemote,
                excludeExistingRefs: excludeExistingRefs, notesCommit: notesCommit, allCommits: allCommits, format: format,
                workspace: workspaceOption.workspace).run()
    }

    /// The command's work from plain values (after `--no-cache` is applied), so that the hooks'
    /// entry point (`HookEntry`) runs exactly this without building ArgumentParser's command tree.
    struct Run {
        var revisions: [String] = []
        var merge = false
        var staged = false
        var messageFile: String?
        var excludeRemote: String?
        var excludeExistingRefs = false
        var notesCommit: String?
        var allCommits = false
        var format: ValidationFormat = .text
        var workspace: String?

        func run() throws {
            let outcome: CheckOutcome = try UsageErrors.exit2 {
                let reader = try PlanReader(version: .revision("HEAD"), workspace: workspace)
                let location = reader.location
                guard let repository = location.repository else { throw CLIError("not in a git repository") }
                return try Git.call {
                    if staged {
                        return try StagedCheck(repository: repository, prefix: location.prefix, messageFile: messageFile!).run()
                    }
                    if merge {
                        return try MergeCheck(repository: repository, prefix: location.prefix, base: revisions[0], head: revisions[1]).run()
                    }
                    return try RangeCheck(repository: repository, prefix: location.prefix, range: revisions.first ?? "HEAD",
                                          excludeRemote: excludeRemote, excludeExistingRefs: excludeExistingRefs,
                                          notesCommit: notesCommit, allCommits: allCommits).run()
                }
            }
            switch outcome {
            case .report(let report, let prefix):
                let context = ReportContext(toolVersion: Charter.version, useColor: Terminal.stdoutSupportsColor,
                                            rules: RuleRegistry.all.map(\.description) + PolicyFindings.descriptions, pathPrefix: prefix)
                Terminal.write(ValidationReporters.render(report, as: format, context: context))
                if report.hasErrors { throw ExitCode(1) }
            case .stagedPolicyUnreadable(let report, let prefix):
                let context = ReportContext(toolVersion: Charter.version, useColor: false, rules: RuleRegistry.all.map(\.description),
                                            pathPrefix: prefix)
                Terminal.writeError(ValidationReporters.render(report, as: .text, context: context) + PolicyGuidance.unreadableStagedPolicy)
                throw ExitCode(1)
            case .stagedRefused(let explanation):
                Terminal.writeError(explanation)
                throw ExitCode(1)
            case .stagedAccepted:
                return
            }
        }
    }
}
