/// A measurable objective of a program (`programs/<id>/kpis.yaml`): where it started, where it
/// must get to, and the latest measurement. `current` and `as_of` change often; their history in
/// git is the KPI's trend (see `KPITrend`).
public struct KPI: Hashable, Sendable {
    /// Which way is better.
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        case increase
        case decrease
    }

    public var id: Located<String>
    public var name: String?
    public var unit: String?
    public var baseline: Located<Double>?
    public var target: Located<Double>?
    public var current: Located<Double>?
    public var asOf: Located<PlanDate>?
    /// As written; `nil` when the file leaves it to be derived (see `effectiveDirection`).
    public var direction: Located<Direction>?
    public var owner: Located<String>?
    public var description: String?

    /// The written direction, else the one from baseline to target; `nil` when neither says
    /// (no baseline, or a target equal to it): the `kpi-direction-unknown` rule asks for one.
    public var effectiveDirection: Direction? {
        if let direction { return direction.value }
        guard let baseline, let target, baseline.value != target.value else { return nil }
        return target.value > baseline.value ? .increase : .decrease
    }

    /// Whether `value` is better than `other` for this KPI's direction (`nil`: cannot tell).
    public func isBetter(_ value: Double, than other: Double) -> Bool? {
        guard let direction = effectiveDirection, value != other else { return nil }
        return direction == .increase ? value > other : value < other
    }
}
