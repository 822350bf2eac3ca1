/// A fast path for the plain YAML that plan files are written in: block mappings and sequences,
/// one-line flow collections, plain and simply quoted scalars, comments — ASCII only.
///
/// Why: libyaml's scanner and the event-by-event composition were the largest cost of loading
/// a big workspace (docs/performance.md, "Scale: 10,000 programs"). This parser reads that
/// subset in one pass over the bytes and builds the same `YAMLNode` tree libyaml would.
///
/// It never decides anything libyaml would decide differently: on anything outside the subset
/// — an anchor, a tag, a block scalar, a multi-line scalar or flow, an escape other than `\\`
/// and `\"`, a tab, a non-ASCII byte, a document marker, and every syntax error — it returns
/// `nil` and the caller hands the file to libyaml, which gives the tree or the located error.
/// `YAMLFastPathTests` checks both agree on every file the fast path accepts.
struct PlainYAMLParser {
    private struct Unsupported: Error {}

    /// Deeper nesting goes to libyaml, which enforces `YAMLLoader.maxDepth` with its message.
    private static let maxDepth = 64
    /// libyaml refuses a simple key longer than 1024 characters; stay well inside that.
    private static let maxKeyLength = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// The entries of the collections being read, innermost last: each collection takes its
    /// own off the end into an array of exactly its size (one allocation, not one per doubling).
    private var pendingPairs: [YAMLNode.Pair] = []
    private var pendingItems: [YAMLNode] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The document's root mapping, or `nil` when the text is outside the subset (or empty).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        guard isPlainASCII(bytes) else { return nil }
        var parser = PlainYAMLParser(bytes)
        do {
            guard let indent = try parser.nextContentLine(), indent == 0 else { return nil }
            let root = try parser.blockMapping(indent: 0)
            guard parser.index == bytes.count else { return nil }
            return root
        } catch {
            return nil
        }
    }

    /// Printable ASCII and line feeds only: no tabs, carriage returns, control characters, or
    /// multi-byte characters (whose columns, line breaks and BOM libyaml counts its own way).
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where (byte < 0x20 && byte != 0x0A) || byte >= 0x7F {
            return false
        }
        return true
    }

    // MARK: Lines

    private var column: Int { index - lineStart }

    private var position: TextPosition { TextPosition(line: line, column: column + 1) }

    private func peek(_ offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private var current: UInt8? { peek(index) }

    /// Whether the byte at `offset` ends a token: a space, a line feed or the end of the text.
    private func isBlankOrEnd(_ offset: Int) -> Bool {
        guard let byte = peek(offset) else { return true }
        return byte == .space || byte == .lineFeed
    }

    private mutating func skipSpaces() {
        while current == .space { index += 1 }
    }

    /// Moves past blank and comment-only lines to the first character of the next line with
    /// content, and returns its indentation; `nil` at the end of the text. Starts at a line's start.
    private mutating func nextContentLine() throws(Unsupported) -> Int? {
        while index < bytes.count {
            skipSpaces()
            guard let byte = current else { return nil }
            if byte == .lineFeed || byte == .hash {
                while let rest = current, rest != .lineFeed { index += 1 }
                if current == .lineFeed { newLine() }
                continue
            }
            // `---`, `...` (document markers) and `%` (directives) are libyaml's to read.
            if column == 0 && (byte == .percent || startsWith3(.minus) || startsWith3(.dot)) { throw Unsupported() }
            return column
        }
        return nil
    }

    private func startsWith3(_ byte: UInt8) -> Bool {
        peek(index) == byte && peek(index + 1) == byte && peek(index + 2) == byte
    }

    private mutating func newLine() {
        index += 1
        line += 1
        lineStart = index
    }

    /// After a node that ends its line: spaces, an optional comment, then the line feed (or the end).
    private mutating func endLine() throws(Unsupported) {
        let before = index
        skipSpaces()
        if current == .hash {
            guard index > before else { throw Unsupported() }
            while let rest = current, rest != .lineFeed { index += 1 }
        }
        guard let byte = current else { return }
        guard byte == .lineFeed else { throw Unsupported() }
        newLine()
    }

    private mutating func enter() throws(Unsupported) {
        depth += 1
        if depth > Self.maxDepth { throw Unsupported() }
    }

    // MARK: Block collections

    /// A block mapping whose keys start at `indent`; the cursor is on its first key. Returns with
    /// the cursor at the start of the first content line indented less, or at the end.
    private mutating func blockMapping(indent: Int) throws(Unsupported) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        let start = position
        let first = pendingPairs.count
        while true {
            let key = try scalar(flow: false)
            guard index - key.start < Self.maxKeyLength, current == .colon, isBlankOrEnd(index + 1) else {
                throw Unsupported()
            }
            index += 1
            let afterColon = position
            skipSpaces()
            let value: YAMLNode
            if current == nil || current == .lineFeed || current == .hash {
                // `key:` then a comment: the colon's blank came before it.
                while let rest = current, rest != .lineFeed { index += 1 }
                try endLine()
                let next = try nextContentLine()
                if let next, next > indent {
                    value = try blockNode(indent: next)
                } else if next == indent, isSequenceEntry {
                    value = try blockSequence(indent: indent)
                } else {
                    // libyaml's empty scalar sits right after the colon.
                    value = YAMLNode(.scalar("", .plain), at: afterColon)
                }
            } else {
                value = try inlineNode()
                if case .scalar(_, .plain) = value.content, current == .colon { throw Unsupported() }
                try endLine()
                _ = try nextContentLine()
            }
            pendingPairs.append(YAMLNode.Pair(key: key.node, value: value))
            // The cursor is at the next content line's first character, or at the end.
            guard current != nil else { break }
            if column < indent { break }
            guard column == indent, !isSequenceEntry else { throw Unsupported() }
        }
        return YAMLNode(.mapping(takePairs(from: first)), at: start)
    }

    /// A block sequence whose `-` entries sit at `indent`; the cursor is on the first `-`.
    private mutating func blockSequence(indent: Int) throws(Unsupported) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        let start = position
        let first = pendingItems.count
        while true {
            guard isSequenceEntry else { throw Unsupported() }
            index += 1
            skipSpaces()
            guard let first = current, first != .lineFeed, first != .hash else { throw Unsupported() }
            let itemColumn = column
            if startsMappingEntry() {
                let item = try blockMapping(indent: itemColumn)
                pendingItems.append(item)
            } else {
                let item = try inlineNode()
                if case .scalar(_, .plain) = item.content, current == .colon { throw Unsupported() }
                try endLine()
                _ = try nextContentLine()
                pendingItems.append(item)
            }
            guard current != nil else { break }
            if column < indent { break }
            // A line at the sequence's indentation that is no entry ends an indentless sequence
            // (the parent mapping's next key); anything deeper is not ours.
            guard column == indent else { throw Unsupported() }
            if !isSequenceEntry { break }
        }
        return YAMLNode(.sequence(takeItems(from: first)), at: start)
    }

    /// A node on its own lines, more indented than its parent's key.
    private mutating func blockNode(indent: Int) throws(Unsupported) -> YAMLNode {
        if isSequenceEntry { return try blockSequence(indent: indent) }
        guard startsMappingEntry() else { throw Unsupported() }
        return try blockMapping(indent: indent)
    }

    /// The pairs from `first` on, as the finished mapping's array; they leave `pendingPairs`.
    private mutating func takePairs(from first: Int) -> [YAMLNode.Pair] {
        let pairs = Array(pendingPairs[first...])
        pendingPairs.removeSubrange(first...)
        return pairs
    }

    private mutating func takeItems(from first: Int) -> [YAMLNode] {
        let items = Array(pendingItems[first...])
        pendingItems.removeSubrange(first...)
        return items
    }

    private var isSequenceEntry: Bool { current == .minus && isBlankOrEnd(index + 1) }

    /// Whether the line from the cursor is `key: …` (looking ahead without moving).
    private mutating func startsMappingEntry() -> Bool {
        let saved = (index, line, lineStart)
        defer { (index, line, lineStart) = saved }
        guard current != .leftBracket, current != .leftBrace, (try? scalar(flow: false)) != nil else { return false }
        return current == .colon && isBlankOrEnd(index + 1)
    }

    // MARK: Nodes within a line

    /// A flow collection or a scalar, all on the current line.
    private mutating func inlineNode() throws(Unsupported) -> YAMLNode {
        switch current {
        case .leftBracket: return try flowSequence()
        case .leftBrace: return try flowMapping()
        default: return try scalar(flow: false).node
        }
    }

    private mutating func flowNode() throws(Unsupported) -> YAMLNode {
        switch current {
        case .leftBracket: return try flowSequence()
        case .leftBrace: return try flowMapping()
        default: return try scalar(flow: true).node
        }
    }

    private mutating func flowSequence() throws(Unsupported) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        let start = position
        index += 1
        skipSpaces()
        if current == .rightBracket {
            index += 1
            return YAMLNode(.sequence([]), at: start)
        }
        let first = pendingItems.count
        while true {
            let item = try flowNode()
            pendingItems.append(item)
            skipSpaces()
            switch current {
            case .comma:
                index += 1
                skipSpaces()
                if current == .rightBracket { throw Unsupported() }
            case .rightBracket:
                index += 1
                return YAMLNode(.sequence(takeItems(from: first)), at: start)
            default:
                throw Unsupported()
            }
        }
    }

    private mutating func flowMapping() throws(Unsupported) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        let start = position
        index += 1
        skipSpaces()
        if current == .rightBrace {
            index += 1
            return YAMLNode(.mapping([]), at: start)
        }
        let first = pendingPairs.count
        while true {
            let key = try scalar(flow: true)
            guard current == .colon, peek(index + 1) == .space else { throw Unsupported() }
            index += 1
            skipSpaces()
            guard let next = current, next != .comma, next != .rightBrace else { throw Unsupported() }
            let value = try flowNode()
            pendingPairs.append(YAMLNode.Pair(key: key.node, value: value))
            skipSpaces()
            switch current {
            case .comma:
                index += 1
                skipSpaces()
                if current == .rightBrace { throw Unsupported() }
            case .rightBrace:
                index += 1
                return YAMLNode(.mapping(takePairs(from: first)), at: start)
            default:
                throw Unsupported()
            }
        }
    }

    // MARK: Scalars

    /// A plain, single- or double-quoted scalar on the current line. The cursor ends right after
    /// it (for a plain scalar: after its last non-space character).
    private mutating func scalar(flow: Bool) throws(Unsupported) -> (node: YAMLNode, start: Int) {
        let start = index
        let at = position
        switch current {
        case .doubleQuote?: return (YAMLNode(.scalar(try doubleQuoted(), .quoted), at: at), start)
        case .singleQuote?: return (YAMLNode(.scalar(try singleQuoted(), .quoted), at: at), start)
        default: return (YAMLNode(.scalar(try plain(flow: flow), .plain), at: at), start)
        }
    }

    private mutating func plain(flow: Bool) throws(Unsupported) -> String {
        guard let first = current, Self.canStartPlain(first) || (first == .minus && peek(index + 1).map(Self.canStartPlain) == true) else {
            throw Unsupported()
        }
        let start = index
        var end = index
        scan: while let byte = current {
            switch byte {
            case .lineFeed:
                break scan
            case .colon:
                if isBlankOrEnd(index + 1) { break scan }
                // `a:b` is one scalar to libyaml, but `a:,` in a flow is an error: leave both to it.
                throw Unsupported()
            case .hash:
                if bytes[index - 1] == .space { break scan }
                throw Unsupported()
            case .comma, .leftBracket, .rightBracket, .leftBrace, .rightBrace:
                if flow {
                    if byte == .leftBracket || byte == .leftBrace { throw Unsupported() }
                    break scan
                }
            default:
                break
            }
            index += 1
            if byte != .space { end = index }
        }
        index = end
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Letters, digits and the few punctuation marks that start a plain scalar the same way in
    /// every YAML context (`-` is handled by the caller: `-x` is a scalar, `- x` an entry).
    private static func canStartPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "("),
             UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "$"):
            return true
        default:
            return false
        }
    }

    /// `"…"` with at most `\\` and `\"` escapes, on one line.
    private mutating func doubleQuoted() throws(Unsupported) -> String {
        index += 1
        let start = index
        var escaped: [UInt8]?
        while let byte = current {
            switch byte {
            case .doubleQuote:
                let text = escaped.map { String(decoding: $0, as: UTF8.self) }
                    ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            case .backslash:
                guard let next = peek(index + 1), next == .backslash || next == .doubleQuote else { throw Unsupported() }
                if escaped == nil { escaped = Array(bytes[start..<index]) }
                escaped!.append(next)
                index += 2
            case .lineFeed:
                throw Unsupported()
            default:
                escaped?.append(byte)
                index += 1
            }
        }
        throw Unsupported()
    }

    /// `'…'` with `''` for a quote, on one line.
    private mutating func singleQuoted() throws(Unsupported) -> String {
        index += 1
        var text: [UInt8] = []
        while let byte = current {
            switch byte {
            case .singleQuote:
                if peek(index + 1) == .singleQuote {
                    text.append(.singleQuote)
                    index += 2
                } else {
                    index += 1
                    return String(decoding: text, as: UTF8.self)
                }
            case .lineFeed:
                throw Unsupported()
            default:
                text.append(byte)
                index += 1
            }
        }
        throw Unsupported()
    }
}

private extension UInt8 {
    static let lineFeed = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let percent = UInt8(ascii: "%")
    static let leftBracket = UInt8(ascii: "[")
    static let rightBracket = UInt8(ascii: "]")
    static let leftBrace = UInt8(ascii: "{")
    static let rightBrace = UInt8(ascii: "}")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")
}
