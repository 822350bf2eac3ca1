/// Two dates of the same thing, at the baseline and now.
public struct DateVariance: Hashable, Sendable {
    public var baseline: PlanDate?
    public var current: PlanDate?

    public init(baseline: PlanDate?, current: PlanDate?) {
        self.baseline = baseline
        self.current = current
    }

    /// Days from the baseline date to the current one, positive when later; `nil` unless both are set.
    public var days: Int? {
        guard let baseline, let current else { return nil }
        return baseline.days(to: current)
    }
}

/// Two amounts of money, at the baseline and now; `nil` where none was set.
public struct AmountVariance: Hashable, Sendable {
    public var baseline: Double?
    public var current: Double?

    public init(baseline: Double?, current: Double?) {
        self.baseline = baseline
        self.current = current
    }

    /// Current minus baseline, a missing amount counting as 0.
    public var delta: Double { (current ?? 0) - (baseline ?? 0) }

    /// The delta as a percent of the baseline; `nil` when the baseline had no amount (or 0).
    public var percent: Double? {
        guard let baseline else { return nil }
        return SafeNumber.ratio(delta, baseline).map { $0 * 100 }
    }
}
