/// Formats amounts the way a budget is read: `1,250,000`, `12,500.50`.
public enum Money {
    public static func format(_ amount: Double) -> String {
        let negative = amount < 0
        let cents = Int64((abs(amount) * 100).rounded())
        let whole = String(cents / 100)
        var grouped = ""
        for (offset, character) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        let fraction = cents % 100
        let tail = fraction == 0 ? "" : "." + (fraction < 10 ? "0" : "") + String(fraction)
        return (negative ? "-" : "") + grouped + tail
    }
}
