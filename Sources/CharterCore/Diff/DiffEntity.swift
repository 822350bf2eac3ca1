/// An entity reduced to what the diff compares: its identity and its fields as values, in the
/// order they are shown. Source positions are gone, so moving, reordering or reformatting an
/// entry compares equal.
struct DiffEntity: Hashable, Sendable {
    var kind: EntityKind
    var id: String
    var name: String?
    var fields: [(name: String, value: DiffValue?)]
    /// Allocations only: working days times percent, when the period is known.
    var personDays: Double?
    /// KPIs: the direction written or derived from baseline → target.
    var kpiDirection: KPI.Direction?

    static func == (lhs: DiffEntity, rhs: DiffEntity) -> Bool {
        lhs.kind == rhs.kind && lhs.id == rhs.id && lhs.personDays == rhs.personDays
            && lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(id)
    }

    func value(_ field: String) -> DiffValue? {
        fields.first { $0.name == field }?.value
    }

    /// The fields that differ, in display order; list fields compare as multisets.
    func changes(to new: DiffEntity) -> [FieldChange] {
        var changes: [FieldChange] = []
        var seen: Set<String> = []
        for (name, old) in fields {
            seen.insert(name)
            let updated = new.value(name)
            switch (old, updated) {
            case (nil, nil): continue
            case (let a?, let b?) where a.isEquivalent(to: b): continue
            default: changes.append(FieldChange(field: name, from: old, to: updated))
            }
        }
        for (name, value) in new.fields where !seen.contains(name) && value != nil {
            changes.append(FieldChange(field: name, from: nil, to: value))
        }
        return changes
    }

    /// Every field it has, as if it appeared (`added`) or vanished (`removed`).
    func allFields(added: Bool) -> [FieldChange] {
        fields.compactMap { name, value in
            value.map { added ? FieldChange(field: name, from: nil, to: $0) : FieldChange(field: name, from: $0, to: nil) }
        }
    }
}

// MARK: - Building entities from the model

private func text(_ value: String?) -> DiffValue? { value.map(DiffValue.text) }
private func text(_ value: Located<String>?) -> DiffValue? { value.map { .text($0.value) } }
private func date(_ value: Located<PlanDate>?) -> DiffValue? { value.map { .date($0.value) } }
private func date(_ value: PlanDate?) -> DiffValue? { value.map(DiffValue.date) }
private func number(_ value: Double?) -> DiffValue? { value.map(DiffValue.number) }
private func number(_ value: Int?) -> DiffValue? { value.map { .number(Double($0)) } }
private func list(_ items: [String]) -> DiffValue? { items.isEmpty ? nil : .list(items) }

extension DiffEntity {
    /// The program's own fields (not its workstreams, allocations or files).
    init(program: Program) {
        kind = .program
        id = program.folder
        name = program.name
        fields = [
            ("id", text(program.id)),
            ("name", text(program.name)),
            ("owner", text(program.owner)),
            ("sponsor", text(program.sponsor)),
            ("status", text(program.status)),
            ("start", date(program.start)),
            ("target", date(program.target)),
            ("description", text(program.description)),
            ("budget.currency", text(program.currency)),
            ("budget.total", number(program.budgetTotal?.value)),
            ("objectives", list(program.objectives)),
            ("scope.in", list(program.scopeIn)),
            ("scope.out", list(program.scopeOut)),
            ("stakeholders", list(program.stakeholders.map { s in s.role.map { "\(s.person.value) (\($0))" } ?? s.person.value })),
        ]
    }

    init(_ workstream: Program.Workstream) {
        kind = .workstream
        id = workstream.id.value
        name = workstream.name
        fields = [("name", text(workstream.name)), ("owner", text(workstream.owner))]
    }

    init(_ milestone: Milestone) {
        kind = .milestone
        id = milestone.id.value
        name = milestone.name
        fields = [
            ("name", text(milestone.name)),
            ("workstream", text(milestone.workstream)),
            ("owner", text(milestone.owner)),
            ("start", date(milestone.start)),
            ("date", date(milestone.date)),
            ("status", .text(milestone.status.value.rawValue)),
            ("done_on", date(milestone.doneOn)),
            ("description", text(milestone.description)),
            ("deliverables", list(milestone.deliverables)),
            ("depends_on", list(milestone.dependsOn.map(\.value.description))),
        ]
    }

    init(_ risk: Risk) {
        kind = .risk
        id = risk.id.value
        name = risk.title
        fields = [
            ("title", text(risk.title)),
            ("owner", text(risk.owner)),
            ("probability", number(risk.probability)),
            ("impact", number(risk.impact)),
            ("score", number(risk.score)),
            ("status", text(risk.status)),
            ("mitigation", text(risk.mitigation)),
            ("affects", list(risk.affects.map(\.value.description))),
            ("review_by", date(risk.reviewBy)),
            ("description", text(risk.description)),
        ]
    }

    init(_ line: BudgetLine) {
        kind = .budgetLine
        id = line.id.value
        name = line.description
        fields = [
            ("amount", number(line.amount?.value)),
            ("category", text(line.category)),
            ("workstream", text(line.workstream)),
            ("description", text(line.description)),
        ]
    }

    init(_ decision: Decision) {
        kind = .decision
        id = decision.id.value
        name = decision.title
        fields = [
            ("title", text(decision.title)),
            ("status", text(decision.status)),
            ("date", date(decision.date)),
            ("owner", text(decision.owner)),
            ("supersedes", text(decision.supersedes)),
            ("superseded_by", text(decision.supersededBy)),
            ("rationale", text(decision.rationale)),
        ]
    }

    init(_ kpi: KPI) {
        kind = .kpi
        id = kpi.id.value
        name = kpi.name
        fields = [
            ("name", text(kpi.name)),
            ("unit", text(kpi.unit)),
            ("baseline", number(kpi.baseline?.value)),
            ("target", number(kpi.target?.value)),
            ("current", number(kpi.current?.value)),
            ("as_of", date(kpi.asOf)),
            ("direction", text(kpi.direction?.value.rawValue)),
            ("owner", text(kpi.owner)),
            ("description", text(kpi.description)),
        ]
        kpiDirection = kpi.effectiveDirection
    }

    /// Allocations have no id: they are matched by person and workstream (`carol@api`).
    init(_ allocation: Program.Allocation, in program: Program, id: String) {
        kind = .allocation
        self.id = id
        name = nil
        fields = [
            ("person", .text(allocation.person.value)),
            ("workstream", text(allocation.workstream)),
            ("percent", .number(allocation.percent)),
            ("from", date(allocation.from)),
            ("to", date(allocation.to)),
        ]
        personDays = PersonDays.of(allocation, in: program)
    }

    init(_ person: Person) {
        kind = .person
        id = person.id.value
        name = person.name
        fields = [
            ("name", text(person.name)),
            ("email", text(person.email)),
            ("team", text(person.team)),
            ("title", text(person.title)),
        ]
    }

    init(settings: Settings) {
        kind = .settings
        id = "charter.yaml"
        name = nil
        fields = [
            ("version", number(settings.version)),
            ("policy.approval_trailer", .text(settings.policy.approvalTrailer)),
            ("policy.allow_self_approval", .flag(settings.policy.allowSelfApproval)),
            ("policy.require_approval.slip_days", number(settings.policy.slipDays)),
            ("policy.require_approval.slip_percent_of_remaining", number(settings.policy.slipPercentOfRemaining)),
            ("policy.require_approval.dependent_slip", .flag(settings.policy.dependentSlip)),
            ("policy.require_approval.budget_increase_percent", number(settings.policy.budgetIncreasePercent)),
            ("policy.require_approval.milestone_removed", .flag(settings.policy.milestoneRemoved)),
            ("policy.require_approval.scope_change", .flag(settings.policy.scopeChange)),
            ("policy.freezes", .list(settings.policy.freezes.map { "\($0.name) \($0.from)..\($0.to)" })),
        ] + settings.ruleSeverities.keys.sorted().map { rule in
            let value: String
            switch settings.ruleSeverities[rule]!.value {
            case .severity(let severity): value = severity.rawValue
            case .off: value = "off"
            }
            return ("policy.rules.\(rule)", DiffValue.text(value))
        }
    }

    /// The allocation ids of a program: `person@workstream`, with `#2`, `#3` for a second and
    /// third allocation of the same person to the same workstream (ordered by start).
    static func allocations(of program: Program) -> [DiffEntity] {
        var groups: [String: [Program.Allocation]] = [:]
        for allocation in program.allocations {
            let key = allocation.workstream.map { "\(allocation.person.value)@\($0.value)" } ?? allocation.person.value
            groups[key, default: []].append(allocation)
        }
        var entities: [DiffEntity] = []
        for (key, group) in groups {
            let ordered = group.enumerated().sorted { a, b in
                let x = a.element.from?.dayNumber ?? Int.min, y = b.element.from?.dayNumber ?? Int.min
                return x != y ? x < y : a.offset < b.offset
            }
            for (index, allocation) in ordered.enumerated() {
                entities.append(DiffEntity(allocation.element, in: program, id: index == 0 ? key : "\(key)#\(index + 1)"))
            }
        }
        return entities
    }
}
