import CharterCore

/// The output formats of `charter digest --format`.
public enum DigestFormat: String, CaseIterable, Sendable {
    case text
    case markdown
}

/// `charter digest`: a person's week in plan changes, ready to paste into a weekly update.
public enum DigestReporter {
    /// - Parameter since: how the start was given ("2026-04-20", "v1.0"), for the heading.
    public static func render(_ digest: Digest, since: String, format: DigestFormat) -> String {
        switch format {
        case .text: return text(digest, since: since)
        case .markdown: return markdown(digest, since: since)
        }
    }

    static func who(_ digest: Digest) -> String {
        digest.name.map { "\($0) (\(digest.person))" } ?? digest.person
    }

    /// "you own payments-v2/M2; your mobile-app/M5 depends on payments-v2/M2; you are informed on identity".
    static func why(_ concerns: [ChangeAudience.Concern]) -> String {
        concerns.map { concern in
            switch concern.kind {
            case .milestoneOwner: return "you own \(concern.subject)"
            case .dependentOwner: return "your \(concern.subject) depends on \(concern.dependsOn ?? "it")"
            case .stakeholder:
                let role = concern.role ?? "stakeholder"
                return ["owner", "sponsor"].contains(role) ? "you are the \(role) of \(concern.subject)"
                    : "you are \(role) on \(concern.subject)"
            }
        }.joined(separator: "; ")
    }

    static func heading(_ digest: Digest, since: String) -> String {
        "Plan changes since \(since) for \(who(digest)): \(Plural.count(digest.items.count, "change request"))"
    }

    static func text(_ digest: Digest, since: String) -> String {
        var out = heading(digest, since: since) + "\n"
        for item in digest.items {
            let record = item.record
            out += "\n\(record.author.date.prefix(10))  \(record.id)  \(record.title)\n"
            out += "  by \(record.author.name) · \(ChangeLogPhrases.approvalState(record))\n"
            out += "  why: \(why(item.concerns))\n"
            for change in item.changes { out += "    \(ChangeLogPhrases.changeLine(change))\n" }
            for consequence in item.consequences {
                out += "    ⚠ \(consequence.program): \(consequence.message)\n"
            }
        }
        if digest.items.isEmpty { out += "nothing that concerns \(digest.person) changed\n" }
        return out
    }

    static func markdown(_ digest: Digest, since: String) -> String {
        let escape = ChangeLogMarkdownReporter.escape
        var out = "### \(escape(heading(digest, since: since)))\n\n"
        if digest.items.isEmpty { return out + "Nothing that concerns \(escape(digest.person)) changed.\n" }
        for item in digest.items {
            let record = item.record
            out += "- **\(escape(record.title))** (\(record.id), \(record.author.date.prefix(10)), by \(escape(record.author.name)); "
            out += "\(ChangeLogPhrases.approvalState(record)))\n"
            out += "  - Why: \(escape(why(item.concerns)))\n"
            for change in item.changes { out += "  - \(escape(ChangeLogPhrases.changeLine(change)))\n" }
            for consequence in item.consequences {
                out += "  - ⚠ \(escape(consequence.program)): \(escape(consequence.message))\n"
            }
        }
        return out
    }
}
