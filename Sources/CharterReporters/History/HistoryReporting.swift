import CharterCore

/// The output formats of `charter history` and `charter slips`.
public enum HistoryFormat: String, CaseIterable, Sendable {
    case text
    case json
    case markdown
}

/// What the history reporters need besides the values.
public struct HistoryContext: Sendable {
    /// The range as the user gave it, for headings.
    public var range: String
    public var useColor: Bool
    /// The history stopped at a shallow clone's boundary: older moves are not listed.
    public var reachedShallowBoundary: Bool
    /// The range leaves older commits out (`A..B`, `A...B`, `REV^!`), so a milestone can predate it.
    public var rangeHasLowerBound: Bool
    /// Plan commits read, and the first and last of them.
    public var commitsRead: Int
    public var first: PlanDate?
    public var last: PlanDate?

    public init(range: String = "HEAD", useColor: Bool = false, reachedShallowBoundary: Bool = false,
                rangeHasLowerBound: Bool = false, commitsRead: Int = 0, first: PlanDate? = nil, last: PlanDate? = nil) {
        self.range = range
        self.useColor = useColor
        self.reachedShallowBoundary = reachedShallowBoundary
        self.rangeHasLowerBound = rangeHasLowerBound
        self.commitsRead = commitsRead
        self.first = first
        self.last = last
    }

    /// "12 plan commits, 2026-01-12 … 2026-04-27".
    var span: String {
        let commits = "\(Plural.count(commitsRead, "plan commit"))"
        guard let first, let last else { return commits }
        return "\(commits), \(first) … \(last)"
    }

    static let shallowNote = "The clone is shallow: history stops at its boundary, so older moves are not counted (git fetch --unshallow for all of it)."
}

/// Phrases the text and markdown reports share.
enum HistoryPhrases {
    static func signed(_ days: Int) -> String { DiffFormatting.signedDays(days) }

    /// "slipped +14d: 2026-05-01 → 2026-05-15; status planned → at-risk".
    static func event(_ event: MilestoneEvent) -> String {
        var parts: [String] = []
        let from = event.dateFrom?.description ?? "no date", to = event.dateTo?.description ?? "no date"
        for kind in event.kinds {
            switch kind {
            case .added:
                parts.append((event.withProgram ? "added with its program" : "added") + (event.dateTo.map { " for \($0)" } ?? " (no date)"))
            case .scheduled: parts.append("scheduled for \(to)")
            case .unscheduled: parts.append("unscheduled (was \(from))")
            case .slipped: parts.append("slipped \(signed(event.days ?? 0)): \(from) → \(to)")
            case .pulledIn: parts.append("pulled in \(signed(event.days ?? 0)): \(from) → \(to)")
            case .statusChanged: parts.append("status \(event.statusFrom ?? "planned") → \(event.statusTo ?? "planned")")
            case .moved: parts.append("moved from \(event.movedFrom ?? "?") to \(event.ref.program)")
            case .removed: parts.append((event.withProgram ? "removed with its program" : "removed") + (event.dateFrom.map { " (was \($0))" } ?? ""))
            case .edited: parts.append("edited \(event.fields.joined(separator: ", "))")
            }
        }
        return parts.joined(separator: "; ")
    }

    static func date(_ date: PlanDate?) -> String { date?.description ?? "—" }

    /// "3 slips (+56d, largest +21d), 1 pull-in (-14d); first planned 2026-05-01, now 2026-06-12 (+42d)".
    static func summary(_ entry: SlipRanking.Entry) -> String {
        var text = "\(Plural.count(entry.slips, "slip"))"
        if entry.slips > 0 { text += " (\(signed(entry.daysSlipped)), largest \(signed(entry.largestSlip)))" }
        text += ", \(Plural.count(entry.pullIns, "pull-in"))"
        if entry.pullIns > 0 { text += " (\(signed(-entry.daysPulledIn)))" }
        text += "; first planned \(date(entry.firstPlanned)), now \(entry.status == "removed" ? "removed" : date(entry.current))"
        if let drift = entry.netDrift { text += " (\(signed(drift)) net)" }
        return text
    }

    static func score(_ then: Int?, _ now: Int?) -> String {
        let a = then.map(String.init) ?? "?", b = now.map(String.init) ?? "?"
        return a == b ? a : "\(a) → \(b)"
    }

    /// "2026-01-12" or "≤2026-01-12" when it was open before the first commit read.
    static func openSince(_ age: RiskAge) -> String { (age.openSinceKnown ? "" : "≤") + age.openSince.description }
    static func age(_ age: RiskAge) -> String { (age.openSinceKnown ? "" : "≥") + "\(age.ageDays)d" }
}
