/// The two commands git's pre-commit and commit-msg hooks run, recognised before
/// ArgumentParser sees the command line.
///
/// `parseAsRoot` builds the whole command tree (every subcommand's configuration, with the
/// reflection and protocol-conformance look-ups that takes) and checks for completion-script
/// requests before it parses a flag: several milliseconds of a hook that should go unnoticed.
/// Parsing only the one command costs about as much again (the completion check and the
/// reflection over its options remain), so the hooks' lines are matched here, against the table
/// `knownCommand(_:)`: the line each hook script passes (`"$charter" WORD... "$@"`, with what its
/// `set --` lines may put in `"$@"`). The table is not read from the embedded scripts at run
/// time (splitting and parsing them cost a hook more than the match); `HookEntryTests` reads
/// the scripts (`ScriptCommand(script:)`) and fails when a script's line and the table part.
/// Anything else, even the same options in another order, goes to ArgumentParser as before, so
/// usage errors and help are unchanged.
public enum HookEntry {
    /// What a hook's command line asks for.
    enum Invocation: Equatable {
        /// pre-commit's `validate --staged --changed [-C DIR]`.
        case validateStaged(workspace: String?)
        /// commit-msg's `check --staged --message-file FILE [-C DIR]`.
        case checkStaged(messageFile: String, workspace: String?)
    }

    /// The line each hook's script passes, as the fast path knows how to run it; nil for the
    /// hooks that take no fast path. A switch, not a dictionary: a `[HookName: …]` costs a
    /// process a scan of every protocol conformance in the binary (for `HookName: Hashable`).
    static func knownCommand(_ hook: HookName) -> ScriptCommand? {
        let workspace: [[ScriptCommand.Word]] = [[.literal("-C"), .value]]
        switch hook {
        case .preCommit:
            return ScriptCommand(words: [.literal("validate"), .literal("--staged"), .literal("--changed")], tails: workspace)
        case .commitMsg:
            return ScriptCommand(words: [.literal("check"), .literal("--staged"), .literal("--message-file"), .value],
                                 tails: workspace)
        case .prePush, .preReceive:
            return nil
        }
    }

    /// The invocation for these arguments (without the program name), or nil for any other shape.
    static func invocation(_ arguments: [String]) -> Invocation? {
        for hook in [HookName.preCommit, .commitMsg] {
            guard let command = knownCommand(hook), command.matches(arguments) else { continue }
            let workspace = arguments.count > command.words.count ? arguments.last : nil
            switch hook {
            case .preCommit: return .validateStaged(workspace: workspace)
            case .commitMsg: return .checkStaged(messageFile: arguments[command.words.count - 1], workspace: workspace)
            case .prePush, .preReceive: continue
            }
        }
        return nil
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

/// A hook script's charter command line, `"$charter" WORD... "$@"`, and the words its `set --`
/// lines may put in `"$@"` (`-C "$root"` when the workspace is in a folder).
struct ScriptCommand: Equatable {
    /// One word of a command line: written out in the script, or a variable's value.
    enum Word: Equatable {
        case literal(String)
        /// `"$name"`: any value ArgumentParser takes as a value (not empty, not option-like).
        case value
    }

    let words: [Word]
    /// What `"$@"` may hold, besides nothing.
    let tails: [[Word]]

    init(words: [Word], tails: [[Word]]) {
        self.words = words
        self.tails = tails
    }

    /// Reads the command line from a script; nil when it has none of this shape. (Standard
    /// library only: Foundation's trimming would cost a hook more than the whole match.)
    init?(script: String) {
        let lines = script.split(separator: "\n").map { $0.drop(while: { $0 == " " }) }
        guard let line = lines.first(where: { $0.hasPrefix("\"$charter\" ") && $0.hasSuffix(" \"$@\"") }),
              let words = Self.words(line.dropFirst("\"$charter\" ".count).dropLast(" \"$@\"".count))
        else { return nil }
        var tails: [[Word]] = []
        for line in lines where !line.hasPrefix("#") {
            for part in line.split(separator: ";") {
                let part = part.drop(while: { $0 == " " })
                let command = part.hasPrefix("then ") ? part.dropFirst("then ".count) : part
                guard command.hasPrefix("set -- ") else { continue }
                guard let tail = Self.words(command.dropFirst("set -- ".count)) else { return nil }
                tails.append(tail)
            }
        }
        self.init(words: words, tails: tails)
    }

    /// Whether these arguments are this command line with `"$@"` empty or one of its tails.
    func matches(_ arguments: [String]) -> Bool {
        guard arguments.count >= words.count, Self.match(words, arguments.prefix(words.count)) else { return false }
        let rest = arguments.dropFirst(words.count)
        return rest.isEmpty || tails.contains { Self.match($0, rest) }
    }

    private static func match(_ words: [Word], _ arguments: ArraySlice<String>) -> Bool {
        words.count == arguments.count && zip(words, arguments).allSatisfy { word, argument in
            switch word {
            case .literal(let text): return argument == text
            case .value: return !argument.isEmpty && !argument.hasPrefix("-")
            }
        }
    }

    /// Plain words and `"$variable"`s separated by single spaces; nil for anything else.
    private static func words<S: StringProtocol>(_ text: S) -> [Word]? {
        var words: [Word] = []
        for token in text.split(separator: " ", omittingEmptySubsequences: false) {
            if token.hasPrefix("\"$") && token.hasSuffix("\"") && token.count > 3
                && token.dropFirst(2).dropLast().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                words.append(.value)
            } else if !token.isEmpty && token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                words.append(.literal(String(token)))
            } else {
                return nil
            }
        }
        return words.isEmpty ? nil : words
    }
}
