/// Who moved something, when, why and with whose approval: the part of a change request every
/// ledger event repeats.
public struct HistoryCommit: Hashable, Sendable {
    /// Whether a change request was approved, as a director asks it.
    public enum ApprovalState: String, Hashable, Sendable {
        case approved = "yes"
        case unapproved = "no"
        case notRequired = "not required"
    }

    public var commit: String
    public var changeRequest: String
    /// The author's ISO 8601 date, and its calendar day.
    public var date: String
    public var day: PlanDate
    public var author: String
    public var authorEmail: String
    /// The author's id in people.yaml, when matched.
    public var person: String?
    /// The CR's reason, else its title: a ledger line always says why.
    public var why: String
    public var approval: ApprovalState

    /// `why` for one line of a ledger: its first paragraph, unwrapped, with "…" when more was
    /// left out. A commit body without a `Reason:` trailer can run to pages; the JSON keeps it all.
    public var briefWhy: String {
        let lines = why.split(separator: "\n", omittingEmptySubsequences: false)
        let paragraph = lines.prefix { !$0.allSatisfy(\.isWhitespace) }
        let brief = paragraph.map { $0.trimmingSpaces }.joined(separator: " ")
        return paragraph.count < lines.count ? brief + " …" : brief
    }

    public init(_ record: ChangeRequest) {
        commit = record.commit
        changeRequest = record.id
        date = record.author.date
        day = PlanDate(String(record.author.date.prefix(10))) ?? PlanDate(dayNumber: 0)
        author = record.author.name
        authorEmail = record.author.email
        person = record.author.person
        why = record.reason.flatMap { $0.isEmpty ? nil : $0 } ?? record.title
        // Approved although nothing required it still counts as approved.
        approval = record.approvalRequired ? (record.approved ? .approved : .unapproved)
            : (record.approved ? .approved : .notRequired)
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return text
    }
}
