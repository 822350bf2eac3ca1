import JSONRPC

/// An LSP position: a 0-based line and a 0-based offset in UTF-16 code units (LSP's default
/// encoding, the only one every client supports).
public struct LSPPosition: Hashable, Sendable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public init?(_ json: JSON?) {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue,
              line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }

    public var json: JSON { ["line": .int(line), "character": .int(character)] }

    public static func < (lhs: LSPPosition, rhs: LSPPosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}

/// A half-open LSP range.
public struct LSPRange: Hashable, Sendable {
    public var start: LSPPosition
    public var end: LSPPosition

    public init(start: LSPPosition, end: LSPPosition) {
        self.start = start
        self.end = max(start, end)
    }

    public init?(_ json: JSON?) {
        guard let start = LSPPosition(json?["start"]), let end = LSPPosition(json?["end"]) else { return nil }
        self.init(start: start, end: end)
    }

    public var json: JSON { ["start": start.json, "end": end.json] }

    /// Whether a cursor at `position` touches the range (its end included: a cursor right after a word is on it).
    public func touches(_ position: LSPPosition) -> Bool { start <= position && position <= end }

    public func overlaps(_ other: LSPRange) -> Bool { start <= other.end && other.start <= end }
}
