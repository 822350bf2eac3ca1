/// A milestone's dates in the baseline, for the report's ghost bars and "slipped vs baseline".
/// The matching is `PlanVariance`'s (the one `charter variance` reports): by id, following a
/// renamed program folder and a milestone moved from another program.
public struct BaselineDates: Hashable, Sendable {
    public var start: PlanDate?
    public var date: PlanDate?

    public init(start: PlanDate?, date: PlanDate?) {
        self.start = start
        self.date = date
    }

    /// By current program folder, then milestone id; milestones new since the baseline are absent.
    public static func all(_ variance: PlanVariance, baseline: Workspace) -> [String: [String: BaselineDates]] {
        let baselinePrograms = Dictionary(baseline.programs.map { ($0.folder, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [String: [String: BaselineDates]] = [:]
        for program in variance.programs where program.presence != .removed && program.presence != .added {
            var dates: [String: BaselineDates] = [:]
            for milestone in program.milestones where milestone.presence == .both || milestone.presence == .movedIn {
                let folder = milestone.presence == .movedIn ? milestone.otherProgram : program.renamedFrom ?? program.program
                let before = folder.flatMap { baselinePrograms[$0] }?.milestones.first { $0.id.value == milestone.id }
                dates[milestone.id] = BaselineDates(start: before?.start?.value, date: milestone.date.baseline)
            }
            result[program.program] = dates
        }
        return result
    }
}
