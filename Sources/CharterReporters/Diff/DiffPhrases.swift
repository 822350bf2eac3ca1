import CharterCore

/// The wording of a diff, shared by the text and markdown reporters so both say the same thing.
enum DiffPhrases {
    /// Longest text value shown inline before it is cut (JSON always carries the whole value).
    static let maxInlineText = 80

    /// `milestone M2`, `budget line B6`, `allocation carol@api`, `program`.
    static func subject(_ change: EntityChange) -> String {
        switch change.entity {
        case .program: return "program"
        case .settings: return "settings (charter.yaml)"
        default: return "\(change.entity.noun) \(change.id)"
        }
    }

    /// The name or title that follows the subject, when there is one.
    static func title(_ change: EntityChange) -> String? {
        guard change.entity != .program, change.entity != .settings, let name = change.name, !name.isEmpty else { return nil }
        return cut(name)
    }

    /// What an added or removed entity is, in a few words: `2026-06-01, planned`, `score 20, open`.
    static func essentials(_ change: EntityChange) -> String? {
        let added = change.change == .added
        func value(_ field: String) -> DiffValue? {
            let found = change.field(field)
            return added ? found?.to : found?.from
        }
        var parts: [String] = []
        switch change.entity {
        case .program:
            if let start = value("start"), let target = value("target") {
                parts.append("\(start) → \(target)")
            } else if let start = value("start") {
                parts.append("from \(start)")
            }
            if let total = value("budget.total")?.number {
                parts.append("budget " + DiffFormatting.money(total, currency: change.currency))
            }
            if !change.contents.isEmpty {
                parts.append(change.contents.map { $0.entity.counted($0.count) }.joined(separator: ", "))
            }
        case .milestone:
            parts.append(value("date").map { "due \($0)" } ?? "unscheduled")
            if let status = value("status")?.text, MilestoneStatus(rawValue: status) != .planned { parts.append(status) }
        case .risk:
            if let score = added ? change.scoreTo : change.scoreFrom { parts.append("score \(score)") }
            if let status = value("status") { parts.append(status.description) }
        case .budgetLine:
            if let amount = value("amount")?.number { parts.append(DiffFormatting.money(amount, currency: change.currency)) }
            if let category = value("category") { parts.append(category.description) }
        case .decision:
            if let status = value("status") { parts.append(status.description) }
        case .kpi:
            if let current = value("current")?.number { parts.append("current " + KPIFormat.value(current, unit: change.unit)) }
            if let target = value("target")?.number { parts.append("target " + KPIFormat.value(target, unit: change.unit)) }
        case .workstream:
            if let owner = value("owner") { parts.append("owner \(owner)") }
        case .allocation:
            if let percent = value("percent")?.number { parts.append(DiffFormatting.oneDecimal(percent).replacingSuffix(".0", with: "") + "%") }
            switch (value("from"), value("to")) {
            case (let a?, let b?): parts.append("\(a) → \(b)")
            case (let a?, nil): parts.append("from \(a)")
            case (nil, let b?): parts.append("until \(b)")
            default: break
            }
        case .person:
            if let email = value("email") { parts.append(email.description) }
            if let team = value("team") { parts.append(team.description) }
        case .settings:
            break
        }
        if let effort = change.personDaysDelta { parts.append(DiffFormatting.signedNumber(effort) + " person-days") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// One line per field that changed: `date: 2026-05-01 → 2026-05-15 (slipped 14d)`.
    static func fieldLines(_ change: EntityChange) -> [String] {
        var lines = change.fields.map { field in "\(field.field): " + fieldChange(field, in: change) }
        if change.entity == .allocation, change.change != .added, change.change != .removed, let effort = change.personDaysDelta {
            lines.append("effort: \(DiffFormatting.signedNumber(effort)) person-days")
        }
        return lines
    }

    static func fieldChange(_ field: FieldChange, in change: EntityChange) -> String {
        if case .list = field.from ?? field.to ?? .list([]) {
            let delta = field.listDelta
            let parts = delta.added.map { "+" + cut($0) } + delta.removed.map { "-" + cut($0) }
            return parts.isEmpty ? "reordered" : parts.joined(separator: ", ")
        }
        let from = field.from.map(show) ?? "none", to = field.to.map(show) ?? "none"
        var text = "\(from) → \(to)"
        switch (change.entity, field.field) {
        case (.milestone, "date"):
            if let days = change.slipDays {
                text += days > 0 ? " (slipped \(DiffFormatting.days(days)))" : " (pulled in \(DiffFormatting.days(days)))"
            } else if field.from == nil {
                text += " (scheduled)"
            } else if field.to == nil {
                text += " (unscheduled)"
            }
        case (.program, "budget.total"):
            if let delta = change.budgetDelta {
                let percent = change.budgetDeltaPercent.map { ", " + DiffFormatting.signedPercent($0) } ?? ""
                text += " (\(DiffFormatting.signedMoney(delta, currency: change.currency))\(percent))"
            }
        case (.budgetLine, "amount"):
            if let delta = change.amountDelta { text += " (\(DiffFormatting.signedMoney(delta, currency: change.currency)))" }
        case (.kpi, "baseline"), (.kpi, "target"), (.kpi, "current"):
            text = KPIPhrases.measurement(field, in: change)
        case (.program, "target"):
            if let a = field.from?.date, let b = field.to?.date {
                let days = a.days(to: b)
                text += days > 0 ? " (slipped \(DiffFormatting.days(days)))" : " (pulled in \(DiffFormatting.days(days)))"
            }
        default:
            break
        }
        return text
    }

    private static func show(_ value: DiffValue) -> String {
        switch value {
        case .text(let text): return cut(text)
        default: return value.description
        }
    }

    /// The first line of a text, cut to `maxInlineText` characters; `…` marks anything left out.
    static func cut(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline)
        var line = lines.first.map(String.init) ?? ""
        var truncated = lines.count > 1
        if line.count > maxInlineText {
            line = String(line.prefix(maxInlineText - 1))
            truncated = true
        }
        return truncated ? line + "…" : line
    }

    /// The summary in a few labelled rows, in the spirit of `terraform plan`.
    static func summaryRows(_ diff: PlanDiff) -> [(label: String, value: String)] {
        let s = diff.summary
        var rows: [(String, String)] = []
        rows.append(("changes", "\(s.added) added, \(s.modified) modified, \(s.removed) removed, \(s.moved) moved"))
        var milestones = "\(s.slipped.count) slipped"
        if let largest = s.largestSlip { milestones += " (largest \(largest.milestone) +\(DiffFormatting.days(largest.days)))" }
        milestones += ", \(s.pulledIn.count) pulled in"
        if !s.milestonesAdded.isEmpty { milestones += ", \(s.milestonesAdded.count) added" }
        if !s.milestonesRemoved.isEmpty { milestones += ", \(s.milestonesRemoved.count) removed" }
        if !s.milestonesScheduled.isEmpty { milestones += ", \(s.milestonesScheduled.count) scheduled" }
        rows.append(("milestones", milestones))
        rows.append(("budget", s.budgetByCurrency.isEmpty ? "no change" : s.budgetByCurrency.map { total in
            DiffFormatting.signedMoney(total.delta, currency: total.currency)
                + (total.percent.map { " (\(DiffFormatting.signedPercent($0)))" } ?? "")
        }.joined(separator: ", ")))
        rows.append(("scope", s.scopeAdded.isEmpty && s.scopeRemoved.isEmpty
            ? "no change" : "\(s.scopeAdded.count) added, \(s.scopeRemoved.count) removed"))
        rows.append(("risks", "\(s.risksAdded.count) added, \(s.risksClosed.count) closed, \(s.risksRescored.count) re-scored"))
        if s.personDaysDelta != 0 { rows.append(("effort", DiffFormatting.signedNumber(s.personDaysDelta) + " person-days")) }
        if s.consequences > 0 {
            var kinds: [String] = []
            for kind in Consequence.Kind.allCases {
                let count = diff.consequences.filter { $0.kind == kind }.count
                if count > 0 { kinds.append("\(count) \(consequenceNoun(kind, count))") }
            }
            rows.append(("consequences", kinds.joined(separator: ", ")))
        }
        if s.unreadableFiles > 0 {
            rows.append(("unreadable", "\(Plural.count(s.unreadableFiles, "file")) not compared"))
        }
        return rows
    }

    static func consequenceNoun(_ kind: Consequence.Kind, _ count: Int) -> String {
        let milestones = Plural.noun(count, "milestone")
        switch kind {
        case .startsBeforeDependency: return "\(milestones) starting before a dependency ends"
        case .dueBeforeDependency: return "\(milestones) due before a dependency ends"
        case .slackReduced: return "\(milestones) with less slack"
        case .targetAtRisk: return Plural.noun(count, "target") + " at risk"
        case .dependencyRemoved: return "\(milestones) whose dependency is gone"
        }
    }

    /// `could not be read in worktree: …`
    static func unreadable(_ report: UnreadableReport, context: DiffReportContext) -> String {
        let side = report.side == .from ? context.fromDescription : context.toDescription
        let location = report.file.location
        let path = context.pathPrefix.isEmpty ? location.path : "\(context.pathPrefix)/\(location.path)"
        return "\(path):\(location.line):\(location.column) could not be read in \(side) (its entities are not compared): \(report.file.message)"
    }
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
