/// Formats amounts the way a budget is read: `1,250,000`, `12,500.50`.
public enum Money {
    /// Total on every `Double`: amounts whose cents do not fit an `Int64` (far past
    /// `NumberDomain.money`, e.g. from an old commit) are written as Swift writes the number.
    public static func format(_ amount: Double) -> String {
        let negative = amount < 0
        guard let cents = SafeNumber.int64(abs(amount) * 100) else { return String(amount) }
        let whole = String(cents / 100)
        var grouped = ""
        for (offset, character) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        let fraction = cents % 100
        let tail = fraction == 0 ? "" : "." + (fraction < 10 ? "0" : "") + String(fraction)
        return (negative && cents > 0 ? "-" : "") + grouped + tail
    }
}
