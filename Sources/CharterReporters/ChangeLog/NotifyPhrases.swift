import CharterCore

/// How a change request's `notify` list reads in text and markdown: each person by their GitHub
/// login (plain, so a pasted log pings nobody; `@login` with `--mentions`), else their id in
/// people.yaml, with why they are told.
enum NotifyPhrases {
    /// "carol-gh (owns payments-v2/M2), dave (informed on payments-v2)", or `nil` when nobody.
    static func line(_ list: NotifyList?, mentions: Bool, markdown: Bool = false) -> String? {
        guard let list, !list.isEmpty else { return nil }
        return list.recipients.map { recipient in
            let reasons = grouped(recipient.reasons).joined(separator: "; ")
            let handle = self.handle(recipient, mentions: mentions)
            let shown = markdown ? (mentions && recipient.login != nil ? handle : ChangeLogMarkdownReporter.escape(handle)) : handle
            return "\(shown) (\(markdown ? ChangeLogMarkdownReporter.escape(reasons) : reasons))"
        }.joined(separator: ", ")
    }

    /// `**Notify:** …` and a blank line for a pull-request comment; nothing when nobody, or when
    /// it would take more than `budget` bytes (then the count alone).
    static func markdownBlock(_ list: NotifyList?, mentions: Bool, budget: Int) -> String {
        guard let line = line(list, mentions: mentions, markdown: true) else { return "" }
        let block = "**Notify:** \(line)\n\n"
        if block.utf8.count <= budget { return block }
        return "**Notify:** \(Plural.count(list!.recipients.count, "person", plural: "people")) (`charter changes --format json` lists them)\n\n"
    }

    static func handle(_ recipient: NotifyList.Recipient, mentions: Bool) -> String {
        guard let login = recipient.login else { return recipient.person }
        return mentions ? "@" + login : login
    }

    /// One phrase per reason, a dependent named once with everything it depends on.
    static func grouped(_ concerns: [ChangeAudience.Concern]) -> [String] {
        var dependencies: [String: [String]] = [:]
        for concern in concerns where concern.kind == .dependentOwner {
            dependencies[concern.subject, default: []].append(concern.dependsOn ?? "it")
        }
        var named: Set<String> = []
        return concerns.compactMap { concern in
            guard concern.kind == .dependentOwner else { return reason(concern) }
            guard named.insert(concern.subject).inserted else { return nil }
            return "owns \(concern.subject), which depends on \(dependencies[concern.subject]!.joined(separator: " and "))"
        }
    }

    static func reason(_ concern: ChangeAudience.Concern) -> String {
        switch concern.kind {
        case .milestoneOwner: return "owns \(concern.subject)"
        case .dependentOwner: return "owns \(concern.subject), which depends on \(concern.dependsOn ?? "it")"
        case .stakeholder: return "\(concern.role ?? "stakeholder") on \(concern.subject)"
        }
    }
}

/// `notify` in a record's JSON and YAML.
struct NotifyDocument: Encodable, Sendable {
    struct Reason: Encodable, Sendable {
        var kind: String
        var subject: String
        @Nullable var dependsOn: String?
        @Nullable var role: String?

        enum CodingKeys: String, CodingKey {
            case kind, subject, role
            case dependsOn = "depends_on"
        }
    }

    var person: String
    @Nullable var name: String?
    @Nullable var login: String?
    var reasons: [Reason]

    static func entries(_ list: NotifyList?) -> [NotifyDocument] {
        (list?.recipients ?? []).map { recipient in
            NotifyDocument(person: recipient.person, name: recipient.name, login: recipient.login, reasons: recipient.reasons.map {
                Reason(kind: $0.kind.rawValue, subject: $0.subject, dependsOn: $0.dependsOn, role: $0.role)
            })
        }
    }
}
