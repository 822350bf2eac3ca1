/// TaskJuggler identifiers and strings for charter's ids and names.
///
/// A TaskJuggler id is `[A-Za-z_][A-Za-z0-9_]*` and unique among its siblings; charter ids may
/// hold `-`, `.` or start with a digit (`payments-v2`, `1234`). Each id gets its own mapping,
/// deduplicated in the order ids are met, and the charter id itself is kept in the `CharterId`
/// attribute, so nothing depends on reversing the mapping.
struct TaskJugglerNames {
    private var used: Set<String>

    init(reserved: Set<String> = []) { used = reserved }

    /// A fresh identifier for `id` among the ones handed out so far.
    mutating func identifier(for id: String) -> String {
        var base = String(id.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) || scalar == "_")
                ? Character(scalar) : "_"
        })
        if base.isEmpty || base.first!.isNumber { base = "_" + base }
        var candidate = base
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(base)_\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// A double-quoted string: backslashes and quotes escaped, line breaks kept as spaces.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n", "\r\n", "\r", "\t": result += " "
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
