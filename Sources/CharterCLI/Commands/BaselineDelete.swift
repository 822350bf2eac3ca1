import ArgumentParser
import CharterReporters

struct BaselineDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete the baseline NAME (its tag) from this repository.",
        discussion: "A baseline already pushed stays on the remote until deleted there too: git push origin --delete refs/tags/charter/baseline/NAME."
    )

    @Argument(help: ArgumentHelp("The baseline's name.", valueName: "name"))
    var name: String

    @OptionGroup var repositoryOption: RepositoryOption

    func run() throws {
        try BaselineCommand.guarded(repositoryOption) { baselines in
            let baseline = try baselines.delete(name)
            Terminal.write(BaselineReporter.renderDeleted(baseline))
        }
    }
}
