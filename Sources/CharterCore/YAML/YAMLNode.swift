/// A YAML document as Charter sees it: scalars stay text (our schema types them, not YAML 1.1's
/// guesses), and every node keeps the position where it starts. `Sendable`, unlike Yams' `Node`.
public struct YAMLNode: Sendable, Hashable {
    public enum ScalarStyle: Sendable, Hashable {
        /// Unquoted: `~`, `null` and nothing at all mean "no value".
        case plain
        case quoted
        /// `|` or `>`.
        case block
    }

    public struct Pair: Sendable, Hashable {
        public var key: YAMLNode
        public var value: YAMLNode
    }

    public enum Content: Sendable, Hashable {
        case scalar(String, ScalarStyle)
        case mapping([Pair])
        case sequence([YAMLNode])
    }

    public var content: Content
    public var position: TextPosition

    public init(_ content: Content, at position: TextPosition) {
        self.content = content
        self.position = position
    }

    /// The scalar's text, if this is a scalar.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// A plain `~`, `null`, `Null`, `NULL` or empty scalar: YAML's way of writing "no value".
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = content else { return false }
        // Asked for every value of every file: most are decided by their first byte.
        switch text.utf8.first {
        case nil: return true
        case UInt8(ascii: "~"): return text == "~"
        case UInt8(ascii: "n"), UInt8(ascii: "N"): return text == "null" || text == "Null" || text == "NULL"
        default: return false
        }
    }

    public var pairs: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value under a scalar key, if this is a mapping that has it.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        // Asked for every field of every entity: keys of another length are passed over
        // without comparing their text.
        let length = key.utf8.count
        for pair in pairs {
            if case .scalar(let text, _) = pair.key.content, text.utf8.count == length, text == key { return pair.value }
        }
        return nil
    }

    /// What a TPM would call this kind of value, for "expected a date, found a list".
    public var kindName: String {
        switch content {
        case .scalar: return isNull ? "nothing" : "a text value"
        case .mapping: return "a mapping (key: value pairs)"
        case .sequence: return "a list"
        }
    }
}
