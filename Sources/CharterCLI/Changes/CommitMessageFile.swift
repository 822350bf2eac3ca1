import CharterGit
import CharterCore
import Foundation

/// A commit message as the commit-msg hook sees it, before git cleans it up.
enum CommitMessageFile {
    /// What git keeps by default (`--cleanup=strip`): no comment lines, nothing below the
    /// scissors line of `git commit -v`.
    static func clean(_ text: String) -> String {
        // Appended line by line: `[Substring].joined(separator:)` is not specialised, and its
        // first use costs the commit-msg hook a scan of the binary's protocol conformances.
        var cleaned = ""
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# ------------------------ >8 ------------------------") { break }
            if line.hasPrefix("#") { continue }
            if !first { cleaned.append("\n") }
            cleaned.append(contentsOf: line)
            first = false
        }
        return cleaned
    }
}

/// Who is making the commit, as git will record it.
enum CommitIdentity {
    static func author(_ repository: Repository) throws -> CharterCore.Signature {
        // Read one by one, not by copying the whole environment (the commit-msg hook's cost).
        func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        let name = environment("GIT_AUTHOR_NAME") ?? (try? repository.configString("user.name")) ?? "unknown"
        let email = environment("GIT_AUTHOR_EMAIL") ?? (try? repository.configString("user.email")) ?? ""
        // The date the commit will carry: GIT_AUTHOR_DATE when set (`git commit --amend` sets it
        // to the amended commit's; scripts set it), else now. It decides freeze windows.
        let (time, offset) = environment("GIT_AUTHOR_DATE").flatMap(gitDate)
            ?? (Int64(Clock.now), Clock.localOffsetMinutes())
        return CharterCore.Signature(name: name, email: email, time: time, offsetMinutes: offset)
    }

    /// `GIT_AUTHOR_DATE` as git reads it (a date without a zone is local time); `nil` for git's
    /// free-form dates (the hook then judges by today's date).
    static func gitDate(_ text: String) -> (time: Int64, offsetMinutes: Int)? {
        GitDate.parse(text, zonelessOffsetMinutes: Clock.localOffsetMinutes())
    }
}
