/// Numbers and categories a change request reports, computed from the semantic diff.
enum ImpactAnalysis {
    static func impact(of changes: [EntityChange]) -> ChangeRequest.Impact {
        var impact = ChangeRequest.Impact()
        for change in changes {
            let id = change.qualifiedID
            switch change.entity {
            case .milestone:
                if let slip = change.slipDays, slip > 0 {
                    impact.maxSlipDays = max(impact.maxSlipDays, slip)
                    impact.milestonesSlipped.append(id)
                }
                if change.change == .added { impact.milestonesAdded.append(id) }
                if change.change == .removed { impact.milestonesRemoved.append(id) }
            case .risk:
                if change.change == .added { impact.risksAdded.append(id) }
                if change.tags.contains(.closed) { impact.risksClosed.append(id) }
                if change.tags.contains(.rescored) { impact.risksRescored.append(id) }
            case .program:
                impact.budgetDelta += change.budgetDelta ?? 0
                if let scope = change.field("scope.in") {
                    impact.scopeAdded += scope.listDelta.added
                    impact.scopeRemoved += scope.listDelta.removed
                }
            case .budgetLine:
                impact.budgetLinesDelta += change.amountDelta ?? 0
            case .allocation:
                if let days = change.personDaysDelta {
                    if days > 0 { impact.personDaysAdded += days } else { impact.personDaysRemoved -= days }
                }
            default:
                break
            }
        }
        return impact
    }

    /// The kinds of change, in a fixed order: schedule, budget, resources, scope, risk, objectives
    /// (KPIs: measurable objectives; no approval policy applies to them), ownership, governance.
    static func changeTypes(of changes: [EntityChange]) -> [String] {
        var types: Set<String> = []
        for change in changes {
            let fields = Set(change.fields.map(\.field))
            switch change.entity {
            case .milestone:
                if change.change != .modified || !fields.isDisjoint(with: ["date", "start", "depends_on", "status", "done_on"]) {
                    types.insert("schedule")
                }
                if change.change == .added || change.change == .removed || fields.contains("deliverables") { types.insert("scope") }
                if change.change == .modified && fields.contains("owner") { types.insert("ownership") }
            case .program:
                if change.change != .modified || !fields.isDisjoint(with: ["start", "target", "status"]) { types.insert("schedule") }
                if change.budgetDelta != nil || fields.contains(where: { $0.hasPrefix("budget") }) { types.insert("budget") }
                if fields.contains(where: { $0.hasPrefix("scope") || $0 == "objectives" }) { types.insert("scope") }
                if change.change == .modified && !fields.isDisjoint(with: ["owner", "sponsor"]) { types.insert("ownership") }
                if fields.contains(where: { $0.hasPrefix("stakeholders") }) { types.insert("governance") }
            case .budgetLine: types.insert("budget")
            case .allocation: types.insert("resources")
            case .risk: types.insert("risk")
            case .workstream: types.insert(change.change == .modified && fields.contains("owner") ? "ownership" : "scope")
            case .kpi:
                types.insert("objectives")
                if change.change == .modified && fields.contains("owner") { types.insert("ownership") }
            case .decision, .settings, .person: types.insert("governance")
            }
        }
        return ["schedule", "budget", "resources", "scope", "risk", "objectives", "ownership", "governance"].filter(types.contains)
    }

    /// Trailers that claim "no impact" on something the diff shows changed.
    static let claimTrailers: [(trailer: String, type: String)] = [
        ("Schedule-Impact", "schedule"), ("Budget-Impact", "budget"), ("Scope-Impact", "scope"),
        ("Risk-Impact", "risk"), ("Resource-Impact", "resources"),
    ]

    static func contradictedClaims(_ message: CommitMessage, changeTypes: [String], impact: ChangeRequest.Impact) -> [ChangeRequest.ContradictedClaim] {
        claimTrailers.compactMap { claim in
            guard let value = message.values(for: claim.trailer).last,
                  ["none", "no", "0", "n/a", "nil", "zero"].contains(value.lowercased().trimmingCharacters(in: " .")),
                  changeTypes.contains(claim.type) else { return nil }
            return ChangeRequest.ContradictedClaim(trailer: claim.trailer, claimed: value, actual: describe(claim.type, impact))
        }
    }

    private static func describe(_ type: String, _ impact: ChangeRequest.Impact) -> String {
        switch type {
        case "schedule":
            if impact.maxSlipDays > 0 {
                return "\(impact.milestonesSlipped.joined(separator: ", ")) slipped (up to \(Plural.count(impact.maxSlipDays, "day")))"
            }
            return "milestone dates or dependencies changed"
        case "budget":
            return "budget changed by \(Money.signed(impact.budgetDelta != 0 ? impact.budgetDelta : impact.budgetLinesDelta))"
        case "scope":
            let parts = impact.scopeAdded.map { "+\($0)" } + impact.scopeRemoved.map { "-\($0)" }
                + impact.milestonesAdded.map { "+\($0)" } + impact.milestonesRemoved.map { "-\($0)" }
            return parts.isEmpty ? "scope changed" : "scope changed: " + parts.joined(separator: ", ")
        case "risk":
            let parts = impact.risksAdded.map { "\($0) added" } + impact.risksClosed.map { "\($0) closed" }
                + impact.risksRescored.map { "\($0) re-scored" }
            return parts.isEmpty ? "risks changed" : parts.joined(separator: ", ")
        default:
            return "allocations changed (\(Money.format(impact.personDaysAdded)) person-days added, \(Money.format(impact.personDaysRemoved)) removed)"
        }
    }
}

extension Money {
    /// `+40,000` / `-1,200.50`.
    public static func signed(_ amount: Double) -> String { (amount >= 0 ? "+" : "") + format(amount) }
}
