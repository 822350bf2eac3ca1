/// A measurement dated after today (or after the commit, for `--rev`) has not been taken yet:
/// usually a typo in the year or month.
public struct KPIAsOfInFutureRule: Rule {
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "kpi-as-of-in-future",
        name: "KPI measured in the future",
        summary: "A KPI's as_of is not after the day the plans are judged on (--as-of: today, or the commit's date for --rev).",
        category: .kpis,
        defaultSeverity: .warning,
        triggeringExamples: [
            .kpis("""
            kpis:
              - { id: K1, name: Checkout p99 latency, unit: ms, baseline: 420, target: 300, current: 380, as_of: ↓2026-02-10 }
            """, asOf: "2026-01-15"),
        ],
        nonTriggeringExamples: [
            .kpis("""
            kpis:
              - { id: K1, name: Checkout p99 latency, unit: ms, baseline: 420, target: 300, current: 380, as_of: 2026-01-15 }
            """, asOf: "2026-01-15"),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        context.workspace.programs.flatMap { program in
            program.kpis.compactMap { kpi in
                guard let asOf = kpi.asOf, context.asOf < asOf.value else { return nil }
                let days = context.asOf.days(to: asOf.value)
                return Finding(at: asOf.location,
                    "KPI \(kpi.id.value) was measured as of \(asOf.value), \(Plural.count(days, "day")) after \(context.asOf); check the date")
            }
        }
    }
}
