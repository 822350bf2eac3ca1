/// Each program's forecast end, as the schedule computes it: the one place scenarios ask the
/// scheduler, so a change in how the schedule is reached is a change here only.
public enum ForecastEnds {
    /// Program folder to forecast end (`nil` when none of its milestones is scheduled); `nil`
    /// altogether when dependencies form a cycle and nothing can be scheduled.
    public static func of(_ workspace: Workspace, asOf: PlanDate) -> [String: PlanDate?]? {
        guard let analysis = try? Scheduler.analyze(workspace, asOf: asOf) else { return nil }
        var ends: [String: PlanDate?] = [:]
        for program in analysis.programs { ends[program.program] = program.forecastEnd }
        return ends
    }

    /// Whether a change can move any forecast end: only milestones' dates, starts, statuses,
    /// completion and dependencies feed the schedule (or milestones and programs that come,
    /// go or move). A branch that renames milestones or edits risks cannot, and is not scheduled.
    public static func mayMove(_ diff: PlanDiff) -> Bool {
        diff.changes.contains { change in
            switch change.entity {
            case .milestone:
                return change.change != .modified || change.fields.contains { scheduleFields.contains($0.field) }
            case .program:
                return change.change != .modified
            default:
                return false
            }
        }
    }

    private static let scheduleFields: Set<String> = ["start", "date", "status", "done_on", "depends_on"]
}

/// How a change moves one program's forecast end.
public struct ForecastChange: Hashable, Sendable {
    public var program: String
    public var from: PlanDate?
    public var to: PlanDate?
    /// Positive = later; `nil` when either end is unknown.
    public var days: Int?

    public init(program: String, from: PlanDate?, to: PlanDate?) {
        self.program = program
        self.from = from
        self.to = to
        days = from.flatMap { from in to.map { $0.dayNumber - from.dayNumber } }
    }

    /// The programs whose forecast end differs, in natural order. With a cycle on either side
    /// nothing can be said (empty).
    public static func between(_ before: [String: PlanDate?]?, _ after: [String: PlanDate?]?) -> [ForecastChange] {
        guard let before, let after else { return [] }
        return Set(before.keys).union(after.keys).sorted(by: NaturalOrder.less).compactMap { program in
            let from = before[program] ?? nil, to = after[program] ?? nil
            return from == to ? nil : ForecastChange(program: program, from: from, to: to)
        }
    }
}
