/// Formats amounts the way a budget is read: `1,250,000`, `12,500.50`.
public enum Money {
    /// Total on every `Double`. Cents are shown while they fit an `Int64` (to about 9×10^16,
    /// far past `NumberDomain.money`); larger sums are shown in whole units, and numbers past
    /// `Int64` altogether (only from an unchecked old commit) as Swift writes them.
    public static func format(_ amount: Double) -> String {
        let negative = amount < 0
        let digits: String
        let fraction: Int64
        if let cents = SafeNumber.int64(abs(amount) * 100) {
            digits = String(cents / 100)
            fraction = cents % 100
        } else if let whole = SafeNumber.int64(abs(amount)) {
            digits = String(whole)
            fraction = 0
        } else {
            return String(amount)
        }
        var grouped = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        let tail = fraction == 0 ? "" : "." + (fraction < 10 ? "0" : "") + String(fraction)
        return (negative && (digits != "0" || fraction > 0) ? "-" : "") + grouped + tail
    }
}
