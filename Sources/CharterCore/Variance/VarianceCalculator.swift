/// Builds a `PlanVariance`: pairs each program and milestone with its baseline self, taking
/// renames and moves from the semantic diff so the two never disagree about what moved.
struct VarianceCalculator {
    let baseline: Workspace
    let current: Workspace
    /// Current folder → the folder it had at the baseline.
    private let renamedFrom: [String: String]
    /// Milestones and risks now in a program (keyed by kind, program and id) → the program they left.
    private let movedIn: [String: String]
    /// Milestones and risks that left a program → the program they went to.
    private let movedOut: [String: String]

    /// `diff` is `SemanticDiff.compare(baseline, current)`: its renames and moves pair the two sides.
    init(baseline: Workspace, current: Workspace, diff: PlanDiff) {
        self.baseline = baseline
        self.current = current
        var renamedFrom: [String: String] = [:], movedIn: [String: String] = [:], movedOut: [String: String] = [:]
        for change in diff.changes where change.change == .moved {
            guard let program = change.program, let from = change.movedFrom else { continue }
            switch change.entity {
            case .program: renamedFrom[program] = from
            case .milestone, .risk:
                movedIn[Self.key(change.entity, program, change.id)] = from
                movedOut[Self.key(change.entity, from, change.id)] = program
            default: break
            }
        }
        self.renamedFrom = renamedFrom
        self.movedIn = movedIn
        self.movedOut = movedOut
    }

    private static func key(_ kind: EntityKind, _ program: String, _ id: String) -> String {
        [kind.rawValue, program, id].joined(separator: "\u{0}")
    }

    func variance() -> PlanVariance {
        var results: [ProgramVariance] = []
        var pairedBaseline: Set<String> = []
        for program in Self.unique(current.programs) {
            let old = renamedFrom[program.folder] ?? program.folder
            let before = baseline.program(old)
            if before != nil { pairedBaseline.insert(old) }
            let presence: ProgramVariance.Presence = before == nil ? .added : renamedFrom[program.folder] != nil ? .renamed : .both
            results.append(compare(before, program, presence: presence))
        }
        for program in Self.unique(baseline.programs) where !pairedBaseline.contains(program.folder) {
            results.append(compare(program, nil, presence: .removed))
        }
        return PlanVariance(programs: results.sorted { NaturalOrder.less($0.program, $1.program) })
    }

    /// The first program of each folder, as the diff pairs them.
    private static func unique(_ programs: [Program]) -> [Program] {
        var seen: Set<String> = []
        return programs.filter { seen.insert($0.folder).inserted }
    }

    private func compare(_ before: Program?, _ after: Program?, presence: ProgramVariance.Presence) -> ProgramVariance {
        let program = (after ?? before)!
        return ProgramVariance(
            program: program.folder, name: after?.name ?? before?.name, presence: presence,
            renamedFrom: presence == .renamed ? before?.folder : nil,
            baselineStatus: before?.status, status: after?.status,
            target: DateVariance(baseline: before?.target?.value, current: after?.target?.value),
            budget: budget(before, after),
            milestones: milestones(before, after),
            scope: scope(before, after))
    }

    // MARK: Milestones

    private func milestones(_ before: Program?, _ after: Program?) -> [MilestoneVariance] {
        var rows: [MilestoneVariance] = []
        var matched: Set<String> = []
        for milestone in Self.firstByID(after?.milestones ?? []) {
            let id = milestone.id.value
            var presence = MilestoneVariance.Presence.added
            var other: String?
            var old: Milestone?
            if let after, let from = movedIn[Self.key(.milestone, after.folder, id)] {
                presence = .movedIn
                other = from
                old = baseline.program(from)?.milestones.first { $0.id.value == id }
            } else if let match = before?.milestones.first(where: { $0.id.value == id }) {
                presence = .both
                old = match
                matched.insert(id)
            }
            rows.append(MilestoneVariance(
                id: id, name: milestone.name ?? old?.name, presence: presence, otherProgram: other,
                date: DateVariance(baseline: old?.date?.value, current: milestone.date?.value),
                baselineStatus: old?.status.value, status: milestone.status.value, doneOn: milestone.doneOn?.value))
        }
        for milestone in Self.firstByID(before?.milestones ?? []) where !matched.contains(milestone.id.value) {
            let id = milestone.id.value
            let to = before.flatMap { movedOut[Self.key(.milestone, $0.folder, id)] }
            rows.append(MilestoneVariance(
                id: id, name: milestone.name, presence: to == nil ? .removed : .movedOut, otherProgram: to,
                date: DateVariance(baseline: milestone.date?.value, current: nil),
                baselineStatus: milestone.status.value, status: nil, doneOn: nil))
        }
        return rows
    }

    private static func firstByID(_ milestones: [Milestone]) -> [Milestone] {
        var seen: Set<String> = []
        return milestones.filter { seen.insert($0.id.value).inserted }
    }

    // MARK: Budget

    private func budget(_ before: Program?, _ after: Program?) -> BudgetVariance {
        let old = Self.byCategory(before), new = Self.byCategory(after)
        let categories = Set(old.keys).union(new.keys).sorted(by: NaturalOrder.less).map {
            BudgetVariance.Category(category: $0, amount: AmountVariance(baseline: old[$0], current: new[$0]))
        }
        return BudgetVariance(
            currency: after?.currency ?? before?.currency,
            total: AmountVariance(baseline: before?.budgetTotal?.value, current: after?.budgetTotal?.value),
            lines: AmountVariance(baseline: before.map { _ in old.values.sorted().reduce(0, +) },
                                  current: after.map { _ in new.values.sorted().reduce(0, +) }),
            categories: categories)
    }

    private static func byCategory(_ program: Program?) -> [String: Double] {
        BudgetLine.totalsByCategory(program?.budgetLines ?? [])
    }

    // MARK: Scope

    private func scope(_ before: Program?, _ after: Program?) -> ScopeVariance {
        var scope = ScopeVariance()
        let oldIn = before?.scopeIn ?? [], newIn = after?.scopeIn ?? []
        let oldOut = before?.scopeOut ?? [], newOut = after?.scopeOut ?? []
        scope.inAdded = newIn.filter { !oldIn.contains($0) }
        scope.inRemoved = oldIn.filter { !newIn.contains($0) }
        scope.outAdded = newOut.filter { !oldOut.contains($0) }
        scope.outRemoved = oldOut.filter { !newOut.contains($0) }

        func item(_ risk: Risk) -> ScopeVariance.RiskItem {
            ScopeVariance.RiskItem(id: risk.id.value, title: risk.title, score: risk.score)
        }
        // A risk that moved between programs is neither added to one nor removed from the other.
        let oldRisks = before?.risks ?? [], newRisks = after?.risks ?? []
        for risk in newRisks {
            if let old = oldRisks.first(where: { $0.id.value == risk.id.value }) {
                if old.isActive && risk.status == "closed" { scope.risksClosed.append(item(risk)) }
            } else if let after, movedIn[Self.key(.risk, after.folder, risk.id.value)] == nil {
                scope.risksAdded.append(item(risk))
            }
        }
        scope.risksRemoved = oldRisks.filter { old in
            !newRisks.contains { $0.id.value == old.id.value }
                && before.map { movedOut[Self.key(.risk, $0.folder, old.id.value)] == nil } == true
        }.map(item)
        return scope
    }
}
