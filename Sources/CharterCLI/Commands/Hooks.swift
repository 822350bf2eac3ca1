import CharterReporters
import ArgumentParser

struct Hooks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Install, inspect and remove the git hooks that run charter on commit, push and receive.",
        discussion: """
        pre-commit validates exactly the staged plans; commit-msg checks that a change the policy \
        requires approval for carries the approval trailer; pre-push checks the pushed commits; \
        pre-receive, for the bare repository a team pushes to, checks every pushed ref and cannot be \
        skipped with --no-verify. The scripts are embedded in charter, so the binary alone is enough. \
        See docs/hooks.md.
        """,
        subcommands: [HooksInstall.self, HooksStatus.self, HooksUninstall.self, HooksShow.self]
    )
}

/// `-C DIR`, shared by the hook commands.
struct RepositoryOption: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp(
        "Work on the git repository at or above this folder (default: the current folder).", valueName: "dir"))
    var directory: String?
}

extension Hooks {
    static func column(_ hook: HookName) -> String {
        "  " + hook.rawValue.padded(toDisplayWidth: 13)
    }
}
