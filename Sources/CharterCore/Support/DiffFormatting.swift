/// Numbers as the diff writes them everywhere: signed money with the currency's symbol, percents
/// with one decimal, day counts. Shared by the summary line and every reporter.
public enum DiffFormatting {
    private static let symbols: [String: String] = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"]

    /// `$1,250,000`, `€300`, `1,000 CHF`, `1,000` (no currency).
    public static func money(_ amount: Double, currency: String?) -> String {
        let digits = Money.format(abs(amount))
        let sign = amount < 0 ? "-" : ""
        if let currency, let symbol = symbols[currency.uppercased()] { return sign + symbol + digits }
        if let currency, !currency.isEmpty { return "\(sign)\(digits) \(currency)" }
        return sign + digits
    }

    /// `+$40,000`, `-€3,000`, `+0`.
    public static func signedMoney(_ amount: Double, currency: String?) -> String {
        (amount < 0 ? "" : "+") + money(amount, currency: currency)
    }

    /// `+3.2%`, `-0.5%`, `+0.0%`.
    public static func signedPercent(_ percent: Double) -> String {
        (percent < 0 && (abs(percent) * 10).rounded() > 0 ? "-" : "+") + oneDecimal(abs(percent)) + "%"
    }

    /// `3.2`, `12.0`: one decimal, rounded half away from zero (past `Int64`, as Swift writes it).
    public static func oneDecimal(_ value: Double) -> String {
        guard let tenths = SafeNumber.tenths(value) else { return String(value) }
        return (value < 0 && tenths > 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }

    /// `+12`, `-7.5`, `+0`: whole numbers without a decimal.
    public static func signedNumber(_ value: Double) -> String {
        guard let tenths = SafeNumber.tenths(value) else { return (value < 0 ? "" : "+") + String(value) }
        let magnitude = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
        return (value < 0 && tenths > 0 ? "-" : "+") + magnitude
    }

    /// `14d`.
    public static func days(_ days: Int) -> String { "\(abs(days))d" }

    /// `+14d` (later), `-3d` (earlier), `0d`: how every report signs a move in days.
    public static func signedDays(_ days: Int) -> String {
        days > 0 ? "+\(days)d" : days < 0 ? "-\(-days)d" : "0d"
    }

    /// `"Partial refunds"`, with `"` and `\` escaped so the text cannot end the quotes early.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
