extension JSONValue {
    /// On one line, no spaces: a JSON Lines record.
    public func compact() -> String {
        switch self {
        case .string, .number, .bool, .null: return rendered()
        case .array(let items): return "[" + items.map { $0.compact() }.joined(separator: ",") + "]"
        case .object(let pairs): return "{" + pairs.map { Self.quote($0.0) + ":" + $0.1.compact() }.joined(separator: ",") + "}"
        }
    }
}
