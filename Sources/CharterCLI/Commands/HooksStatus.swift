import ArgumentParser

struct HooksStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Say where git reads hooks from, which of charter's are installed, and whether git would run them.",
        discussion: """
        Shows the hooks folder and why (core.hooksPath, or git's default), the workspace the hooks \
        check, the charter they will run, and for each hook whether it is charter's, someone else's \
        or a hook manager's, whether it is executable, what it chains to, and whether git runs it.
        """
    )

    @OptionGroup var repositoryOption: RepositoryOption

    func run() throws {
        try UsageErrors.exit2 {
            let context = try HookContext(directory: repositoryOption.directory)
            let status = HookStatus(location: context.location)
            Terminal.write(status.render(charter: HookContext.charterForHooks(), workspaceRoot: try context.configuredRoot()))
        }
    }
}
