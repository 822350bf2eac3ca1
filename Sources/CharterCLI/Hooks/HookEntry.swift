/// The two commands git's pre-commit and commit-msg hooks run, recognised before
/// ArgumentParser sees the command line.
///
/// `parseAsRoot` builds the whole command tree (every subcommand's configuration, with the
/// reflection and protocol-conformance look-ups that takes) and checks for completion-script
/// requests before it parses a flag: several milliseconds of a hook that should go unnoticed.
/// The hooks' command lines have a fixed shape (hooks/pre-commit, hooks/commit-msg), so they
/// are matched here exactly and run through the same code the commands run
/// (`Validate.Run`, `Check.Run`). Anything else, even the same options in another order,
/// goes to ArgumentParser as before, so usage errors and help are unchanged.
public enum HookEntry {
    /// What a hook's command line asks for.
    enum Invocation: Equatable {
        /// `validate --staged --changed [-C DIR]` (pre-commit).
        case validateStaged(workspace: String?)
        /// `check --staged --message-file FILE [-C DIR]` (commit-msg).
        case checkStaged(messageFile: String, workspace: String?)
    }

    /// The invocation for these arguments (without the program name), or nil for any other shape.
    static func invocation(_ arguments: [String]) -> Invocation? {
        var rest = arguments.dropFirst(3)
        let invocation: Invocation
        switch Array(arguments.prefix(3)) {
        case ["validate", "--staged", "--changed"]:
            invocation = .validateStaged(workspace: nil)
        case ["check", "--staged", "--message-file"]:
            guard let file = rest.popFirst(), isValue(file) else { return nil }
            invocation = .checkStaged(messageFile: file, workspace: nil)
        default:
            return nil
        }
        // The hooks pass nothing, or `-C DIR` when git config charter.root names the workspace.
        if rest.isEmpty { return invocation }
        guard rest.count == 2, rest.first == "-C", let folder = rest.last, isValue(folder) else { return nil }
        switch invocation {
        case .validateStaged: return .validateStaged(workspace: folder)
        case .checkStaged(let file, _): return .checkStaged(messageFile: file, workspace: folder)
        }
    }

    /// A value ArgumentParser would take as it is: not empty, not something that looks like an option.
    private static func isValue(_ argument: String) -> Bool {
        !argument.isEmpty && !argument.hasPrefix("-")
    }

    /// Runs a hook's command and exits when the arguments are one; returns otherwise.
    public static func runIfHookCommand(_ arguments: [String]) {
        guard let invocation = invocation(arguments) else { return }
        do {
            switch invocation {
            case .validateStaged(let workspace):
                try Validate.Run(staged: true, changed: true, workspace: workspace).run()
            case .checkStaged(let messageFile, let workspace):
                try Check.Run(staged: true, messageFile: messageFile, workspace: workspace).run()
            }
            Charter.exit(withError: nil)
        } catch {
            Charter.exit(withError: error)
        }
    }
}
