/// The one place where a number read from a plan becomes an integer, is divided, or picks an
/// element of an array. Every such step is total: NaN, infinities and values past `Int64` give
/// `nil` (or a clamped index), never a runtime trap. The schema keeps today's plans inside
/// `NumberDomain`, but a file from an old commit was never checked by today's schema, and sums
/// of valid amounts can still leave any fixed range: reporters and rules rely on this instead.
public enum SafeNumber {
    /// 2^63 as a Double: the first value `Int64(_:)` cannot hold.
    private static let int64Limit = 0x1p63

    /// The nearest whole number (halves away from zero), or nil when there is none in `Int64`.
    public static func int64(_ value: Double) -> Int64? {
        let rounded = value.rounded()
        guard rounded.isFinite, rounded >= -int64Limit, rounded < int64Limit else { return nil }
        return Int64(rounded)
    }

    /// The nearest whole number as an `Int`, or nil when there is none.
    public static func int(_ value: Double) -> Int? {
        int64(value).flatMap { Int(exactly: $0) }
    }

    /// The nearest whole number, clamped into `range`; NaN gives the lower bound.
    public static func int(_ value: Double, clampedTo range: ClosedRange<Int>) -> Int {
        guard !value.isNaN else { return range.lowerBound }
        if value <= Double(range.lowerBound) { return range.lowerBound }
        if value >= Double(range.upperBound) { return range.upperBound }
        return int(value).map { min(max($0, range.lowerBound), range.upperBound) } ?? range.lowerBound
    }

    /// `numerator / denominator`, or nil when the denominator is zero or the quotient is not a
    /// finite number (a percentage of nothing is no percentage).
    public static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        guard denominator != 0 else { return nil }
        let quotient = numerator / denominator
        return quotient.isFinite ? quotient : nil
    }

    /// `numerator / denominator` rounded to a whole percent, or nil as for `ratio`.
    public static func wholePercent(_ numerator: Double, of denominator: Double) -> Int? {
        ratio(numerator, denominator).flatMap { int($0 * 100) }
    }

    /// The element for `fraction` (0 = first, 1 = last, rounded down between) of an array of
    /// `count` elements, clamped into the array; NaN picks the first.
    public static func index(fraction: Double, count: Int) -> Int {
        int((fraction * Double(count - 1)).rounded(.down), clampedTo: 0...max(count - 1, 0))
    }

    /// A whole number without `.0` (`40000`), any other value as Swift writes it (`12.5`,
    /// `1e+20`); used where a number is shown as the number it is (JSON, CSV, schema docs).
    /// Whole numbers are written out up to 2^53, where a `Double` stops holding every integer.
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) <= 0x1p53, let whole = int64(value) { return String(whole) }
        return String(value)
    }

    /// Whole tenths of `value`'s magnitude (`12.34` → 123), or nil past `Int64`.
    public static func tenths(_ value: Double) -> Int64? {
        int64(abs(value) * 10)
    }
}
