/// One value a KPI had, on the day it was measured.
public struct KPIMeasurement: Hashable, Sendable {
    public var date: PlanDate
    public var value: Double

    public init(date: PlanDate, value: Double) {
        self.date = date
        self.value = value
    }
}

extension KPI {
    /// Every value this KPI is known to have had, oldest first: the committed measurements of
    /// its history (`KPITrend`), plus the plan's own `current` at its `as_of` when that is not
    /// committed yet (a worktree edit), which replaces a committed value of the same day.
    public func measurements(committed trend: KPITrend?) -> [KPIMeasurement] {
        var points = (trend?.points ?? []).map { KPIMeasurement(date: $0.date, value: $0.value) }
        if let current = current?.value, let asOf = asOf?.value {
            if let same = points.firstIndex(where: { $0.date == asOf }) {
                points[same].value = current
            } else {
                points.insert(KPIMeasurement(date: asOf, value: current), at: points.firstIndex { asOf < $0.date } ?? points.endIndex)
            }
        }
        return points
    }
}
