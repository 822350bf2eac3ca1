import ArgumentParser
import CharterCore
import CharterGit

struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Record a late approval of a commit as a git note (no history rewrite).",
        discussion: """
        Writes '<approval trailer>: Name <email> (role)' to the commit's note on refs/notes/charter. \
        'charter changes' and 'charter check' read approvals from notes as from trailers. Share the notes \
        with 'git push origin refs/notes/charter' and fetch them with 'git fetch origin refs/notes/charter:refs/notes/charter'.
        """
    )

    @Argument(help: ArgumentHelp("The commit to approve.", valueName: "rev"))
    var revision: String

    @Option(name: .customLong("as"), help: ArgumentHelp("Who approves: a person id, email or GitHub login in people.yaml.", valueName: "person"))
    var person: String

    @Option(help: ArgumentHelp("The role they approve in, e.g. sponsor or accountable (recorded as stated).", valueName: "role"))
    var role: String?

    @OptionGroup var workspaceOption: WorkspaceOption

    func run() throws {
        try UsageErrors.exit2 {
            let reader = try PlanReader(version: .revision(revision), workspace: workspaceOption.workspace)
            guard let repository = reader.location.repository else { throw CLIError("not in a git repository") }
            let commit = try Git.call { try repository.commit(revision) }
            // The people and policy the commit itself was made under.
            let workspace = WorkspaceLoader.load(from: try Git.call { try repository.treeSource(commit: commit.id, prefix: reader.location.prefix) }).workspace
            guard let approver = workspace.people.first(where: {
                $0.id.value == person || $0.email?.lowercased() == person.lowercased() || $0.github?.lowercased() == person.lowercased()
            }) else {
                let hint = Suggestion.didYouMean(person, in: workspace.people.map(\.id.value))
                throw CLIError("'\(person)' is not in people.yaml at \(commit.id.short)\(hint); an approval must name a known person")
            }
            let name = approver.name ?? approver.id.value
            var line = "\(workspace.settings.policy.approvalTrailer): \(name)"
            if let email = approver.email { line += " <\(email)>" }
            if let role { line += " (\(role))" }
            let signer = (try? repository.configString("user.email")) == nil
                ? Signature(name: name, email: approver.email ?? "\(approver.id.value)@charter", time: Int64(Clock.now), offsetMinutes: 0)
                : nil
            let added = try Git.call { try repository.setNote(line, for: commit.id, author: signer) }
            let cr = ChangeRequest.id(forCommit: commit.id.hex)
            Terminal.write(added
                ? "Recorded on \(Repository.charterNotesRef) for \(cr) (\(commit.id.short) \"\(commit.summary)\"): \(line)\nShare it: git push origin \(Repository.charterNotesRef)"
                : "\(cr) already carries this approval; nothing written.")
        }
    }
}
