/// "Did you mean …?" for mistyped keys, ids and rule names.
public enum Suggestion {
    /// The closest candidate, if it is close enough to be a likely typo; of equally close ones,
    /// the first in alphabetical order. Not the first met: callers pass sets and dictionary keys
    /// (people ids, program folders), whose order differs between two equal sets, so the
    /// suggestion, and with it the finding, would differ between two validations of one workspace
    /// (a full one and an incremental one, or two runs).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        // Short ids (M1, R2) are all one edit apart: only a difference in case is a likely typo there.
        let limit = word.count <= 3 ? 0 : max(1, min(3, word.count / 3))
        var best: (candidate: String, distance: Int)?
        let lowered = word.lowercased()
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            // A short word missing (or with an extra) letter of a longer name is a typo too:
            // `dat` → `date`, `own` → `owner`; `M1` → `M10` is not (ids are short on both sides).
            let shortened = word.count <= 3 && candidate.count >= 4 && abs(candidate.count - word.count) == 1 && distance == 1
            guard distance <= limit || shortened else { continue }
            if let best, (best.distance, best.candidate) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// "; did you mean 'x'?" or "".
    public static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String {
        phrase(closest(to: word, in: candidates))
    }

    /// "; did you mean 'x'?" for a candidate found with `closest`, or "" for none. Findings
    /// carry the candidate too (`Finding.suggestion`), for the JSON and SARIF reports.
    public static func phrase(_ candidate: String?) -> String {
        candidate.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
