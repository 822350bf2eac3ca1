import ArgumentParser
import CharterReporters

struct BaselineList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the baselines, newest first: name, date, who made it, commit, message."
    )

    @Option(help: "Output format: text or json.")
    var format: BaselineListFormat = .text

    @OptionGroup var repositoryOption: RepositoryOption

    func run() throws {
        try BaselineCommand.guarded(repositoryOption) { baselines in
            Terminal.write(BaselineReporter.renderList(try baselines.list(), as: format))
        }
    }
}
