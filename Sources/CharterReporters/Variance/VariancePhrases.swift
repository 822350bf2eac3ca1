import CharterCore

/// The words and numbers every variance format shares, so text, markdown and the HTML report
/// say the same thing the same way.
public enum VariancePhrases {
    /// `+14d` (later), `-3d` (earlier), `0d`; `—` when a side has no date.
    public static func days(_ days: Int?) -> String {
        guard let days else { return "—" }
        return DiffFormatting.signedDays(days)
    }

    /// `2026-05-01`, or what stands in for a date that is not there.
    public static func date(_ date: PlanDate?, missing: String = "unscheduled") -> String {
        date?.description ?? missing
    }

    /// The baseline side of a milestone row: its date, or why it has none there.
    public static func baselineDate(_ milestone: MilestoneVariance) -> String {
        switch milestone.presence {
        case .added: return "(added)"
        case .movedIn: return date(milestone.date.baseline) + " in \(milestone.otherProgram ?? "?")"
        default: return date(milestone.date.baseline)
        }
    }

    /// The current side of a milestone row.
    public static func currentDate(_ milestone: MilestoneVariance) -> String {
        switch milestone.presence {
        case .removed: return "(removed)"
        case .movedOut: return "(moved to \(milestone.otherProgram ?? "?"))"
        default: return date(milestone.date.current)
        }
    }

    /// `done`, `planned (was at-risk)`, `cancelled (was planned)`.
    public static func status(_ milestone: MilestoneVariance) -> String {
        guard let status = milestone.status else { return "" }
        guard let old = milestone.baselineStatus, old != status else { return status.rawValue }
        return "\(status.rawValue) (was \(old.rawValue))"
    }

    /// `$1,250,000 → $1,350,000  +$100,000 (+8.0%)`, `unchanged at $900,000`, `none → $50,000`.
    public static func amount(_ amount: AmountVariance, currency: String?) -> String {
        func money(_ value: Double?) -> String { value.map { DiffFormatting.money($0, currency: currency) } ?? "none" }
        if amount.baseline == amount.current { return "\(money(amount.current)), unchanged" }
        var text = "\(money(amount.baseline)) → \(money(amount.current))  \(DiffFormatting.signedMoney(amount.delta, currency: currency))"
        if let percent = amount.percent { text += " (\(DiffFormatting.signedPercent(percent)))" }
        return text
    }

    /// `2026-09-30 → 2026-10-14 (+14d)`, `2026-09-30, unchanged`.
    public static func target(_ target: DateVariance) -> String {
        if target.baseline == target.current { return "\(date(target.current, missing: "none")), unchanged" }
        let shift = target.days.map { " (\(days($0)))" } ?? ""
        return "\(date(target.baseline, missing: "none")) → \(date(target.current, missing: "none"))\(shift)"
    }

    /// `R4 Processor certification (score 20)`.
    public static func risk(_ risk: ScopeVariance.RiskItem) -> String {
        var text = risk.id
        if let title = risk.title { text += " " + title }
        if let score = risk.score { text += " (score \(score))" }
        return text
    }

    /// What the program's scope gained and lost, one phrase per kind; empty when nothing.
    public static func scope(_ program: ProgramVariance) -> [(label: String, text: String)] {
        var rows: [(String, String)] = []
        let scope = program.scope
        var items: [String] = []
        items += scope.inAdded.map { "+ \($0)" }
        items += scope.inRemoved.map { "- \($0)" }
        if !items.isEmpty { rows.append(("scope in", items.joined(separator: "; "))) }
        items = scope.outAdded.map { "+ \($0)" } + scope.outRemoved.map { "- \($0)" }
        if !items.isEmpty { rows.append(("scope out", items.joined(separator: "; "))) }
        items = scope.risksAdded.map { "+ " + risk($0) } + scope.risksClosed.map { "closed " + risk($0) }
            + scope.risksRemoved.map { "- " + risk($0) }
        if !items.isEmpty { rows.append(("risks", items.joined(separator: "; "))) }
        return rows
    }

    /// `payments-v2 · Payments Platform v2 (new since the baseline)`.
    public static func heading(_ program: ProgramVariance) -> String {
        var text = program.program + (program.name.map { " · \($0)" } ?? "")
        switch program.presence {
        case .both: break
        case .added: text += " (new since the baseline)"
        case .removed: text += " (removed since the baseline)"
        case .renamed: text += " (was \(program.renamedFrom ?? "?"))"
        }
        return text
    }

    /// One line over all programs: `max slip 21d; 3 milestones slipped, 1 added; budget +$100,000 (USD)`.
    public static func summary(_ variance: PlanVariance) -> String {
        let summary = variance.summary
        var parts: [String] = []
        if let slip = summary.maxSlipDays { parts.append("max slip \(slip)d") }
        var counts: [String] = []
        func count(_ value: Int, _ phrase: String) { if value > 0 { counts.append("\(value) \(phrase)") } }
        count(summary.milestonesSlipped, Plural.noun(summary.milestonesSlipped, "milestone") + " slipped")
        count(summary.milestonesPulledIn, "pulled in")
        count(summary.milestonesAdded, "added")
        count(summary.milestonesRemoved, "removed")
        count(summary.milestonesCancelled, "cancelled")
        count(summary.milestonesMoved, "moved between programs")
        if !counts.isEmpty { parts.append(counts.joined(separator: ", ")) }
        if summary.programsAdded > 0 { parts.append("\(Plural.count(summary.programsAdded, "program")) added") }
        if summary.programsRemoved > 0 { parts.append("\(Plural.count(summary.programsRemoved, "program")) removed") }
        for currency in summary.budgetDelta.keys.sorted() {
            parts.append("budget \(DiffFormatting.signedMoney(summary.budgetDelta[currency]!, currency: currency.isEmpty ? nil : currency))")
        }
        return parts.isEmpty ? "no variance from the baseline" : parts.joined(separator: "; ")
    }
}
