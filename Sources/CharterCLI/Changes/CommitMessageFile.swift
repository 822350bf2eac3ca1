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
    static func author(_ repository: Repository) throws -> CharterCore.CommitFacts.Person {
        let environment = ProcessInfo.processInfo.environment
        let name = environment["GIT_AUTHOR_NAME"] ?? (try? repository.configString("user.name")) ?? "unknown"
        let email = environment["GIT_AUTHOR_EMAIL"] ?? (try? repository.configString("user.email")) ?? ""
        let now = Int64(Date().timeIntervalSince1970)
        let offset = TimeZone.current.secondsFromGMT() / 60
        return CharterCore.CommitFacts.Person(name: name, email: email, time: now, offsetMinutes: offset)
    }
}
