/// A measurement without a date cannot be placed on the KPI's trend or judged as stale.
public struct KPICurrentWithoutAsOfRule: Rule {
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "kpi-current-without-as-of",
        name: "KPI measurement without a date",
        summary: "A KPI's current value comes with as_of, the day it was measured, so its trend can be charted.",
        category: .kpis,
        defaultSeverity: .warning,
        triggeringExamples: [
            .kpis("""
            kpis:
              - { id: K1, name: Checkout p99 latency, unit: ms, baseline: 420, target: 300, current: ↓380 }
            """),
        ],
        nonTriggeringExamples: [
            .kpis("""
            kpis:
              - { id: K1, name: Checkout p99 latency, unit: ms, baseline: 420, target: 300, current: 380, as_of: 2026-01-10 }
              - { id: K2, name: Card auth success rate, unit: "%", baseline: 96.5, target: 98.5 }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        context.workspace.programs.flatMap { program in
            program.kpis.compactMap { kpi in
                guard let current = kpi.current, kpi.asOf == nil else { return nil }
                return Finding(at: current.location,
                    "KPI \(kpi.id.value) has current \(KPIFormat.value(current.value, unit: kpi.unit)) but no as_of; add the day it was measured")
            }
        }
    }
}
