import ArgumentParser
import CharterCore
import CharterReporters

struct BaselineCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Make the baseline NAME: an annotated tag charter/baseline/NAME on a commit (HEAD by default).",
        discussion: """
        The tagger is who git would record: GIT_COMMITTER_NAME, GIT_COMMITTER_EMAIL and GIT_COMMITTER_DATE \
        when set, else user.name and user.email. An existing baseline is never moved: delete it first. \
        A name is one word that git accepts in a tag name (no spaces, slashes, '..', '~^:?*[\\').
        """
    )

    @Argument(help: ArgumentHelp("The baseline's name, e.g. q3-plan.", valueName: "name"))
    var name: String

    @Option(name: .customLong("rev"), help: ArgumentHelp("The commit whose plans to freeze (any revision git accepts).", valueName: "rev"))
    var revision = "HEAD"

    @Option(name: [.customShort("m"), .customLong("message")], help: ArgumentHelp("Why this baseline: the tag message.", valueName: "msg"))
    var message: String?

    @OptionGroup var repositoryOption: RepositoryOption

    func run() throws {
        try BaselineCommand.guarded(repositoryOption) { baselines in
            // The workspace the plans are in, when it can be found, so a damaged commit is refused.
            let prefix = try? WorkspaceLocator.locate(explicit: repositoryOption.directory, needsRepository: false).prefix
            let baseline = try baselines.create(name, revision: revision, message: message, workspacePrefix: prefix)
            Terminal.write(BaselineReporter.renderCreated(baseline))
        }
    }
}
