/// One quantile of a forecast date: a date, or, when the data does not reach that far, only
/// "later than" the last date it covers (`date == nil`, `beyond`).
public struct ForecastQuantile: Hashable, Sendable {
    public var date: PlanDate?
    /// When `date` is nil: the latest date the simulation could give for it.
    public var laterThan: PlanDate?

    public var beyond: Bool { date == nil }

    /// The `p` quantile of sampled day numbers (`beyondDay` and above mean "not reached").
    static func of(sorted days: [Int32], _ p: Double, beyondDay: Int32) -> ForecastQuantile {
        guard !days.isEmpty else { return ForecastQuantile(date: nil, laterThan: nil) }
        let index = min(days.count - 1, max(0, Int((p * Double(days.count)).rounded(.up)) - 1))
        if days[index] < beyondDay { return ForecastQuantile(date: PlanDate(dayNumber: Int(days[index])), laterThan: nil) }
        let latest = days.last(where: { $0 < beyondDay })
        return ForecastQuantile(date: nil, laterThan: latest.map { PlanDate(dayNumber: Int($0)) })
    }
}
