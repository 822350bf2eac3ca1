import CharterCore

/// The output formats of `charter changes --format`.
public enum ChangeLogFormat: String, CaseIterable, Sendable {
    case text
    case json
    case yaml
    case markdown
    case csv
}

/// What a change-log reporter needs besides the records.
public struct ChangeLogContext: Sendable {
    /// The range as the user gave it (`HEAD`, `v1.0..main`), for headings.
    public var range: String
    public var useColor: Bool
    /// The history stopped at a shallow clone's boundary: older changes are not listed.
    public var reachedShallowBoundary: Bool
    /// Lessons learned each record brings back (by CR id), judged against the lessons of the
    /// plans being read now, not frozen into the records; `nil` when they were not looked up
    /// (JSON and YAML then leave the key out, as the files of `--write` do).
    public var lessons: [String: [RecalledLesson]]?
    /// Who must hear about each record, by record id: computed when the log is shown (`NotifyList`).
    public var notify: [String: NotifyList] = [:]
    /// Show GitHub logins as `@login` (they ping when pasted into GitHub), not plain.
    public var mentions = false

    public init(range: String = "HEAD", useColor: Bool = false, reachedShallowBoundary: Bool = false,
                lessons: [String: [RecalledLesson]]? = nil) {
        self.range = range
        self.useColor = useColor
        self.reachedShallowBoundary = reachedShallowBoundary
        self.lessons = lessons
    }

    /// What a record brings back.
    func lessons(for record: ChangeRequest) -> [RecalledLesson] { lessons?[record.id] ?? [] }
}

/// A pure function from change-request records to text.
public protocol ChangeLogReporter: Sendable {
    static var format: ChangeLogFormat { get }
    static func render(_ records: [ChangeRequest], context: ChangeLogContext) -> String
    /// `render`'s text as UTF-8, what a command writes out: a reporter that writes bytes
    /// (`ChangeLogJSONReporter`, megabytes on a long history) makes no `String` of them.
    static func renderUTF8(_ records: [ChangeRequest], context: ChangeLogContext) -> [UInt8]
}

extension ChangeLogReporter {
    public static func renderUTF8(_ records: [ChangeRequest], context: ChangeLogContext) -> [UInt8] {
        Array(render(records, context: context).utf8)
    }
}

public enum ChangeLogReporters {
    public static func reporter(for format: ChangeLogFormat) -> any ChangeLogReporter.Type {
        switch format {
        case .text: return ChangeLogTextReporter.self
        case .json: return ChangeLogJSONReporter.self
        case .yaml: return ChangeLogYAMLReporter.self
        case .markdown: return ChangeLogMarkdownReporter.self
        case .csv: return ChangeLogCSVReporter.self
        }
    }

    public static func render(_ records: [ChangeRequest], as format: ChangeLogFormat, context: ChangeLogContext) -> String {
        reporter(for: format).render(records, context: context)
    }

    public static func renderUTF8(_ records: [ChangeRequest], as format: ChangeLogFormat, context: ChangeLogContext) -> [UInt8] {
        reporter(for: format).renderUTF8(records, context: context)
    }
}

/// Phrases the text, markdown and CSV change logs share.
enum ChangeLogPhrases {
    static func approvalState(_ record: ChangeRequest) -> String {
        if !record.approvalRequired { return record.approved ? "approved (not required)" : "no approval required" }
        return record.approved ? "approval required: approved" : "approval required: MISSING"
    }

    static func approvers(_ record: ChangeRequest) -> String {
        record.approvals.filter(\.counts).map { approval in
            approval.name + (approval.roles.isEmpty ? "" : " (\(approval.roles.joined(separator: ", ")))")
                + (approval.source == .note ? " [note]" : "")
        }.joined(separator: "; ")
    }

    static func impactLine(_ record: ChangeRequest) -> String {
        let impact = record.impact
        var parts: [String] = []
        if impact.maxSlipDays > 0 { parts.append("max slip \(impact.maxSlipDays)d (\(impact.milestonesSlipped.joined(separator: ", ")))") }
        if impact.budgetDelta != 0 { parts.append("budget \(Money.signed(impact.budgetDelta))") }
        if impact.budgetLinesDelta != 0 && impact.budgetDelta == 0 { parts.append("budget lines \(Money.signed(impact.budgetLinesDelta))") }
        if !impact.milestonesAdded.isEmpty { parts.append("milestones added \(impact.milestonesAdded.joined(separator: ", "))") }
        if !impact.milestonesRemoved.isEmpty { parts.append("milestones removed \(impact.milestonesRemoved.joined(separator: ", "))") }
        if !impact.risksAdded.isEmpty { parts.append("risks added \(impact.risksAdded.joined(separator: ", "))") }
        if !impact.risksClosed.isEmpty { parts.append("risks closed \(impact.risksClosed.joined(separator: ", "))") }
        if !impact.scopeAdded.isEmpty { parts.append("scope + \(impact.scopeAdded.joined(separator: ", "))") }
        if !impact.scopeRemoved.isEmpty { parts.append("scope − \(impact.scopeRemoved.joined(separator: ", "))") }
        if impact.personDaysAdded > 0 { parts.append("+\(Money.format(impact.personDaysAdded)) person-days") }
        if impact.personDaysRemoved > 0 { parts.append("−\(Money.format(impact.personDaysRemoved)) person-days") }
        return parts.isEmpty ? "no schedule, budget, scope or risk impact" : parts.joined(separator: "; ")
    }

    /// "date 2026-05-01 → 2026-05-15"; for lists what was added and removed: "scope.in +Partial refunds".
    static func fieldPhrase(_ field: FieldChange) -> String {
        if case .list? = field.from ?? field.to {
            let delta = field.listDelta
            let parts = delta.added.map { "+" + $0 } + delta.removed.map { "−" + $0 }
            if !parts.isEmpty { return "\(field.field) " + parts.joined(separator: ", ") }
        }
        return "\(field.field) \(field.from?.description ?? "∅") → \(field.to?.description ?? "∅")"
    }

    /// One line per change: "payments-v2/M2 milestone modified: date 2026-05-01 → 2026-05-15 (+14d)".
    static func changeLine(_ change: EntityChange) -> String {
        let subject = change.entity == .program ? change.id : change.qualifiedID
        var line = "\(subject) \(change.entity.noun) \(change.change.rawValue)"
        if let from = change.movedFrom { line += " from \(from)" }
        if change.change == .modified {
            let fields = change.fields.map { field in
                change.entity == .kpi && ["baseline", "target", "current"].contains(field.field)
                    ? "\(field.field) " + KPIPhrases.measurement(field, in: change) : fieldPhrase(field)
            }
            if !fields.isEmpty { line += ": " + fields.joined(separator: "; ") }
        }
        if let slip = change.slipDays, slip != 0 { line += " (\(DiffFormatting.signedDays(slip)))" }
        return line
    }
}
