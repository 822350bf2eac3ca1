import ArgumentParser

/// The two commands git's pre-commit and commit-msg hooks run, recognised before
/// ArgumentParser builds the whole command tree.
///
/// `parseAsRoot` on `Charter` builds the tree of every subcommand (each configuration, with the
/// reflection and protocol-conformance look-ups that takes) and checks for completion-script
/// requests before it parses a flag: several milliseconds of a hook that should go unnoticed.
/// The hooks' command lines have a fixed shape, and that shape is read from the hook scripts
/// themselves (`ScriptCommand`, from the copies embedded in the binary): a change to a script's
/// command line changes what is recognised here, with nothing to keep in step by hand. A line
/// of that shape is parsed by ArgumentParser as the one command it names (`Validate`, `Check`),
/// so the values each option gets are ArgumentParser's, not a second parser's. Anything else,
/// even the same options in another order, goes through the whole tree as before, so usage
/// errors and help are unchanged.
public enum HookEntry {
    /// The command lines of the hooks that commit runs, as their scripts write them.
    static let scriptCommands: [HookName: ScriptCommand] = {
        var commands: [HookName: ScriptCommand] = [:]
        for hook in [HookName.preCommit, .commitMsg] {
            commands[hook] = ScriptCommand(script: hook.script)
        }
        return commands
    }()

    /// The commands a hook's line may name: each is parsed on its own by ArgumentParser.
    private static let commands: [any ParsableCommand.Type] = [Validate.self, Check.self]

    /// The hook whose script runs exactly these arguments (without the program name), or nil.
    static func hook(for arguments: [String]) -> HookName? {
        scriptCommands.first { $0.value.matches(arguments) }?.key
    }

    /// Runs a hook's command and exits when the arguments are one; returns otherwise.
    public static func runIfHookCommand(_ arguments: [String]) {
        guard hook(for: arguments) != nil,
              let type = commands.first(where: { $0.configuration.commandName == arguments.first }),
              var command = try? type.parseAsRoot(Array(arguments.dropFirst()))
        else { return }
        do {
            try command.run()
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

    /// Reads the command line from a script; nil when it has none of this shape.
    init?(script: String) {
        let lines = script.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let line = lines.first(where: { $0.hasPrefix("\"$charter\" ") && $0.hasSuffix(" \"$@\"") }),
              let words = Self.words(line.dropFirst("\"$charter\" ".count).dropLast(" \"$@\"".count))
        else { return nil }
        var tails: [[Word]] = []
        for line in lines where !line.hasPrefix("#") {
            for part in line.split(separator: ";") {
                let part = part.trimmingCharacters(in: .whitespaces)
                guard part.hasPrefix("then set -- ") || part.hasPrefix("set -- ") else { continue }
                guard let tail = Self.words(part[part.range(of: "set -- ")!.upperBound...]) else { return nil }
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
