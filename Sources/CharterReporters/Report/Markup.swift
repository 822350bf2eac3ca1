import CharterCore

/// Builds HTML that is also well-formed XML (every element closed, every attribute quoted,
/// only XML's five entities), so a test can check it with an XML parser.
enum Markup {
    /// Text safe in element content and in double- or single-quoted attributes. Control
    /// characters XML forbids are dropped; line breaks and tabs are kept.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Line breaks and tabs are kept; what XML 1.0 cannot hold (other C0 controls,
                // U+FFFE, U+FFFF) is dropped.
                if XMLCharacters.isAllowed(scalar.value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// `<name a="v">`: attribute values escaped, `nil` values left out.
    static func open(_ name: String, _ attributes: [(String, String?)] = []) -> String {
        "<" + name + attributeText(attributes) + ">"
    }

    /// `<name a="v"/>`.
    static func empty(_ name: String, _ attributes: [(String, String?)] = []) -> String {
        "<" + name + attributeText(attributes) + "/>"
    }

    /// `<name a="v">escaped text</name>`.
    static func element(_ name: String, _ attributes: [(String, String?)] = [], text: String) -> String {
        open(name, attributes) + escape(text) + "</\(name)>"
    }

    private static func attributeText(_ attributes: [(String, String?)]) -> String {
        var out = ""
        for (key, value) in attributes {
            guard let value else { continue }
            out += " \(key)=\"\(escape(value))\""
        }
        return out
    }

    /// A number for SVG coordinates: at most one decimal, no exponent, no "-0".
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded(), let whole = SafeNumber.int64(rounded) { return String(whole) }
        return DiffFormatting.oneDecimal(rounded)
    }

    /// Text cut to `limit` characters with an ellipsis.
    static func cut(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
