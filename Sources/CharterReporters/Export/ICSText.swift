/// The text rules of iCalendar (RFC 5545 §3.1, §3.3.11): TEXT values escaped, content lines
/// folded at 75 octets without splitting a UTF-8 sequence, CRLF after each.
enum ICSText {
    /// Backslash, semicolon, comma and line breaks escaped; other control characters dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default:
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) || character == "\t" {
                    result.append(character)
                }
            }
        }
        return result
    }

    /// A parameter value (e.g. CN): quoted when it holds `:`, `;` or `,`; DQUOTE and control
    /// characters cannot appear in one and are dropped.
    static func parameter(_ text: String) -> String {
        let clean = String(text.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F })
        return clean.contains(where: { ":;,".contains($0) }) ? "\"\(clean)\"" : clean
    }

    /// One content line, folded: no physical line longer than 75 octets; continuations start
    /// with a space. Splits only between characters, so a multi-byte character stays whole.
    static func fold(_ line: String) -> String {
        var result = ""
        var width = 0
        for character in line {
            let octets = String(character).utf8.count
            if width + octets > 75 {
                result += "\r\n "
                width = 1
            }
            result.append(character)
            width += octets
        }
        return result + "\r\n"
    }
}
