/// How scalar text is read as our schema's types.
public enum ScalarParsing {
    public static func isIdentifier(_ text: String) -> Bool { isIdentifier(text.utf8[...]) }

    /// `M3` or `program/M3`. Runs for every reference of every milestone: no splitting, no copies.
    static func isReference(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return isIdentifier(bytes[...]) }
        return isIdentifier(bytes[..<slash]) && isIdentifier(bytes[bytes.index(after: slash)...])
    }

    private static func isIdentifier(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first, isIDByte(first), first != UInt8(ascii: "."), first != UInt8(ascii: "-") else {
            return false
        }
        return bytes.allSatisfy(isIDByte)
    }

    /// Letters, digits, `.`, `_`, `-`: the bytes an id is made of.
    public static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// Decimal numbers as people write amounts: `1250000`, `1_250_000`, `12.5`. No hex, no infinity.
    static func number(_ text: String) -> Double? {
        let cleaned = text.contains("_") ? String(text.filter { $0 != "_" }) : text
        guard let first = cleaned.utf8.first,
              first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || (48...57).contains(first),
              cleaned.utf8.allSatisfy({ (48...57).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                  || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "+") }),
              let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    static func boolean(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }
}
