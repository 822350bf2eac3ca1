import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct Charter: ParsableCommand {
    public static let version = "0.1.0"
    /// What `--version` prints: the version and the commit built from (`buildCommit`, written
    /// by Plugins/BuildCommit at build time; `-modified` when the tree had local changes).
    public static let versionWithCommit = "\(version) (commit \(buildCommit))"

    public static let configuration = CommandConfiguration(
        commandName: "charter",
        abstract: "Keep technical programs as plain YAML in git: validate plans, diff revisions, explain every change.",
        discussion: """
        A workspace is a folder with charter.yaml, people.yaml and programs/<id>/*.yaml. \
        Run 'charter init --workspace' to start one, 'charter validate' to check it.
        """,
        version: versionWithCommit,
        subcommands: [Validate.self, Diff.self, Changes.self, Check.self, Approve.self,
                      Schedule.self, Forecast.self, BaselineCommand.self, Variance.self, History.self, Slips.self, KPIs.self,
                      Report.self, Export.self, Import.self, Scenarios.self,
                      Lessons.self,
                      DigestCommand.self, CodeOwnersCommand.self,
                      Init.self, Hooks.self, Cache.self, Rules.self, Schema.self,
                      Lsp.self]
    )

    public init() {}
}

extension Charter {
    /// Runs the command line and exits. Charter's contract is 0 clean, 1 findings, 2 usage or
    /// I/O error; ArgumentParser reports usage errors as 64 (EX_USAGE), so they are mapped here,
    /// keeping its message and usage line.
    public static func runAsMain() -> Never {
        do {
            var command = try parseAsRoot(optionalValues(Array(CommandLine.arguments.dropFirst())))
            try command.run()
            exit(withError: nil)
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.writeError(fullMessage(for: error))
                _exit(2)
            }
            exit(withError: error)
        }
    }
}

extension Charter {
    /// `--write` of `charter changes` takes an optional folder, which ArgumentParser cannot
    /// express: a `--write` with nothing after it, or another option, gets the empty value that
    /// means "the default folder" (as a separate empty argument: ArgumentParser reads
    /// `--write=` as a missing value).
    static func optionalValues(_ arguments: [String]) -> [String] {
        guard arguments.first == "changes" else { return arguments }
        var result: [String] = []
        for (index, argument) in arguments.enumerated() {
            if argument == "--write", index + 1 == arguments.count || arguments[index + 1].hasPrefix("-") {
                result += ["--write", ""]
            } else {
                result.append(argument)
            }
        }
        return result
    }
}
