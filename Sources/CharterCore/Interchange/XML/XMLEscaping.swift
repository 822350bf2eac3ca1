/// The one place where text becomes XML: every character data and attribute value that
/// `XMLWriter` writes goes through `escaped(_:in:)`, nothing is escaped by hand elsewhere.
public enum XMLEscaping {
    public enum Context: Sendable {
        /// Between tags: `&`, `<`, `>` and CR (which a reader would turn into LF) as references.
        case text
        /// Inside double quotes: also `"`, and tab and line ends, which a reader would turn
        /// into spaces.
        case attribute
    }

    /// `text` as XML 1.0 can carry it. A character XML cannot carry at all, even as a
    /// reference (a control character other than tab and line ends, U+FFFE, U+FFFF), becomes
    /// U+FFFD, so the document stays well-formed.
    public static func escaped(_ text: String, in context: Context) -> String {
        guard text.unicodeScalars.contains(where: { needsWork($0, in: context) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            case "\"" where context == .attribute: result += "&quot;"
            case "\n" where context == .attribute: result += "&#10;"
            case "\t" where context == .attribute: result += "&#9;"
            default:
                result.unicodeScalars.append(XMLCharacters.isAllowed(scalar.value) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    private static func needsWork(_ scalar: Unicode.Scalar, in context: Context) -> Bool {
        switch scalar {
        case "&", "<", ">", "\r": true
        case "\"", "\n", "\t": context == .attribute
        default: !XMLCharacters.isAllowed(scalar.value)
        }
    }
}
