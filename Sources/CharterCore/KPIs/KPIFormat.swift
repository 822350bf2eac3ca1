/// How a KPI's numbers are written everywhere (diff, rules, the kpis table): `420 ms`, `97.8%`,
/// `1250 requests/s`. Exact values, not rounded like money: a KPI is often a small decimal.
public enum KPIFormat {
    public static func number(_ value: Double) -> String { SafeNumber.plain(value) }

    /// The number with its unit; `%` and other symbols without a space, words with one.
    public static func value(_ value: Double, unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return number(value) }
        let attached = unit.count == 1 && !(unit.first?.isLetter ?? false)
        return number(value) + (attached ? "" : " ") + unit
    }
}
