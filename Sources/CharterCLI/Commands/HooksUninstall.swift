import ArgumentParser
import Foundation

struct HooksUninstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove charter's hooks and put back the ones they replaced or chained to.",
        discussion: """
        Removes only hooks that are charter's, from the folder git reads hooks from. Where a hook was \
        kept by 'charter hooks install' (<hook>.charter-backup or <hook>.charter-chained), it goes back \
        in its place. Other hooks are left alone. Removing pre-commit or commit-msg also removes the \
        answer pre-commit leaves for commit-msg (CHARTER_PRE_COMMIT in each worktree's git directory).
        """
    )

    @Argument(help: ArgumentHelp("Hooks to remove (default: all of charter's).", valueName: "hook"))
    var hooks: [HookName] = []

    @OptionGroup var repositoryOption: RepositoryOption

    func run() throws {
        try UsageErrors.exit2 {
            let context = try HookContext(directory: repositoryOption.directory)
            let installer = HookInstaller(directory: context.location.directory)
            var lines = [context.location.explanation.replacingOccurrences(of: "Hooks are read from", with: "Removing from")]
            let chosen = hooks.isEmpty ? HookName.allCases : Array(Set(hooks)).sorted()
            for hook in chosen {
                let text: String
                switch try installer.uninstall(hook) {
                case .removed: text = "removed"
                case let .restored(kept): text = "removed; put back the hook kept as \((kept as NSString).lastPathComponent)"
                case .notInstalled: text = "not installed"
                case .notCharters: text = "not charter's: left alone"
                }
                lines.append(Hooks.column(hook) + text)
            }
            // pre-commit's answer for commit-msg goes with either of them (a stale one is
            // never believed, but it is charter's file in the user's git directory).
            if chosen.contains(where: HookAnswerFile.goesWith) {
                try HookAnswerFile.removeAll(in: context.repository)
            }
            Terminal.write(lines.joined(separator: "\n"))
        }
    }
}
