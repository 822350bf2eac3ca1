/// A named, dated snapshot of the plans that later versions are measured against: in git, the
/// annotated tag `refs/tags/charter/baseline/<name>` on the commit whose plans it freezes.
public struct Baseline: Hashable, Sendable {
    /// Where baselines live under `refs/tags/`.
    public static let tagPrefix = "charter/baseline/"
    /// What to push and fetch to share them.
    public static let refspec = "refs/tags/charter/baseline/*"

    /// The name the user gave (`q1-plan`), without the tag prefix.
    public var name: String
    /// The full id of the commit whose plans are the baseline.
    public var commit: String
    /// That commit's subject line.
    public var commitSummary: String
    /// When the baseline was made: the tag's date (a lightweight tag's commit date).
    public var date: Signature
    /// Who made it; `nil` for a lightweight tag, which records no one.
    public var tagger: Signature?
    /// Why it was made (the tag message); `nil` for a lightweight tag.
    public var message: String?

    public init(name: String, commit: String, commitSummary: String, date: Signature, tagger: Signature?, message: String?) {
        self.name = name
        self.commit = commit
        self.commitSummary = commitSummary
        self.date = date
        self.tagger = tagger
        self.message = message
    }

    public var tagName: String { Baseline.tagPrefix + name }

    /// Newest first; equal dates by name, so the order never depends on how tags are stored.
    public static func newestFirst(_ a: Baseline, _ b: Baseline) -> Bool {
        if a.date.time != b.date.time { return a.date.time > b.date.time }
        return NaturalOrder.less(a.name, b.name)
    }
}
