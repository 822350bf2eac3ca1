/// The pull (or merge) request a commit came from, as its message names it.
public struct PullRequestReference: Hashable, Sendable {
    public enum Source: String, Hashable, Sendable {
        /// GitHub's merge commit: `Merge pull request #12 from owner/branch`.
        case githubMerge = "github-merge"
        /// GitLab's merge commit: a `See merge request group/project!12` line.
        case gitlabMerge = "gitlab-merge"
        /// Bitbucket's merge commit: `Merged in branch (pull request #12)`.
        case bitbucketMerge = "bitbucket-merge"
        /// A trailer that names a pull request: `PR: #12`, `Pull-Request: 12`,
        /// `PR-URL: https://github.com/o/r/pull/12`.
        case trailer
        /// A squash-merge title ending in `(#12)`, as GitHub writes it.
        case squashTitle = "squash-title"
        /// A `Refs: #12` (or `Ref:`, `References:`) trailer: weakest, since it may name an issue.
        case reference
    }

    public var number: Int
    public var source: Source

    public init(number: Int, source: Source) {
        self.number = number
        self.source = source
    }

    /// Trailer keys (compared case-insensitively) whose value names a pull request.
    public static let pullRequestKeys = ["PR", "Pull-Request", "PR-URL", "Pull-Request-URL", "Merge-Request", "MR"]
    public static let referenceKeys = ["Refs", "Ref", "References"]

    /// The most trustworthy reference in the message: a forge's own merge message first,
    /// then an explicit pull-request trailer, then a `(#12)` squash title, then `Refs:`.
    public static func find(in message: String, parser: TrailerParser = .commit) -> PullRequestReference? {
        find(in: CommitMessage(message, parser: parser), fullMessage: message)
    }

    public static func find(in message: CommitMessage, fullMessage: String) -> PullRequestReference? {
        let summary = message.summary
        if let rest = summary.dropPrefix("Merge pull request #"), let number = leadingNumber(rest),
           rest.dropFirst(String(number).count).hasPrefix(" ") || rest.count == String(number).count {
            return PullRequestReference(number: number, source: .githubMerge)
        }
        for line in fullMessage.split(separator: "\n", omittingEmptySubsequences: true) {
            let text = String(line).trimmingGitSpace()
            if let rest = text.dropPrefix("See merge request "), let bang = rest.lastIndex(of: "!"),
               let number = leadingNumber(rest[rest.index(after: bang)...]),
               rest[rest.index(after: bang)...].count == String(number).count {
                return PullRequestReference(number: number, source: .gitlabMerge)
            }
        }
        if summary.hasPrefix("Merged in "), let open = summary.lastRange(of: "(pull request #"),
           let number = leadingNumber(summary[open.upperBound...]) {
            return PullRequestReference(number: number, source: .bitbucketMerge)
        }
        for trailer in message.trailers where pullRequestKeys.contains(where: trailer.hasKey) {
            if let number = numberInValue(trailer.value, allowBare: true) {
                return PullRequestReference(number: number, source: .trailer)
            }
        }
        if let number = squashNumber(summary) {
            return PullRequestReference(number: number, source: .squashTitle)
        }
        for trailer in message.trailers where referenceKeys.contains(where: trailer.hasKey) {
            if let number = numberInValue(trailer.value, allowBare: false) {
                return PullRequestReference(number: number, source: .reference)
            }
        }
        return nil
    }

    /// `Title (#123)`: the number in the last parenthesised `#N` that ends the title.
    private static func squashNumber(_ summary: String) -> Int? {
        let title = summary.trimmingGitSpace()
        guard title.hasSuffix(")"), let open = title.lastRange(of: "(#") else { return nil }
        let digits = title[open.upperBound..<title.index(before: title.endIndex)]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(digits)
    }

    /// `#12`, `!12`, `owner/repo#12`, a forge URL ending in `/pull/12`, `/pulls/12`,
    /// `/merge_requests/12` or `/pull-requests/12`; a bare `12` only where `allowBare`.
    private static func numberInValue(_ value: String, allowBare: Bool) -> Int? {
        let text = value.trimmingGitSpace()
        let firstWord = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).first.map(String.init) ?? ""
        if let hash = firstWord.lastIndex(where: { $0 == "#" || $0 == "!" }) {
            let digits = firstWord[firstWord.index(after: hash)...]
            let before = firstWord[..<hash]
            let ownerRepoOrNothing = before.isEmpty || (!before.contains(":") && before.contains("/")) || before.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
            if ownerRepoOrNothing, !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) { return Int(digits) }
        }
        for marker in ["/pull/", "/pulls/", "/merge_requests/", "/pull-requests/"] {
            if let range = firstWord.lastRange(of: marker), let number = leadingNumber(firstWord[range.upperBound...]) {
                let rest = firstWord[range.upperBound...].dropFirst(String(number).count)
                if rest.isEmpty || rest.hasPrefix("/") || rest.hasPrefix("#") || rest.hasPrefix("?") { return number }
            }
        }
        if allowBare, !firstWord.isEmpty, firstWord.allSatisfy(\.isASCIIDigit) { return Int(firstWord) }
        return nil
    }

    private static func leadingNumber<S: StringProtocol>(_ text: S) -> Int? {
        let digits = text.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        return Int(digits)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

private extension String {
    func dropPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }

    /// The last occurrence of `needle`, without Foundation.
    func lastRange(of needle: String) -> Range<String.Index>? {
        var index = endIndex
        while index > startIndex {
            index = self.index(before: index)
            if self[index...].hasPrefix(needle) {
                return index..<self.index(index, offsetBy: needle.count)
            }
        }
        return nil
    }
}
