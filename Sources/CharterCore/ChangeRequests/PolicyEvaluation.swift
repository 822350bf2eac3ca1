/// Which policy requirements a change triggers (before looking at who approved it).
struct PolicyEvaluation {
    let policy: Policy
    let old: Workspace
    let new: Workspace
    /// The day the change was made, for freezes and for "percent of the time remaining".
    let day: PlanDate

    func requirements(for changes: [EntityChange]) -> [(reason: Policy.Reason, program: String?, detail: String)] {
        var found: [(Policy.Reason, String?, String)] = []
        let dependents = dependentsIndex()
        for change in changes {
            let program = change.program
            switch change.entity {
            case .milestone:
                if let slip = change.slipDays, slip > 0 {
                    found += slipRequirements(change, slip: slip, dependents: dependents)
                }
                if change.change == .removed && policy.milestoneRemoved {
                    found.append((.milestoneRemoved, program, "\(change.id) \(change.name.map { "(\($0)) " } ?? "")was removed"))
                }
            case .program:
                if let percent = change.budgetDeltaPercent, let delta = change.budgetDelta, delta > 0,
                   let limit = policy.budgetIncreasePercent, percent > limit {
                    found.append((.budget, program,
                                  "budget \(Money.signed(delta)) (+\(Self.percent(percent))); policy: more than \(Self.percent(limit))"))
                }
                if change.change == .removed && policy.milestoneRemoved,
                   let count = change.contents.first(where: { $0.entity == .milestone })?.count, count > 0 {
                    found.append((.milestoneRemoved, program, "the program was removed with \(EntityKind.milestone.counted(count))"))
                }
                if policy.scopeChange && change.tags.contains(.scopeChanged) {
                    found.append((.scope, program, "scope changed"))
                }
            default:
                break
            }
        }
        found += freezeRequirements(changes)
        return Self.merged(found)
    }

    private func slipRequirements(_ change: EntityChange, slip: Int, dependents: [QualifiedID: [QualifiedID]]) -> [(Policy.Reason, String?, String)] {
        var found: [(Policy.Reason, String?, String)] = []
        let dates = change.field("date").map { " (\($0.from?.description ?? "?") → \($0.to?.description ?? "?"))" } ?? ""
        let what = "\(change.id) slips \(Plural.count(slip, "day"))\(dates)"
        if let limit = policy.slipDays, slip > limit {
            found.append((.slip, change.program, "\(what); policy: more than \(limit)"))
        } else if let limit = policy.slipPercentOfRemaining, let oldDate = change.field("date")?.from?.date {
            let remaining = day.days(to: oldDate)
            if remaining > 0, Double(slip) * 100 / Double(remaining) > limit {
                let share = Double(slip) * 100 / Double(remaining)
                found.append((.slip, change.program,
                              "\(what), \(Self.percent(share)) of the \(remaining) days that were left; policy: more than \(Self.percent(limit))"))
            }
        }
        if policy.dependentSlip, let program = change.program,
           let waiting = dependents[QualifiedID(program: program, id: change.id)], !waiting.isEmpty {
            let names = waiting.map { $0.program == program ? $0.id : $0.description }.joined(separator: ", ")
            found.append((.dependentSlip, program, "\(what) and \(names) \(Plural.noun(waiting.count, "depends", plural: "depend")) on it"))
        }
        return found
    }

    private func freezeRequirements(_ changes: [EntityChange]) -> [(Policy.Reason, String?, String)] {
        var found: [(Policy.Reason, String?, String)] = []
        for freeze in policy.freezes where freeze.contains(day) {
            for change in changes {
                guard let program = change.program, freeze.covers(program: program) else { continue }
                let frozen = Self.frozenAspects(of: change).intersection(freeze.covers)
                guard !frozen.isEmpty else { continue }
                found.append((.freeze, program,
                              "\(change.entity.noun) \(change.id): \(frozen.sorted().joined(separator: ", ")) changed during \(freeze.name) (\(freeze.from) to \(freeze.to))"))
            }
        }
        return found
    }

    /// Which of "dates", "scope", "budget" a change touches.
    static func frozenAspects(of change: EntityChange) -> Set<String> {
        var aspects: Set<String> = []
        let fields = Set(change.fields.map(\.field))
        switch change.entity {
        case .milestone:
            if change.change != .modified || !fields.isDisjoint(with: ["date", "start"]) { aspects.insert("dates") }
            if change.change == .added || change.change == .removed || fields.contains("deliverables") { aspects.insert("scope") }
        case .program:
            if !fields.isDisjoint(with: ["start", "target"]) { aspects.insert("dates") }
            if change.tags.contains(.scopeChanged) || fields.contains("objectives") { aspects.insert("scope") }
            if change.budgetDelta != nil { aspects.insert("budget") }
            if change.change != .modified { aspects.formUnion(["dates", "scope", "budget"]) }
        case .budgetLine:
            aspects.insert("budget")
        default:
            break
        }
        return aspects
    }

    /// For each milestone, the milestones (in the newer plan's network) that depend on it.
    private func dependentsIndex() -> [QualifiedID: [QualifiedID]] {
        guard policy.dependentSlip else { return [:] }
        let network = MilestoneNetwork(new)
        var index: [QualifiedID: [QualifiedID]] = [:]
        for node in network.ids.indices where !network.successors[node].isEmpty {
            index[network.ids[node]] = network.successors[node].map { network.ids[$0] }
        }
        return index
    }

    /// One requirement per reason and program, details joined.
    static func merged(_ found: [(Policy.Reason, String?, String)]) -> [(reason: Policy.Reason, program: String?, detail: String)] {
        var order: [String] = []
        var grouped: [String: (Policy.Reason, String?, [String])] = [:]
        for (reason, program, detail) in found {
            let key = "\(reason.rawValue)|\(program ?? "")"
            if grouped[key] == nil { order.append(key); grouped[key] = (reason, program, []) }
            if !grouped[key]!.2.contains(detail) { grouped[key]!.2.append(detail) }
        }
        return order.map { key in
            let (reason, program, details) = grouped[key]!
            return (reason, program, details.joined(separator: "; "))
        }.sorted { ($0.reason, $0.program ?? "") < ($1.reason, $1.program ?? "") }
    }

    static func percent(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return SafeNumber.plain(rounded) + "%"
    }
}
