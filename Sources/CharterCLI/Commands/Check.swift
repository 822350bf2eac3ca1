import ArgumentParser
import CharterCore
import CharterGit
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
        let checked: (report: ValidationReport, location: WorkspaceLocation)? = try UsageErrors.exit2 {
            let reader = try PlanReader(version: .revision("HEAD"), workspace: workspaceOption.workspace)
            let location = reader.location
            guard let repository = location.repository else { throw CLIError("not in a git repository") }
            if staged {
                try checkStaged(repository, location: location)
                return nil
            }
            return (try Git.call { merge ? try checkMerge(repository, location: location) : try checkRange(repository, location: location) }, location)
        }
        guard let checked else { return }
        let (report, location) = checked
        let context = ReportContext(toolVersion: Charter.version, useColor: Terminal.stdoutSupportsColor,
                                    rules: RuleRegistry.all.map(\.description) + PolicyFindings.descriptions,
                                    pathPrefix: location.prefix)
        Terminal.write(ValidationReporters.render(report, as: format, context: context))
        if report.hasErrors { throw ExitCode(1) }
    }

    /// The head of the range validates, and every change request in the range meets policy.
    private func checkRange(_ repository: Repository, location: WorkspaceLocation) throws -> ValidationReport {
        let text = revisions.first ?? "HEAD"
        // A repository without commits has nothing to check yet (as `charter changes` lists none).
        if repository.isHeadUnborn, ["HEAD", "@"].contains(RangeArgument.tip(of: text)) {
            return ValidationReport(diagnostics: [], sourceDescription: "no commits yet")
        }
        var range = try RangeArgument.parse(text, in: repository)
        if let excludeRemote {
            let remote = try remoteName(excludeRemote, repository: repository)
            let known = try repository.referencedCommits(matching: "refs/remotes/\(remote)/*")
            range = .revisions(including: [text], excluding: known.map(\.hex))
        } else if excludeExistingRefs {
            range = .revisions(including: [text], excluding: try repository.referencedCommits(matching: "refs/*").map(\.hex))
        }
        let head = try repository.commit(RangeArgument.tip(of: text))
        let tree = try repository.treeSource(commit: head.id, prefix: location.prefix)
        let load = WorkspaceLoader.load(from: tree)
        var diagnostics = Validator.validate(load, asOf: head.committer.day)
        let builder = ChangeLogBuilder(repository: repository, prefix: location.prefix)
        if let notesCommit { builder.notesCommit = try repository.commit(notesCommit).id }
        let (records, shallow) = try builder.records(ChangeLogSelection(range: range, allCommits: allCommits))
        for record in records { diagnostics += PolicyFindings.diagnostics(for: record, head: load.workspace) }
        if shallow { Terminal.warning("the clone is shallow: commits before its boundary were not checked") }
        Terminal.warning(records.isEmpty ? "no commit in \(range) changed plans" : "\(records.count) change request\(records.count == 1 ? "" : "s") checked in \(range)", quietUnlessTerminal: true)
        return ValidationReport(diagnostics: diagnostics, sourceDescription: "commit \(head.id.short)")
    }

    /// Validates the merge of HEAD into BASE without touching the worktree, the index or any ref.
    private func checkMerge(_ repository: Repository, location: WorkspaceLocation) throws -> ValidationReport {
        let base = try repository.commit(revisions[0]), head = try repository.commit(revisions[1])
        let merged = try repository.mergeCommits(ours: base.id, theirs: head.id, prefix: location.prefix)
        var diagnostics = Validator.validate(WorkspaceLoader.load(from: merged), asOf: Clock.today())
        for conflict in merged.conflicts where PlanFileKind.classify(conflict.path) != nil {
            diagnostics.removeAll { $0.location.path == conflict.path && $0.ruleID == RuleID.fileUnreadable }
            diagnostics.append(Diagnostic(ruleID: RuleID.fileUnreadable, severity: .error, location: SourceLocation(path: conflict.path),
                message: "merging \(revisions[1]) into \(revisions[0]) conflicts in '\(conflict.path)' (\(conflict.summary)); rebase or merge and resolve it"))
        }
        return ValidationReport(diagnostics: diagnostics, sourceDescription: "merge of \(revisions[1]) into \(revisions[0])")
    }

    /// The commit-msg gate: the staged change, judged with the message being written.
    private func checkStaged(_ repository: Repository, location: WorkspaceLocation) throws {
        let message: String
        do {
            message = CommitMessageFile.clean(try String(contentsOfFile: messageFile!, encoding: .utf8))
        } catch {
            throw CLIError("cannot read the commit message \(messageFile!): \(error.localizedDescription)")
        }
        let builder = ChangeLogBuilder(repository: repository, prefix: location.prefix)
        let (record, policy, settingsErrors) = try Git.call {
            try builder.stagedRecord(message: message, author: try CommitIdentity.author(repository))
        }
        if !settingsErrors.isEmpty {
            // A policy that cannot be read must not let everything through.
            let context = ReportContext(toolVersion: Charter.version, useColor: false, rules: RuleRegistry.all.map(\.description),
                                        pathPrefix: location.prefix)
            let report = ValidationReport(diagnostics: settingsErrors, sourceDescription: "the index")
            Terminal.writeError(ValidationReporters.render(report, as: .text, context: context)
                + "The staged charter.yaml does not validate, so the policy this commit must meet is unknown: fix it and 'git add' it.")
            throw ExitCode(1)
        }
        guard !record.policyMet else { return }
        var lines = ["This commit changes plans in a way the policy in charter.yaml asks approval for:"]
        for requirement in record.requirements where !requirement.isSatisfied {
            lines.append("  ✗ \(requirement.reason.rawValue)\(requirement.program.map { " (\($0))" } ?? ""): \(requirement.detail)")
            lines.append("    \(requirement.missing ?? "")")
        }
        for claim in record.contradictedClaims {
            lines.append("  ✗ '\(claim.trailer): \(claim.claimed)' in the message, but \(claim.actual)")
        }
        for approval in record.approvals where !approval.counts {
            lines.append("  (not counted: \(approval.kind): \(approval.name) — \(approval.note ?? ""))")
        }
        lines.append("Add the approval as the last paragraph of the message, for example:")
        lines.append("    \(policy.approvalTrailer): Full Name <email@example.com>")
        lines.append("or commit now with --no-verify and record the approval later with 'charter approve <commit> --as <person>'")
        lines.append("(the pre-push hook and 'charter check' then accept it). Your message is kept in \(messageFile!).")
        Terminal.writeError(lines.joined(separator: "\n"))
        throw ExitCode(1)
    }

    /// pre-push passes the remote's name, or its URL when pushing to one: map a URL to the
    /// remote configured with it, else there is nothing known to exclude.
    private func remoteName(_ remote: String, repository: Repository) throws -> String {
        guard remote.contains("/") || remote.contains(":") else { return remote }
        for name in try repository.referenceNames(matching: "refs/remotes/*").compactMap({ $0.split(separator: "/").dropFirst(2).first }) {
            if (try? repository.configString("remote.\(name).url")) == remote { return String(name) }
        }
        return remote
    }
}
