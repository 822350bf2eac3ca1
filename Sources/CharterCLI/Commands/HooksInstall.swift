import ArgumentParser

struct HooksInstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install charter's hooks where git will run them.",
        discussion: """
        Writes to the folder named by core.hooksPath when it is set (as husky and others do), else to \
        hooks/ of the git directory, which linked worktrees share. Without hook names it installs \
        pre-commit, commit-msg and pre-push, or pre-receive in a bare repository. \
        An existing hook that is not charter's is never overwritten silently: it is kept as \
        <hook>.charter-chained and charter's hook runs it first. A hook written by the pre-commit \
        framework, husky or lefthook cannot be chained; charter refuses and says how to add charter to \
        that tool instead. --force replaces such hooks, keeping <hook>.charter-backup. Installing again \
        updates charter's own hooks. 'charter hooks uninstall' puts back what was there. \
        Exit status: 0 when every hook is in place, 1 when one was refused, 2 on errors.
        """
    )

    @Argument(help: ArgumentHelp("Hooks to install: pre-commit, commit-msg, pre-push, pre-receive (default: the ones for this kind of repository).", valueName: "hook"))
    var hooks: [HookName] = []

    @Flag(help: "Replace an existing hook that is not charter's instead of chaining to it; it is kept as <hook>.charter-backup.")
    var force = false

    @Option(help: ArgumentHelp(
        "The workspace folder the hooks check, when it is not the top of the repository; saved as git config charter.root. Found from the current folder when not given.",
        valueName: "dir"))
    var root: String?

    @OptionGroup var repositoryOption: RepositoryOption

    func run() throws {
        var refused = false
        try UsageErrors.exit2 {
            let context = try HookContext(directory: repositoryOption.directory)
            let location = context.location
            let selected = hooks.isEmpty ? HookName.defaults(bare: location.isBare) : Array(Set(hooks)).sorted()
            if !FileSystem.isDirectory(location.directory) { try HookFiles.createDirectory(location.directory) }
            var lines = [location.explanation.replacingOccurrences(of: "Hooks are read from", with: "Installing into")]
            let installer = HookInstaller(directory: location.directory)
            for hook in selected {
                let outcome = try installer.install(hook, force: force)
                if case .refused = outcome { refused = true }
                lines.append(Hooks.column(hook) + describe(outcome, hook))
                if hook.isServerHook && !location.isBare, outcome != .unchanged {
                    lines.append(String(repeating: " ", count: 15) + "note: git runs pre-receive only in a repository that receives pushes")
                } else if !hook.isServerHook && location.isBare, outcome != .unchanged {
                    lines.append(String(repeating: " ", count: 15) + "note: nobody commits in a bare repository; pre-receive is its hook")
                }
            }
            lines += try workspaceLines(context)
            lines.append("See what git will run with 'charter hooks status'; remove with 'charter hooks uninstall'.")
            Terminal.write(lines.joined(separator: "\n"))
            if HookContext.charterForHooks() == nil {
                Terminal.warning("'charter' is not on PATH: the hooks will stop every commit and push until it is (or until CHARTER=/path/to/charter is set)")
            }
        }
        if refused { throw ExitCode(1) }
    }

    private func describe(_ outcome: HookInstaller.InstallOutcome, _ hook: HookName) -> String {
        switch outcome {
        case .installed: return "installed"
        case .updated: return "updated"
        case .unchanged: return "already installed, up to date"
        case let .chained(executable):
            return "installed; the hook that was here is kept as \(hook.rawValue).charter-chained and runs first"
                + (executable ? "" : " (it is not executable, so, as before, it does not run)")
        case .replaced: return "installed, replacing the hook that was here (kept as \(hook.rawValue).charter-backup)"
        case let .refused(reason): return "not installed: " + reason
        }
    }

    /// Saves the workspace folder for the hooks when it is not the top of the repository.
    private func workspaceLines(_ context: HookContext) throws -> [String] {
        let top = context.repository.workdir.map { FileSystem.absolute($0) }
        if let root {
            let value: String
            if let top {
                let start = FileSystem.absolute(repositoryOption.directory ?? ".")
                guard let relative = FileSystem.relative(FileSystem.absolute(root, relativeTo: start), to: top) else {
                    throw CLIError("--root \(root) is outside the repository at \(top)")
                }
                value = relative.isEmpty ? "." : relative
            } else {
                value = root.split(separator: "/").joined(separator: "/")
            }
            try context.setRoot(value)
            return ["The hooks check the workspace in \(value) (saved as git config \(HookContext.rootKey))."]
        }
        guard let top, try context.configuredRoot() == nil else { return [] }
        let found = WorkspaceLocator.search(from: FileSystem.absolute(repositoryOption.directory ?? "."), stopAt: top)
        if found != top, Self.isWorkspace(found), let relative = FileSystem.relative(found, to: top) {
            try context.setRoot(relative)
            return ["The workspace is in \(relative), not at the top of the repository: saved as git config \(HookContext.rootKey) for the hooks."]
        }
        if !Self.isWorkspace(top) {
            return ["Note: no workspace (charter.yaml, people.yaml or programs/) at the top of the repository; if it is in a folder, run 'charter hooks install --root <folder>'."]
        }
        return []
    }

    private static func isWorkspace(_ folder: String) -> Bool {
        ["charter.yaml", "programs", "people.yaml"].contains { FileSystem.exists(folder + "/" + $0) }
    }
}
