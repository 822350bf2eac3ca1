/// Where a milestone stands (`status:` in `milestones.yaml`; `planned` when the file does not say).
///
/// **Open** is one definition, used by the rules, the schedule, the diff and the report: not
/// `done` and not `cancelled`. A `missed` milestone is open: it was not reached, so its work is
/// still to do — the schedule forecasts it no earlier than the as-of day and it pushes what
/// depends on it, exactly as an overdue `planned` one does.
public enum MilestoneStatus: String, CaseIterable, Hashable, Sendable {
    case planned
    case atRisk = "at-risk"
    case done
    case missed
    case cancelled

    /// Not reached and not abandoned: `planned`, `at-risk` or `missed`.
    public var isOpen: Bool { self != .done && self != .cancelled }

    /// Open, dated before `asOf`, and not yet marked `missed`: its stored status has gone stale
    /// (the `milestone-overdue` rule, the report's "overdue").
    public func isOverdue(date: PlanDate?, asOf: PlanDate) -> Bool {
        guard isOpen, self != .missed, let date else { return false }
        return date < asOf
    }
}
