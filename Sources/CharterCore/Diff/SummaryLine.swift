/// The summary line: one line, stable wording, naming the ids that changed, for people and for
/// tools that parse it. The grammar is documented in docs/diff.md ("The summary line") and
/// pinned by tests; change it only with a new contract version.
///
///     payments-v2: M2 slipped 14d (2026-05-01 → 2026-05-15); 1 risk added (R7); budget +$40,000 (+3.2%)
///
/// Parts (one per program in natural order, then `people`, then `settings`) are joined by
/// `" | "`; clauses within a part by `"; "`; items within a clause by `", "`.
public enum SummaryLine {
    public static let noChanges = "no changes"

    public static func render(changes: [EntityChange], consequences: [Consequence], unreadable: [UnreadableReport]) -> String {
        var subjects = Set(changes.compactMap(\.program))
        subjects.formUnion(consequences.map(\.program))
        var unreadableBySubject: [String: [UnreadableReport]] = [:]
        for report in unreadable {
            guard let classified = PlanFileKind.classify(report.file.path) else { continue }
            let subject = classified.programFolder ?? (classified.kind == .people ? "people" : "settings")
            unreadableBySubject[subject, default: []].append(report)
            if let folder = classified.programFolder { subjects.insert(folder) }
        }
        // Grouped once, in their order: a commit that imports 10,000 programs has 10,000 subjects.
        var changesBySubject: [String: [EntityChange]] = [:]
        for change in changes { if let program = change.program { changesBySubject[program, default: []].append(change) } }
        var consequencesBySubject: [String: [Consequence]] = [:]
        for consequence in consequences { consequencesBySubject[consequence.program, default: []].append(consequence) }
        var parts: [String] = []
        for program in subjects.sorted(by: NaturalOrder.less) {
            let clauses = programClauses(changesBySubject[program] ?? [], consequencesBySubject[program] ?? [])
                + unreadableClauses(unreadableBySubject[program] ?? [])
            if !clauses.isEmpty { parts.append("\(program): " + clauses.joined(separator: "; ")) }
        }
        let people = changes.filter { $0.program == nil && $0.entity == .person }
        let peopleClauses = groupClauses(people, kind: .person, statuses: []) + unreadableClauses(unreadableBySubject["people"] ?? [])
        if !peopleClauses.isEmpty { parts.append("people: " + peopleClauses.joined(separator: "; ")) }
        var settingsClauses: [String] = []
        for change in changes where change.entity == .settings {
            switch change.change {
            case .added: settingsClauses.append("charter.yaml added")
            case .removed: settingsClauses.append("charter.yaml removed")
            default: break
            }
            if change.change == .modified, !change.fields.isEmpty {
                settingsClauses.append("changed (\(change.fields.map(\.field).joined(separator: ", ")))")
            }
        }
        settingsClauses += unreadableClauses(unreadableBySubject["settings"] ?? [])
        if !settingsClauses.isEmpty { parts.append("settings: " + settingsClauses.joined(separator: "; ")) }
        return parts.isEmpty ? noChanges : parts.joined(separator: " | ")
    }

    // MARK: Clauses of one program, in their fixed order

    private static func programClauses(_ changes: [EntityChange], _ consequences: [Consequence]) -> [String] {
        var clauses: [String] = []
        let program = changes.first { $0.entity == .program }
        if let program {
            switch program.change {
            case .added: clauses.append("program added")
            case .removed: clauses.append("program removed")
            case .moved: clauses.append("program renamed from \(program.movedFrom ?? "?")")
            case .modified: break
            }
            if program.change == .modified || program.change == .moved, let target = program.field("target") {
                clauses.append(shift("target", from: target.from?.date, to: target.to?.date))
            }
        }
        let milestones = changes.filter { $0.entity == .milestone }
        for change in milestones.sorted(by: byID) {
            guard let days = change.slipDays, let date = change.field("date"),
                  let from = date.from?.date, let to = date.to?.date else { continue }
            clauses.append(shift(change.id, from: from, to: to, days: days))
        }
        clauses += groupClauses(milestones, kind: .milestone, statuses: PlanSchemas.milestoneStatuses)
        clauses += groupClauses(changes.filter { $0.entity == .risk }, kind: .risk,
                                statuses: ["open", "mitigating", "realized"])
        if let program, let budget = budgetClause(program) { clauses.append(budget) }
        clauses += groupClauses(changes.filter { $0.entity == .budgetLine }, kind: .budgetLine, statuses: [])
        clauses += groupClauses(changes.filter { $0.entity == .decision }, kind: .decision,
                                statuses: PlanSchemas.decisionStatuses)
        clauses += groupClauses(changes.filter { $0.entity == .kpi }, kind: .kpi, statuses: [])
        clauses += groupClauses(changes.filter { $0.entity == .workstream }, kind: .workstream, statuses: [])
        let allocations = changes.filter { $0.entity == .allocation }.sorted(by: byID)
        if !allocations.isEmpty {
            let ids = allocations.map(\.id).joined(separator: ", ")
            let deltas = allocations.compactMap(\.personDaysDelta)
            clauses.append(deltas.isEmpty
                ? "allocations changed (\(ids))"
                : "allocations \(DiffFormatting.signedNumber(deltas.reduce(0, +))) person-days (\(ids))")
        }
        if let program, program.change == .modified || program.change == .moved {
            if let scope = program.field("scope.in") {
                let delta = scope.listDelta
                if !delta.added.isEmpty { clauses.append(counted(delta.added.count, "scope item", "scope items", "added", delta.added.map(DiffFormatting.quoted))) }
                if !delta.removed.isEmpty { clauses.append(counted(delta.removed.count, "scope item", "scope items", "removed", delta.removed.map(DiffFormatting.quoted))) }
            }
            let covered: Set<String> = ["target", "budget.total", "scope.in"]
            let other = program.fields.map(\.field).filter { !covered.contains($0) }
            if !other.isEmpty { clauses.append("program changed (\(other.joined(separator: ", ")))") }
        }
        let conflicting = unique(consequences.filter { $0.kind == .startsBeforeDependency || $0.kind == .dueBeforeDependency }.map(\.milestone))
        if !conflicting.isEmpty {
            clauses.append(counted(conflicting.count, "milestone", "milestones", "now before a dependency", conflicting))
        }
        let orphaned = unique(consequences.filter { $0.kind == .dependencyRemoved }.map(\.milestone))
        if !orphaned.isEmpty { clauses.append(counted(orphaned.count, "milestone", "milestones", "lost a dependency", orphaned)) }
        let squeezed = unique(consequences.filter { $0.kind == .slackReduced }.map(\.milestone))
        if !squeezed.isEmpty { clauses.append(counted(squeezed.count, "milestone", "milestones", "lost slack", squeezed)) }
        for risk in consequences where risk.kind == .targetAtRisk {
            clauses.append("target at risk (\(risk.milestone))")
        }
        return clauses
    }

    /// `M2 slipped 14d (2026-05-01 → 2026-05-15)`, `target pulled in 3d (…)`, `target set (2026-09-30)`.
    private static func shift(_ subject: String, from: PlanDate?, to: PlanDate?, days: Int? = nil) -> String {
        switch (from, to) {
        case (let a?, let b?):
            let days = days ?? a.days(to: b)
            return "\(subject) \(days > 0 ? "slipped" : "pulled in") \(DiffFormatting.days(days)) (\(a) → \(b))"
        case (nil, let b?): return "\(subject) set (\(b))"
        case (let a?, nil): return "\(subject) removed (\(a))"
        case (nil, nil): return "\(subject) changed"
        }
    }

    /// `budget +$40,000 (+3.2%)`, `budget +$40,000 (new)`, `budget removed`.
    private static func budgetClause(_ program: EntityChange) -> String? {
        guard program.change == .modified || program.change == .moved,
              let total = program.field("budget.total"), let delta = program.budgetDelta else { return nil }
        if total.to == nil { return "budget removed" }
        let percent = program.budgetDeltaPercent.map(DiffFormatting.signedPercent) ?? "new"
        return "budget \(DiffFormatting.signedMoney(delta, currency: program.currency)) (\(percent))"
    }

    /// Added, removed, moved (per source program), scheduled, unscheduled, closed, reopened,
    /// marked <status> (per status), re-scored, changed: each `N noun verb (items)`.
    private static func groupClauses(_ changes: [EntityChange], kind: EntityKind, statuses: [String]) -> [String] {
        let sorted = changes.sorted(by: byID)
        var clauses: [String] = []
        var described: Set<String> = []
        func add(_ verb: String, _ group: [EntityChange], items: ((EntityChange) -> String)? = nil, covers fields: [String] = []) {
            guard !group.isEmpty else { return }
            clauses.append(counted(group.count, kind.noun, kind.pluralNoun, verb, group.map { items?($0) ?? $0.id }))
            for change in group { for field in fields { described.insert(change.id + "\u{0}" + field) } }
        }
        add("added", sorted.filter { $0.change == .added })
        add("removed", sorted.filter { $0.change == .removed })
        let moved = sorted.filter { $0.change == .moved }
        for source in unique(moved.compactMap(\.movedFrom)).sorted(by: NaturalOrder.less) {
            let group = moved.filter { $0.movedFrom == source }
            add("moved from \(source)", group, covers: group.flatMap { $0.fields.map(\.field) })
        }
        let modified = sorted.filter { $0.change == .modified }
        if kind == .milestone {
            for change in modified where change.slipDays != nil { described.insert(change.id + "\u{0}date") }
            add("scheduled", modified.filter { $0.tags.contains(.scheduled) }, covers: ["date"])
            add("unscheduled", modified.filter { $0.tags.contains(.unscheduled) }, covers: ["date"])
        }
        if kind == .risk {
            add("closed", modified.filter { $0.tags.contains(.closed) }, covers: ["status"])
            add("reopened", modified.filter { $0.tags.contains(.reopened) }, covers: ["status"])
        }
        for status in statuses {
            add("marked \(status)", modified.filter {
                $0.tags.contains(.statusChanged) && $0.field("status")?.to?.text == status
            }, covers: ["status"] + (kind == .milestone && status == MilestoneStatus.done.rawValue ? ["done_on"] : [])
                + (kind == .decision && status == "superseded" ? ["superseded_by"] : []))
        }
        if kind == .risk {
            add("re-scored", modified.filter { $0.tags.contains(.rescored) }, items: { change in
                "\(change.id) \(change.scoreFrom.map(String.init) ?? "none") → \(change.scoreTo.map(String.init) ?? "none")"
            }, covers: ["probability", "impact", "score"])
        }
        if kind == .kpi {
            add("measured", modified.filter { $0.tags.contains(.measured) }, items: { change in
                let current = change.field("current")
                let from = current?.from?.number.map(KPIFormat.number) ?? "none"
                let to = current?.to?.number.map { KPIFormat.value($0, unit: change.unit) } ?? "none"
                return "\(change.id) \(from) → \(to)"
            }, covers: ["current", "as_of"])
        }
        add("changed", modified.filter { change in
            change.fields.contains { !described.contains(change.id + "\u{0}" + $0.field) }
        })
        return clauses
    }

    private static func unreadableClauses(_ reports: [UnreadableReport]) -> [String] {
        var sides: [String: Set<DiffSideName>] = [:]
        for report in reports { sides[report.file.path, default: []].insert(report.side) }
        var clauses: [String] = []
        for side in ["from", "to", "both"] {
            let files = sides.filter { entry in
                side == "both" ? entry.value.count == 2 : entry.value == [DiffSideName(rawValue: side)!]
            }.keys.map { String($0.split(separator: "/").last ?? Substring($0)) }.sorted()
            if !files.isEmpty { clauses.append(counted(files.count, "file", "files", "unreadable in \(side)", files)) }
        }
        return clauses
    }

    private static func counted(_ count: Int, _ singular: String, _ plural: String, _ verb: String, _ items: [String]) -> String {
        "\(count) \(count == 1 ? singular : plural) \(verb) (\(items.joined(separator: ", ")))"
    }

    private static func byID(_ a: EntityChange, _ b: EntityChange) -> Bool { NaturalOrder.less(a.id, b.id) }

    private static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
