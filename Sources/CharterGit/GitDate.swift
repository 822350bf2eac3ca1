import CharterCore

/// The date formats git accepts in `GIT_COMMITTER_DATE` and `GIT_AUTHOR_DATE` that scripts
/// actually use: git's internal `@1767225600 +0100` (the `@` optional), ISO 8601
/// (`2026-01-12T10:00:00+01:00`, `2026-01-12 10:00:00 +0100`, `…Z`) and RFC 2822
/// (`Mon, 12 Jan 2026 10:00:00 +0100`). git's free-form "approxidate" (`yesterday`) is not.
/// One reader for every place charter meets these variables (the commit-msg hook's
/// `GIT_AUTHOR_DATE`, the tagger's `GIT_COMMITTER_DATE`), so they cannot disagree.
public enum GitDate {
    /// Seconds since 1970 and the offset east of UTC in minutes; `nil` when the text is none of
    /// the forms above. A date without a zone is local time, as git reads it: the caller passes
    /// the local offset, `zonelessOffsetMinutes`.
    public static func parse(_ text: String, zonelessOffsetMinutes: Int) -> (time: Int64, offsetMinutes: Int)? {
        let text = text.trimmingWhitespace()
        let parts = text.split(separator: " ").map(String.init)
        // git reads a bare number as seconds only from nine digits on (below, it is a year or a day).
        if let raw = parts.first, raw.hasPrefix("@") || raw.count >= 9,
           let seconds = Int64(raw.hasPrefix("@") ? String(raw.dropFirst()) : raw), parts.count <= 2 {
            let offset = parts.count == 2 ? zone(parts[1]) : 0
            return offset.map { (seconds, $0) }
        }
        return iso8601(text, zonelessOffsetMinutes: zonelessOffsetMinutes) ?? rfc2822(parts)
    }

    /// Date, `T` or space, `HH:MM[:SS][.fraction]`, an optional zone (`Z`, `+02:00`, ` +0200`).
    private static func iso8601(_ text: String, zonelessOffsetMinutes: Int) -> (time: Int64, offsetMinutes: Int)? {
        let pattern = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/
        guard let match = text.wholeMatch(of: pattern), let day = PlanDate(String(match.1)),
              let clock = seconds(String(match.2)) else { return nil }
        guard let offset = match.3.map({ zone(String($0)) }) ?? zonelessOffsetMinutes else { return nil }
        return (Int64(day.dayNumber) * 86_400 + Int64(clock) - Int64(offset) * 60, offset)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func rfc2822(_ parts: [String]) -> (time: Int64, offsetMinutes: Int)? {
        var fields = parts
        if let first = fields.first, first.hasSuffix(",") { fields.removeFirst() }  // "Mon,"
        guard fields.count == 5, let dayOfMonth = Int(fields[0]),
              let month = months.firstIndex(of: fields[1].lowercased().prefix(3).description),
              let year = Int(fields[2]), let day = PlanDate(year: year, month: month + 1, day: dayOfMonth),
              let clock = seconds(fields[3]), let offset = zone(fields[4]) else { return nil }
        return (Int64(day.dayNumber) * 86_400 + Int64(clock) - Int64(offset) * 60, offset)
    }

    /// `HH:MM:SS` or `HH:MM` → seconds into the day.
    private static func seconds(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).compactMap { Int($0) }
        guard parts.count == 3 || parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]),
              parts.count == 2 || (0...60).contains(parts[2])
        else { return nil }
        return parts[0] * 3600 + parts[1] * 60 + (parts.count == 3 ? parts[2] : 0)
    }

    /// `+0100`, `+01:00`, `-05`, `Z` → minutes east of UTC.
    private static func zone(_ text: String) -> Int? {
        if text == "Z" || text == "z" { return 0 }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.count == 4 || digits.count == 2, digits.allSatisfy(\.isNumber),
              let value = Int(digits) else { return nil }
        let minutes = digits.count == 2 ? value * 60 : (value / 100) * 60 + value % 100
        return sign == "-" ? -minutes : minutes
    }
}
