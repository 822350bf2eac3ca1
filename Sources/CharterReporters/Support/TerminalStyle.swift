/// ANSI styling for text reports, or none: the one place escape codes are written. Whether to
/// colour is decided once, by `TerminalStyle.colorEnabled`, and passed to reporters as a flag.
public struct TerminalStyle: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Colour only on a terminal, never with `NO_COLOR` set to anything non-empty
    /// (https://no-color.org) or `TERM=dumb`.
    public static func colorEnabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func magenta(_ text: String) -> String { wrap(text, "35") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }
    public func boldRed(_ text: String) -> String { wrap(text, "1;31") }

    // What the colours mean in a diff, a variance, a schedule.
    func added(_ text: String) -> String { green(text) }
    func removed(_ text: String) -> String { red(text) }
    func modified(_ text: String) -> String { yellow(text) }
    func moved(_ text: String) -> String { cyan(text) }
    func consequence(_ text: String) -> String { boldRed(text) }
    func unreadable(_ text: String) -> String { magenta(text) }
}
