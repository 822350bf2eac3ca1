import CharterCore

/// The output formats of `charter baseline list --format`.
public enum BaselineListFormat: String, CaseIterable, Sendable {
    case text
    case json
}

/// `charter baseline list` and `show`: baselines as a table, one block, or JSON.
public enum BaselineReporter {
    public static func renderList(_ baselines: [Baseline], as format: BaselineListFormat) -> String {
        switch format {
        case .json:
            return encodeJSON(baselines.map(BaselineJSON.init))
        case .text:
            guard !baselines.isEmpty else {
                return "no baselines yet; make one with: charter baseline create NAME [-m MESSAGE]\n"
            }
            let rows = baselines.map { baseline in
                [baseline.name, baseline.date.day.description, who(baseline), String(baseline.commit.prefix(8)),
                 firstLine(baseline.message) ?? "(lightweight tag) " + baseline.commitSummary]
            }
            return TextTable().render(rows).map(\.escapingControlCharacters).joined(separator: "\n") + "\n"
        }
    }

    /// Everything about one baseline, for `charter baseline show`.
    public static func renderDetails(_ baseline: Baseline, as format: BaselineListFormat) -> String {
        if format == .json { return encodeJSON(BaselineJSON(baseline)) }
        var lines = [
            "baseline \(baseline.name)",
            "tag      refs/tags/\(baseline.tagName)",
            "commit   \(baseline.commit) \(baseline.commitSummary)",
            "date     \(baseline.date.iso8601)",
            "by       \(who(baseline))",
        ]
        if let message = baseline.message, !message.isEmpty {
            lines.append("")
            lines += message.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        }
        return lines.map(\.escapingControlCharacters).joined(separator: "\n") + "\n"
    }

    /// What `charter baseline create` says: what was made, how to use it, how to share it.
    public static func renderCreated(_ baseline: Baseline) -> String {
        [
            "Created baseline \(baseline.name) on \(baseline.commit.prefix(8)) \"\(baseline.commitSummary)\" "
                + "(tag \(baseline.tagName), by \(who(baseline)), \(baseline.date.day)).",
            "Compare with it: charter variance --baseline \(baseline.name)",
            "Share it: git push origin '\(Baseline.refspec)'",
        ].map(\.escapingControlCharacters).joined(separator: "\n") + "\n"
    }

    /// What `charter baseline delete` says.
    public static func renderDeleted(_ baseline: Baseline) -> String {
        [
            "Deleted baseline \(baseline.name) (was on \(baseline.commit.prefix(8)) \"\(baseline.commitSummary)\").",
            "A pushed copy stays on the remote until: git push origin --delete refs/tags/\(baseline.tagName)",
        ].map(\.escapingControlCharacters).joined(separator: "\n") + "\n"
    }

    private static func who(_ baseline: Baseline) -> String {
        baseline.tagger.map { "\($0.name) <\($0.email)>" } ?? "(lightweight tag)"
    }

    private static func firstLine(_ text: String?) -> String? {
        guard let line = text?.split(separator: "\n").first else { return nil }
        return String(line)
    }
}

/// A baseline in JSON, in every report that names one.
struct BaselineJSON: Encodable {
    struct Person: Encodable {
        var name: String
        var email: String
    }

    var name: String
    var tag: String
    var commit: String
    var commitSummary: String
    var date: String
    @Nullable var tagger: Person?
    @Nullable var message: String?

    init(_ baseline: Baseline) {
        name = baseline.name
        tag = "refs/tags/" + baseline.tagName
        commit = baseline.commit
        commitSummary = baseline.commitSummary
        date = baseline.date.iso8601
        tagger = baseline.tagger.map { Person(name: $0.name, email: $0.email) }
        message = baseline.message
    }

    enum CodingKeys: String, CodingKey {
        case name, tag, commit, date, tagger, message
        case commitSummary = "commit_summary"
    }
}
