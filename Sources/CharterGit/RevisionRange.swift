/// Which commits a history walk covers, in the forms git accepts on its command line.
public enum RevisionRange: Hashable, Sendable, CustomStringConvertible {
    /// `REV`: the commit and all its ancestors.
    case ancestors(of: String)
    /// `A..B`: what `B` has that `A` does not (the ancestors of `B` minus those of `A`).
    case between(String, String)
    /// `A...B`: what either side has that the other does not (both sides' ancestors minus
    /// those of all their merge bases).
    case symmetricDifference(String, String)
    /// The general form, like `git rev-list B C ^A`: ancestors of `including` minus
    /// ancestors of `excluding`.
    case revisions(including: [String], excluding: [String])

    /// `HEAD` and everything before it.
    public static let head = RevisionRange.ancestors(of: "HEAD")

    /// Reads `REV`, `A..B` or `A...B`; an empty side means `HEAD`, as in git (`main..`,
    /// `...topic`). An empty string means `HEAD`.
    public init(_ text: String) {
        let text = text.trimmingWhitespace()
        if let dots = text.firstRange(ofText: "...") {
            self = .symmetricDifference(
                RevisionRange.orHead(text[..<dots.lowerBound]), RevisionRange.orHead(text[dots.upperBound...]))
        } else if let dots = text.firstRange(ofText: "..") {
            self = .between(
                RevisionRange.orHead(text[..<dots.lowerBound]), RevisionRange.orHead(text[dots.upperBound...]))
        } else {
            self = .ancestors(of: RevisionRange.orHead(Substring(text)))
        }
    }

    public var description: String {
        switch self {
        case .ancestors(let revision): return revision
        case .between(let from, let to): return "\(from)..\(to)"
        case .symmetricDifference(let left, let right): return "\(left)...\(right)"
        case .revisions(let including, let excluding):
            return (including + excluding.map { "^" + $0 }).joined(separator: " ")
        }
    }

    private static func orHead(_ side: Substring) -> String {
        side.isEmpty ? "HEAD" : String(side)
    }
}

private extension String {
    /// The first occurrence of `needle`, without Foundation's overloads.
    func firstRange(ofText needle: String) -> Range<String.Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) {
                return index..<self.index(index, offsetBy: needle.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
