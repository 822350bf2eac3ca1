/// How many terminal columns text takes: East Asian wide and fullwidth characters and emoji
/// take two, combining marks and other zero-width scalars none, everything else one. Tables
/// measure cells with it so a column of Japanese names or emoji still lines up.
extension String {
    public var displayWidth: Int {
        reduce(0) { $0 + $1.displayWidth }
    }

    /// The longest prefix that fits in `width` columns, with `…` in place of what is cut.
    public func truncated(toDisplayWidth width: Int) -> String {
        guard displayWidth > width else { return self }
        guard width > 0 else { return "" }
        var kept = "", used = 0
        for character in self {
            let next = character.displayWidth
            if used + next > width - 1 { break }
            kept.append(character)
            used += next
        }
        return kept + "…"
    }

    /// Padded with spaces on the right (or left) to `width` columns; never cut.
    public func padded(toDisplayWidth width: Int, alignment: TextTable.Alignment = .left) -> String {
        let missing = width - displayWidth
        guard missing > 0 else { return self }
        let spaces = String(repeating: " ", count: missing)
        return alignment == .left ? self + spaces : spaces + self
    }
}

extension Character {
    /// A grapheme cluster's columns: its first scalar decides (the marks that follow it add
    /// nothing), and an emoji presentation selector (U+FE0F) makes it two.
    public var displayWidth: Int {
        guard let first = unicodeScalars.first else { return 0 }
        if unicodeScalars.count > 1, first.properties.isEmoji,
           unicodeScalars.contains(where: { $0.value == 0xFE0F || $0.properties.isEmojiPresentation }) {
            return 2
        }
        return first.displayWidth
    }
}

extension Unicode.Scalar {
    var displayWidth: Int {
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return value == 0x09 ? 1 : 0
        default: break
        }
        if value == 0x200B || (0xFE00...0xFE0F).contains(value) { return 0 }
        if properties.isEmojiPresentation { return 2 }
        return Self.isWide(value) ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks of UAX #11.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
