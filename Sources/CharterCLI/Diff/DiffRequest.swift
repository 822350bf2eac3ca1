/// What `charter diff` was asked to compare, read from its arguments, before git is opened.
///
/// | arguments       | from                         | to                         |
/// |-----------------|------------------------------|----------------------------|
/// | (none)          | HEAD (nothing on an unborn branch) | worktree (index with `--staged`) |
/// | `REV`           | REV                          | worktree (index with `--staged`) |
/// | `A..B`          | A                            | B                          |
/// | `A...B`         | the merge base of A and B    | B (what a pull request shows) |
/// | `REV^!`         | REV's first parent (nothing for a root commit) | REV     |
/// | `A B`           | A                            | B                          |
///
/// An empty side of `..` or `...` means HEAD, as in git.
struct DiffRequest: Equatable {
    enum From: Equatable {
        /// HEAD, or nothing when the branch has no commits yet.
        case head
        case revision(String)
        case mergeBase(String, String)
        case firstParent(of: String)
    }

    enum To: Equatable {
        case worktree
        case index
        case revision(String)
    }

    var from: From
    var to: To

    /// Reads the revision arguments; the message of a thrown error is for the user.
    static func parse(_ arguments: [String], staged: Bool) throws -> DiffRequest {
        let local: To = staged ? .index : .worktree
        switch arguments.count {
        case 0:
            return DiffRequest(from: .head, to: local)
        case 1:
            let argument = arguments[0]
            if let (a, b) = split(argument, on: "...") {
                try refuseStaged(staged, argument)
                return DiffRequest(from: .mergeBase(a, b), to: .revision(b))
            }
            if let (a, b) = split(argument, on: "..") {
                try refuseStaged(staged, argument)
                return DiffRequest(from: .revision(a), to: .revision(b))
            }
            if argument.hasSuffix("^!") {
                try refuseStaged(staged, argument)
                let revision = String(argument.dropLast(2))
                return DiffRequest(from: .firstParent(of: revision.isEmpty ? "HEAD" : revision), to: .revision(revision.isEmpty ? "HEAD" : revision))
            }
            return DiffRequest(from: .revision(argument), to: local)
        case 2:
            for argument in arguments where argument.contains("..") || argument.hasSuffix("^!") {
                throw CLIError("'\(argument)' is a range; give either one range or two revisions")
            }
            try refuseStaged(staged, arguments.joined(separator: " "))
            return DiffRequest(from: .revision(arguments[0]), to: .revision(arguments[1]))
        default:
            throw CLIError("give at most two revisions (or one range such as main...topic), not \(arguments.count)")
        }
    }

    /// Whether reading it needs a worktree (a bare repository has none).
    var needsWorktree: Bool { to == .worktree }

    private static func split(_ text: String, on separator: String) -> (String, String)? {
        guard let range = text.firstRange(ofText: separator) else { return nil }
        let a = String(text[..<range.lowerBound]), b = String(text[range.upperBound...])
        return (a.isEmpty ? "HEAD" : a, b.isEmpty ? "HEAD" : b)
    }

    private static func refuseStaged(_ staged: Bool, _ argument: String) throws {
        if staged { throw CLIError("--staged compares a revision with the index; '\(argument)' already names both sides") }
    }
}

extension String {
    /// The first occurrence of `needle`, without Foundation.
    fileprivate func firstRange(ofText needle: String) -> Range<String.Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
