import ArgumentParser
import CharterCore
import CharterGit
import CharterReporters

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "What changed in the plans since a day or a revision that one person cares about, for a weekly update.",
        discussion: """
        Lists the change requests on HEAD's history since --since (default: the last 7 days) that touch the \
        person's milestones, milestones theirs depend on (in any program, directly or through others), or \
        programs where they are owner, sponsor or hold a RACI role — each with why it concerns them and the \
        changes that do. Who owns what is read from the plans at HEAD. The person is --for (an id in \
        people.yaml, a GitHub login, an email or a name), else the one whose email or name git is configured \
        with. Exit status: 0, or 2 on usage or I/O errors.
        """
    )

    @Option(help: ArgumentHelp("A day (YYYY-MM-DD, from its start) or a revision (the changes after it); default: 7 days ago.",
                               valueName: "date|rev"))
    var since: String?

    @Option(name: .customLong("for"), help: ArgumentHelp("The person: an id in people.yaml, a GitHub login, an email or a name.", valueName: "person"))
    var person: String?

    @Option(help: "Output format: text or markdown (to paste into an update).")
    var format: DigestFormat = .text

    @OptionGroup var workspaceOption: WorkspaceOption

    @OptionGroup var cacheOption: CacheOption

    func run() throws {
        cacheOption.apply()
        try UsageErrors.exit2 {
            let history = try PlanHistoryReader(range: "HEAD", workspace: workspaceOption.workspace)
            let repository = history.repository
            let tip = try history.tip().workspace
            let id = try resolvePerson(in: tip, repository: repository)
            var selection = ChangeLogSelection()
            let label: String
            if let since, let day = PlanDate(since) {
                selection.since = day
                label = day.description
            } else if let since {
                selection.range = try RangeArgument.parse(since + "..HEAD", in: repository)
                _ = try Git.call { try repository.commit(since) }
                label = since
            } else {
                let day = Clock.today().adding(days: -7)
                selection.since = day
                label = day.description
            }
            let builder = ChangeLogBuilder(repository: repository, prefix: history.reader.location.prefix)
            let (records, shallow) = try Git.call { try builder.records(selection) }
            let digest = Digest(records: records, person: id, audience: ChangeAudience(workspace: tip))
            Terminal.write(DigestReporter.render(digest, since: label, format: format))
            if shallow { Terminal.warning("the clone is shallow: history stops at its boundary (git fetch --unshallow for all of it)") }
        }
    }

    private func resolvePerson(in workspace: Workspace, repository: Repository) throws -> String {
        if let person {
            guard let id = Digest.person(named: person, in: workspace.people) else {
                let suggestion = Suggestion.didYouMean(person, in: workspace.people.map(\.id.value))
                throw CLIError("'\(person)' is nobody in people.yaml (an id, GitHub login, email or name)\(suggestion)")
            }
            return id
        }
        let configured = [try? repository.configString("user.email"), try? repository.configString("user.name")].compactMap { $0 ?? nil }
        guard let id = configured.lazy.compactMap({ Digest.person(named: $0, in: workspace.people) }).first else {
            throw CLIError("git's user.email and user.name match nobody in people.yaml: name the person with --for")
        }
        return id
    }
}

extension DigestFormat: ExpressibleByArgument {}
