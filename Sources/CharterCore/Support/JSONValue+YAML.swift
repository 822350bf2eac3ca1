extension JSONValue {
    /// Block-style YAML: mappings and lists indented by two spaces, every string double-quoted
    /// unless it is plainly safe, so the output reads back exactly.
    public func yaml(indent: Int = 0) -> String {
        var out = ""
        emitYAML(into: &out, indent: indent, inList: false)
        return out
    }

    private func emitYAML(into out: inout String, indent: Int, inList: Bool) {
        let pad = String(repeating: "  ", count: indent)
        switch self {
        case .object(let pairs) where !pairs.isEmpty:
            for (offset, (key, value)) in pairs.enumerated() {
                let prefix = offset == 0 && inList ? "" : pad
                out += prefix + Self.yamlKey(key) + ":"
                value.emitNested(into: &out, indent: indent + 1)
            }
        case .array(let items) where !items.isEmpty:
            for item in items {
                out += pad + "- "
                switch item {
                case .object(let pairs) where !pairs.isEmpty: item.emitYAML(into: &out, indent: indent + 1, inList: true)
                case .array(let inner) where !inner.isEmpty:
                    out += "\n"
                    item.emitYAML(into: &out, indent: indent + 1, inList: false)
                default: out += item.yamlScalar + "\n"
                }
            }
        default:
            out += pad + yamlScalar + "\n"
        }
    }

    private func emitNested(into out: inout String, indent: Int) {
        switch self {
        case .object(let pairs) where !pairs.isEmpty:
            out += "\n"
            emitYAML(into: &out, indent: indent, inList: false)
        case .array(let items) where !items.isEmpty:
            out += "\n"
            emitYAML(into: &out, indent: indent, inList: false)
        default:
            out += " " + yamlScalar + "\n"
        }
    }

    private var yamlScalar: String {
        switch self {
        case .string(let text): return Self.yamlString(text)
        case .object: return "{}"
        case .array: return "[]"
        default: return rendered()
        }
    }

    private static func yamlKey(_ key: String) -> String {
        key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } && !key.isEmpty ? key : quote(key)
    }

    /// Plain when unambiguous text (no YAML 1.1 booleans, numbers, dates or punctuation), else quoted.
    static func yamlString(_ text: String) -> String {
        let reserved: Set<String> = ["", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
                                     "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "n", "Y", "N"]
        let safe = !reserved.contains(text) && Double(text) == nil && text.first.map { $0.isLetter } == true
            && text.allSatisfy { $0.isLetter || $0.isNumber || " _-./()@+'".contains($0) }
            && !text.hasSuffix(" ") && !text.contains(" #") && !text.contains(": ")
        return safe ? text : quote(text)
    }
}
