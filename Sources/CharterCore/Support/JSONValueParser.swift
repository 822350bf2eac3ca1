/// Reads JSON text into a `JSONValue`, keeping key order (Foundation's parser does not), so that
/// a Codable document can be re-emitted as YAML in the order it was written.
extension JSONValue {
    public init?(parsing text: String) {
        var parser = JSONTextParser(bytes: Array(text.utf8))
        guard let value = parser.value(), parser.atEnd else { return nil }
        self = value
    }
}

private struct JSONTextParser {
    let bytes: [UInt8]
    var index = 0

    var atEnd: Bool {
        mutating get { skipSpace(); return index == bytes.count }
    }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    mutating func value() -> JSONValue? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var pairs: [(String, JSONValue)] = []
            skipSpace()
            if consume("}") { return .object(pairs) }
            repeat {
                skipSpace()
                guard let key = string(), (skipSpace(), consume(":")).1, let value = value() else { return nil }
                pairs.append((key, value))
                skipSpace()
            } while consume(",")
            return consume("}") ? .object(pairs) : nil
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONValue] = []
            skipSpace()
            if consume("]") { return .array(items) }
            repeat {
                guard let item = value() else { return nil }
                items.append(item)
                skipSpace()
            } while consume(",")
            return consume("]") ? .array(items) : nil
        case UInt8(ascii: "\""):
            return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default:
            let start = index
            while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
            return Double(String(decoding: bytes[start..<index], as: UTF8.self)).map(JSONValue.number)
        }
    }

    mutating func consume(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue! else { return false }
        index += 1
        return true
    }

    mutating func literal(_ word: String, _ value: JSONValue) -> JSONValue? {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else { return nil }
        index += expected.count
        return value
    }

    mutating func string() -> String? {
        guard consume("\"") else { return nil }
        var chunkStart = index
        var result = ""
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                result += String(decoding: bytes[chunkStart..<index], as: UTF8.self)
                index += 1
                return result
            }
            if byte == UInt8(ascii: "\\") {
                result += String(decoding: bytes[chunkStart..<index], as: UTF8.self)
                index += 1
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "n"): result += "\n"
                case UInt8(ascii: "t"): result += "\t"
                case UInt8(ascii: "r"): result += "\r"
                case UInt8(ascii: "b"): result += "\u{08}"
                case UInt8(ascii: "f"): result += "\u{0C}"
                case UInt8(ascii: "u"):
                    guard let unit = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(unit), consume("\\"), consume("u"), let low = hex4() {
                        let combined = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        result.unicodeScalars.append(Unicode.Scalar(combined) ?? "\u{FFFD}")
                    } else {
                        result.unicodeScalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
                    }
                default: result.unicodeScalars.append(Unicode.Scalar(escape))
                }
                chunkStart = index
                continue
            }
            index += 1
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else { return nil }
        index += 4
        return value
    }
}

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
