/// Why an open milestone needs a TPM's attention (the status report's "needs attention").
public enum AttentionReason: Hashable, Sendable, CustomStringConvertible {
    case markedAtRisk
    /// Marked `missed`: still open, its work still to do.
    case markedMissed
    /// Open past its date and not yet marked missed (`MilestoneStatus.isOverdue`).
    case overdue(days: Int)
    /// Later than the baseline had it.
    case slipped(days: Int, baseline: PlanDate, date: PlanDate)
    /// It already makes some program miss its deadline, by that many days (the schedule's total slack).
    case negativeSlack(days: Int)
    /// Dated after its program's target.
    case afterTarget(PlanDate)

    /// Every reason an open milestone needs attention, in this order; none for a done or
    /// cancelled one.
    /// - Parameters:
    ///   - baselineDate: its date at the baseline, when there is one.
    ///   - totalSlack: the schedule's total slack, when it could schedule.
    public static func reasons(_ milestone: Milestone, asOf: PlanDate, baselineDate: PlanDate?,
                               totalSlack: Int?, target: PlanDate?) -> [AttentionReason] {
        guard milestone.isOpen else { return [] }
        var reasons: [AttentionReason] = []
        let date = milestone.date?.value
        if milestone.status.value == .atRisk { reasons.append(.markedAtRisk) }
        if milestone.status.value == .missed { reasons.append(.markedMissed) }
        if milestone.isOverdue(asOf: asOf), let date { reasons.append(.overdue(days: date.days(to: asOf))) }
        if let date, let baselineDate, baselineDate.days(to: date) > 0 {
            reasons.append(.slipped(days: baselineDate.days(to: date), baseline: baselineDate, date: date))
        }
        if let totalSlack, totalSlack < 0 { reasons.append(.negativeSlack(days: totalSlack)) }
        if let target, let date, date > target { reasons.append(.afterTarget(target)) }
        return reasons
    }

    public var description: String {
        switch self {
        case .markedAtRisk: return "marked at-risk"
        case .markedMissed: return "marked missed"
        case .overdue(let days): return "overdue by \(days)d"
        case .slipped(let days, let baseline, let date): return "slipped \(days)d vs baseline (\(baseline) → \(date))"
        case .negativeSlack(let days): return "negative slack \(days)d"
        case .afterTarget(let target): return "after the target (\(target))"
        }
    }
}
