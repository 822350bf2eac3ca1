import CharterGit
import Foundation

/// A range as `changes` and `check` take it: anything `RevisionRange` reads, plus `REV^!`
/// (the commit alone, as in `git log REV^!` and `charter diff REV^!`).
enum RangeArgument {
    static func parse(_ text: String, in repository: Repository) throws -> RevisionRange {
        guard text.hasSuffix("^!") else { return RevisionRange(text) }
        let revision = String(text.dropLast(2))
        let commit = try Git.call { try repository.commit(revision) }
        return .revisions(including: [commit.id.hex], excluding: commit.parentIDs.map(\.hex))
    }

    /// The newer end: `B` in `A..B` and `A...B`, `REV` in `REV^!`, else the revision itself.
    static func tip(of range: String) -> String {
        if range.hasSuffix("^!") { return String(range.dropLast(2)) }
        for separator in ["...", ".."] {
            if let found = range.range(of: separator) {
                let tip = String(range[found.upperBound...])
                return tip.isEmpty ? "HEAD" : tip
            }
        }
        return range
    }
}
