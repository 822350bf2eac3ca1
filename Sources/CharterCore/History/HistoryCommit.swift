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
