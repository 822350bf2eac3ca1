/// What a change means, read off its fields: slips, scheduling, closures, re-scoring, money and
/// effort deltas. One place, so every output says the same thing.
enum Annotations {
    static func entity(_ change: inout EntityChange, old: DiffEntity?, new: DiffEntity?) {
        switch change.entity {
        case .milestone: milestone(&change)
        case .risk: risk(&change, old: old, new: new)
        case .budgetLine: budgetLine(&change, old: old, new: new)
        case .allocation: allocation(&change, old: old, new: new)
        case .kpi: kpi(&change, old: old, new: new)
        case .decision, .workstream, .person:
            tag(&change, .statusChanged, if: "status")
            tag(&change, .ownerChanged, if: "owner")
            tag(&change, .renamed, if: change.entity == .decision ? "title" : "name")
        case .program, .settings: break
        }
    }

    static func program(_ change: inout EntityChange) {
        guard change.change == .modified || change.change == .moved else { return }
        tag(&change, .renamed, if: "name")
        tag(&change, .statusChanged, if: "status")
        tag(&change, .ownerChanged, if: "owner")
        tag(&change, .targetMoved, if: "target")
        tag(&change, .scopeChanged, if: "scope.in")
        tag(&change, .scopeChanged, if: "scope.out")
        if let total = change.field("budget.total") {
            change.tags.append(.budgetChanged)
            let old = total.from?.number ?? 0, new = total.to?.number ?? 0
            change.budgetDelta = new - old
            change.budgetDeltaPercent = SafeNumber.ratio(new - old, abs(old)).map { $0 * 100 }
        }
    }

    private static func milestone(_ change: inout EntityChange) {
        if change.change == .modified || change.change == .moved, let date = change.field("date") {
            switch (date.from?.date, date.to?.date) {
            case (let old?, let new?):
                let days = old.days(to: new)
                change.slipDays = days
                change.tags.append(days > 0 ? .slipped : .pulledIn)
            case (nil, _?): change.tags.append(.scheduled)
            case (_?, nil): change.tags.append(.unscheduled)
            default: break
            }
        }
        guard change.change == .modified || change.change == .moved else { return }
        tag(&change, .renamed, if: "name")
        tag(&change, .statusChanged, if: "status")
        tag(&change, .ownerChanged, if: "owner")
        tag(&change, .dependenciesChanged, if: "depends_on")
    }

    private static func risk(_ change: inout EntityChange, old: DiffEntity?, new: DiffEntity?) {
        let oldScore = old?.value("score")?.number.map { Int($0) }
        let newScore = new?.value("score")?.number.map { Int($0) }
        change.scoreFrom = oldScore
        change.scoreTo = newScore
        guard change.change == .modified || change.change == .moved else { return }
        if let status = change.field("status") {
            let before = status.from?.text, after = status.to?.text
            if after == "closed" {
                change.tags.append(.closed)
            } else if before == "closed" {
                change.tags.append(.reopened)
            } else {
                change.tags.append(.statusChanged)
            }
        }
        if oldScore != newScore { change.tags.append(.rescored) }
        tag(&change, .mitigationChanged, if: "mitigation")
        tag(&change, .ownerChanged, if: "owner")
        tag(&change, .renamed, if: "title")
    }

    private static func budgetLine(_ change: inout EntityChange, old: DiffEntity?, new: DiffEntity?) {
        let before = old?.value("amount")?.number ?? 0, after = new?.value("amount")?.number ?? 0
        if change.change != .modified || change.field("amount") != nil {
            change.amountDelta = after - before
        }
        tag(&change, .amountChanged, if: "amount")
    }

    private static func allocation(_ change: inout EntityChange, old: DiffEntity?, new: DiffEntity?) {
        switch (old, new) {
        case (let a?, let b?):
            if let x = a.personDays, let y = b.personDays, x != y { change.personDaysDelta = y - x }
            if change.fields.contains(where: { ["percent", "from", "to", "workstream"].contains($0.field) }) {
                change.tags.append(.allocationChanged)
            }
        case (nil, let b?): change.personDaysDelta = b.personDays
        case (let a?, nil): change.personDaysDelta = a.personDays.map { -$0 }
        case (nil, nil): break
        }
    }

    private static func kpi(_ change: inout EntityChange, old: DiffEntity?, new: DiffEntity?) {
        let shown = new ?? old
        change.unit = shown?.value("unit")?.text
        change.kpiTarget = shown?.value("target")?.number
        guard change.change == .modified || change.change == .moved else { return }
        tag(&change, .measured, if: "current")
        tag(&change, .targetMoved, if: "target")
        tag(&change, .ownerChanged, if: "owner")
        tag(&change, .renamed, if: "name")
        if let current = change.field("current"), let before = current.from?.number, let after = current.to?.number,
           before != after, let direction = new?.kpiDirection {
            change.improved = direction == .increase ? after > before : after < before
        }
    }

    private static func tag(_ change: inout EntityChange, _ tag: ChangeTag, if field: String) {
        if change.field(field) != nil && !change.tags.contains(tag) { change.tags.append(tag) }
    }
}
