import ArgumentParser
import CharterCore
import CharterGit
import CharterReporters

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Freeze the plans of a commit as a named baseline (an annotated git tag) to measure variance against.",
        discussion: """
        A baseline is the annotated tag refs/tags/charter/baseline/NAME: who made it, when, why, and the \
        commit whose plans it freezes. Make as many as you like (one per quarterly plan, per re-plan). \
        'charter variance' compares the current plans with one. Baselines are ordinary tags: share them with \
        git push origin '\(Baseline.refspec)' and fetch them with git fetch --tags. Works in bare repositories. \
        See docs/baselines.md.
        """,
        subcommands: [BaselineCreate.self, BaselineList.self, BaselineShow.self, BaselineDelete.self]
    )
}

extension BaselineCommand {
    /// Opens the repository from `-C DIR` or the current folder and runs `body` with its baselines;
    /// usage and I/O problems exit 2.
    static func guarded(_ option: RepositoryOption, _ body: (Baselines) throws -> Void) throws {
        try UsageErrors.exit2 {
            let folder = FileSystem.absolute(option.directory ?? ".")
            let repository: Repository
            do {
                repository = try Repository.discover(from: folder)
            } catch {
                throw CLIError("not in a git repository (\(error)); baselines are git tags")
            }
            try body(Baselines(repository: repository))
        }
    }
}

extension BaselineListFormat: ExpressibleByArgument {}
