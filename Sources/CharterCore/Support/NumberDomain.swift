/// The range a kind of number in a plan may take. The schema checker reports a value outside
/// it (naming the field and the range), `charter schema` writes it as `minimum`/`maximum`, and
/// the model builders read such a value as absent, like any other value the schema rejected.
public struct NumberDomain: Sendable, Hashable {
    /// What kind of number this is, for messages: "money", "a percentage".
    public let name: String
    public let range: ClosedRange<Double>

    public init(_ name: String, _ range: ClosedRange<Double>) {
        self.name = name
        self.range = range
    }

    /// Money in the program's currency: 0 to 10^13 (ten trillion), which is 10^15 in the minor
    /// units of a currency with cents — more than any real budget, and small enough that cents
    /// stay exact in a `Double` and sums of thousands of lines stay finite.
    public static let money = NumberDomain("money", 0...1e13)
    /// A percentage threshold (policy): 0 to 1000.
    public static let percent = NumberDomain("a percentage", 0...1000)
    /// Share of one person's time: 0 to 100.
    public static let allocationPercent = NumberDomain("a share of a person's time", 0...100)
    /// A KPI measurement: any finite number from -10^15 to 10^15 (negative allowed).
    public static let kpiValue = NumberDomain("a KPI value", -1e15...1e15)

    public func contains(_ value: Double) -> Bool { value.isFinite && range.contains(value) }

    /// "from 0 to 10,000,000,000,000".
    public var rangeText: String {
        "from \(Self.grouped(range.lowerBound)) to \(Self.grouped(range.upperBound))"
    }

    private static func grouped(_ value: Double) -> String {
        (value < 0 ? "-" : "") + Money.format(abs(value))
    }
}

/// Whole-day counts in plans and policy (`slip_days`): 0 to 100,000 days (about 270 years).
public enum DayCount {
    public static let range = 0...100_000
}
