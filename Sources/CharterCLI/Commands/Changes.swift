import ArgumentParser
import CharterCore
import CharterGit
import CharterReporters
import Foundation

struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Turn the commits that changed plans into change-request records.",
        discussion: """
        One record per commit that changed plan files (newest first): who, when, why (a Reason: trailer, \
        else the body), what changed, the impact on schedule, budget, resources, scope and risk, who \
        approved (the policy's trailer, default Approved-by:, and notes written by 'charter approve'), \
        and whether policy required approval. A merge on the first-parent line is one record for the \
        whole merged branch; --all-commits lists the branch's commits too. RANGE is any revision or \
        range git accepts: HEAD (default), A..B, A...B, REV^! (that commit alone).
        """
    )

    @Argument(help: ArgumentHelp("Revision or range (default: HEAD).", valueName: "range"))
    var range: String?

    @Option(help: "Output format: text, json, yaml, markdown or csv.")
    var format: ChangeLogFormat = .text

    @Option(help: ArgumentHelp("Only commits made on or after this day (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(name: .customLong("program"), help: ArgumentHelp("Only commits that changed this program (repeatable).", valueName: "id"))
    var programs: [String] = []

    @Option(name: .customLong("path"), help: ArgumentHelp("Only commits that changed this path, relative to the current folder (repeatable).", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Also list the commits of merged branches, not only the merges on the first-parent line.")
    var allCommits = false

    @Flag(help: "Oldest first.")
    var reverse = false

    @Flag(help: "Only list the commits that changed plans (one commit id per line), without building records.")
    var ids = false

    @Option(name: .customLong("max-count"), help: ArgumentHelp("At most this many records.", valueName: "n"))
    var maxCount: Int?

    @Option(name: .customLong("write"), help: ArgumentHelp(
        "Write one YAML record per change request into DIR (default: changes/ in the workspace; give the range before --write) instead of printing them.",
        valueName: "dir"))
    var writeDirectory: String?

    @Flag(help: "Write the GitHub logins in 'notify' as @mentions (they ping when pasted into GitHub); plain by default.")
    var mentions = false

    @OptionGroup var workspaceOption: WorkspaceOption

    @OptionGroup var cacheOption: CacheOption

    func validate() throws {
        if let since, PlanDate(since) == nil { throw ValidationError("--since takes a date as YYYY-MM-DD, not '\(since)'") }
        for program in programs where !ScalarParsing.isIdentifier(program) {
            throw ValidationError("'\(program)' is not a program id")
        }
    }

    func run() throws {
        cacheOption.apply()
        try UsageErrors.exit2 {
            let reader = try PlanReader(version: .revision("HEAD"), workspace: workspaceOption.workspace)
            guard let repository = reader.location.repository else { throw CLIError("not in a git repository") }
            let builder = ChangeLogBuilder(repository: repository, prefix: reader.location.prefix)
            let history = PlanHistoryReader(reader: reader, repository: repository, range: range)
            // The tip's plans, read at most once: `--program` checks its ids, `notify` is judged in them.
            var tipPlans: Workspace?
            if !programs.isEmpty {
                let tip = try history.tip().workspace
                try history.checkPrograms(programs, tip: tip)
                tipPlans = tip
            }
            var selection = ChangeLogSelection(range: try RangeArgument.parse(range ?? "HEAD", in: repository), programs: programs,
                                               allCommits: allCommits, maxCount: maxCount)
            selection.since = since.flatMap(PlanDate.init)
            selection.paths = try paths.map { try repositoryPath($0, repository: repository) }
            if ids {
                var commits = try Git.call { try builder.planCommitIDs(selection) }
                if reverse { commits.reverse() }
                Terminal.write(commits.map(\.hex).joined(separator: "\n"))
                return
            }
            if tipPlans == nil { builder.keepWorkspaceAt = history.tipCommit() }
            var (records, shallow) = try Git.call { try builder.records(selection) }
            if reverse { records.reverse() }
            // An unborn branch has no records and no tip to read people from.
            let notify = records.isEmpty ? [:] : NotifyLists.byRecord(records, in: try tipPlans ?? history.tipWorkspace(keptBy: builder))
            if let directory = writeDirectory {
                try write(records, notify: notify, to: directory, location: reader.location)
                return
            }
            let register = try Git.call { try RecalledLessons.register(at: range ?? "HEAD", repository: repository, prefix: reader.location.prefix) }
            var context = ChangeLogContext(range: range ?? "HEAD", useColor: Terminal.stdoutSupportsColor,
                                           reachedShallowBoundary: shallow, lessons: RecalledLessons.byRecord(records, register: register))
            context.notify = notify
            context.mentions = mentions
            Terminal.write(bytes: ChangeLogReporters.renderUTF8(records, as: format, context: context))
            if shallow { Terminal.warning("the clone is shallow: history stops at its boundary (git fetch --unshallow for all of it)") }
        }
    }

    /// One file per record, written only when its content changed: a second run writes nothing.
    /// The batch is written all or nothing (`BatchWrite`): a failure leaves the folder as it was.
    private func write(_ records: [ChangeRequest], notify: [String: NotifyList], to directory: String,
                       location: WorkspaceLocation) throws {
        guard let root = location.root else { throw CLIError("--write needs a worktree; this repository is bare") }
        let folder = directory.isEmpty ? root + "/changes" : FileSystem.absolute(directory)
        var batch = BatchWrite(files: [])
        for record in records {
            let path = folder + "/" + record.id + ".yaml"
            let text = ChangeLogYAMLReporter.recordFile(record, notify: notify[record.id])
            if (try? FileSystem.readText(path)) == text { continue }
            batch.files.append((path, text))
        }
        do {
            try batch.commit(into: folder)
        } catch let failure as BatchWrite.Failure {
            throw CLIError("\(failure) (\(batch.files.count) of \(records.count) \(Plural.noun(records.count, "record")) to write)")
        }
        let written = batch.files.count
        Terminal.write("\(written) of \(Plural.count(records.count, "record")) written to \(FileSystem.relative(folder, to: root).map { $0.isEmpty ? "." : $0 } ?? folder) (\(records.count - written) unchanged)")
    }

    private func repositoryPath(_ path: String, repository: Repository) throws -> String {
        guard let workdir = repository.workdir.map({ FileSystem.absolute($0) }) else { return path }
        guard let relative = FileSystem.relative(FileSystem.absolute(path), to: workdir) else {
            throw CLIError("\(path) is outside the repository")
        }
        return relative
    }
}

extension ChangeLogFormat: ExpressibleByArgument {}
