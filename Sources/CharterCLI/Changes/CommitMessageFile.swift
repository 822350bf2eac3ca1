import CharterGit
import CharterCore
import Foundation

/// A commit message as the commit-msg hook sees it, before git cleans it up.
enum CommitMessageFile {
    /// What git keeps by default (`--cleanup=strip`): no comment lines, nothing below the
    /// scissors line of `git commit -v`.
    static func clean(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# ------------------------ >8 ------------------------") { break }
            if line.hasPrefix("#") { continue }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

/// Who is making the commit, as git will record it.
enum CommitIdentity {
    static func author(_ repository: Repository) throws -> CharterCore.Signature {
        let environment = ProcessInfo.processInfo.environment
        let name = environment["GIT_AUTHOR_NAME"] ?? (try? repository.configString("user.name")) ?? "unknown"
        let email = environment["GIT_AUTHOR_EMAIL"] ?? (try? repository.configString("user.email")) ?? ""
        // The date the commit will carry: GIT_AUTHOR_DATE when set (`git commit --amend` sets it
        // to the amended commit's; scripts set it), else now. It decides freeze windows.
        let (time, offset) = environment["GIT_AUTHOR_DATE"].flatMap(gitDate)
            ?? (Int64(Date().timeIntervalSince1970), TimeZone.current.secondsFromGMT() / 60)
        return CharterCore.Signature(name: name, email: email, time: time, offsetMinutes: offset)
    }

    /// Git's own date format (`@1712345678 +0200`, `1712345678 +0200`) and ISO 8601
    /// (`2026-06-05T10:00:00Z`, `2026-06-05 10:00:00 +02:00`; local time without a zone);
    /// `nil` for the other formats git accepts (the hook then judges by today's date).
    static func gitDate(_ text: String) -> (time: Int64, offsetMinutes: Int)? {
        let value = text.trimmingCharacters(in: .whitespaces)
        func zone(_ text: Substring) -> Int? {
            if text == "Z" || text == "z" { return 0 }
            let digits = text.dropFirst().filter { $0 != ":" }
            guard let sign = text.first, sign == "+" || sign == "-", digits.count == 4, let number = Int(digits) else { return nil }
            return (sign == "-" ? -1 : 1) * (number / 100 * 60 + number % 100)
        }
        let parts = value.split(separator: " ", omittingEmptySubsequences: true)
        if let first = parts.first, let seconds = Int64(first.hasPrefix("@") ? first.dropFirst() : first), first.count >= 9 {
            guard parts.count <= 2 else { return nil }
            return (seconds, parts.count == 2 ? zone(parts[1]) ?? 0 : 0)
        }
        // ISO 8601: date, 'T' or ' ', time, optional zone.
        let pattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|z|[+-]\d{2}:?\d{2})?$/
        guard let match = value.wholeMatch(of: pattern),
              let day = PlanDate("\(match.1)-\(match.2)-\(match.3)"),
              let hour = Int(match.4), let minute = Int(match.5) else { return nil }
        let second = match.6.flatMap { Int($0) } ?? 0
        let offset = match.7.flatMap { zone($0) } ?? TimeZone.current.secondsFromGMT() / 60
        let local = Int64(day.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return (local - Int64(offset) * 60, offset)
    }
}
