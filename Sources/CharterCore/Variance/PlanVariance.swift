/// How the plans differ from a baseline, program by program: the answer to "are we still on
/// the plan we committed to?". Pure: computed from two workspaces.
public struct PlanVariance: Hashable, Sendable {
    /// In natural order of folder.
    public var programs: [ProgramVariance]

    public init(programs: [ProgramVariance]) {
        self.programs = programs
    }

    /// Compares the plans at a baseline with the current plans. Entities are matched as
    /// `SemanticDiff` matches them: by id, with programs renamed and milestones moved between
    /// programs recognised as such.
    public init(baseline: Workspace, current: Workspace) {
        self.init(baseline: baseline, current: current,
                  diff: SemanticDiff.compare(DiffSide(workspace: baseline), DiffSide(workspace: current), consequencesAsOf: nil))
    }

    /// The same, from the semantic diff of the two sides already made: a caller that shows
    /// both (the status report) compares once.
    public init(baseline: Workspace, current: Workspace, diff: PlanDiff) {
        self = VarianceCalculator(baseline: baseline, current: current, diff: diff).variance()
    }

    /// The variance and the semantic diff it was read from (its consequences judged `asOf`), in one comparison.
    public static func compare(_ baseline: DiffSide, _ current: DiffSide, asOf: PlanDate) -> (variance: PlanVariance, diff: PlanDiff) {
        let diff = SemanticDiff.compare(baseline, current, asOf: asOf)
        return (PlanVariance(baseline: baseline.workspace, current: current.workspace, diff: diff), diff)
    }

    /// Only the named programs (current folder, or the folder they had at the baseline).
    public func only(_ folders: Set<String>) -> PlanVariance {
        PlanVariance(programs: programs.filter { folders.contains($0.program) || $0.renamedFrom.map(folders.contains) == true })
    }

    public var summary: VarianceSummary { VarianceSummary(programs) }
}

/// Totals over every program of a variance.
public struct VarianceSummary: Hashable, Sendable {
    public var maxSlipDays: Int?
    public var milestonesSlipped = 0
    public var milestonesPulledIn = 0
    public var milestonesAdded = 0
    public var milestonesRemoved = 0
    public var milestonesCancelled = 0
    public var milestonesMoved = 0
    public var programsAdded = 0
    public var programsRemoved = 0
    /// Change of the budget totals by currency (`""` when a program has none).
    public var budgetDelta: [String: Double] = [:]

    init(_ programs: [ProgramVariance]) {
        for program in programs {
            for milestone in program.milestones {
                if let days = milestone.date.days, milestone.presence == .both || milestone.presence == .movedIn {
                    if days > 0 { milestonesSlipped += 1 }
                    if days < 0 { milestonesPulledIn += 1 }
                }
                switch milestone.presence {
                case .added: milestonesAdded += 1
                case .removed: milestonesRemoved += 1
                case .movedIn: milestonesMoved += 1
                case .both, .movedOut: break
                }
                if milestone.wasCancelled { milestonesCancelled += 1 }
            }
            if let slip = program.maxSlipDays { maxSlipDays = max(maxSlipDays ?? slip, slip) }
            if program.presence == .added { programsAdded += 1 }
            if program.presence == .removed { programsRemoved += 1 }
            if program.budget.total.baseline != program.budget.total.current {
                budgetDelta[program.budget.currency ?? "", default: 0] += program.budget.total.delta
            }
        }
    }
}
