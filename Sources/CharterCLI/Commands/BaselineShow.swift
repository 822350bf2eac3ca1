import ArgumentParser
import CharterReporters

struct BaselineShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one baseline: its tag, commit, date, who made it and why (the newest when no name is given)."
    )

    @Argument(help: ArgumentHelp("The baseline's name.", valueName: "name"))
    var name: String?

    @Option(help: "Output format: text or json.")
    var format: BaselineListFormat = .text

    @OptionGroup var repositoryOption: RepositoryOption

    func run() throws {
        try BaselineCommand.guarded(repositoryOption) { baselines in
            Terminal.write(BaselineReporter.renderDetails(try baselines.chosen(name), as: format))
        }
    }
}
