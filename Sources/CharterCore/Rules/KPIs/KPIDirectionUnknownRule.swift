/// Whether a KPI is on track depends on which way is better; without `direction` it is read off
/// baseline → target, and when that says nothing (no baseline, or one equal to the target) the
/// file has to say.
public struct KPIDirectionUnknownRule: Rule {
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "kpi-direction-unknown",
        name: "KPI without a direction",
        summary: "A KPI names its direction (increase or decrease) unless a baseline different from the target shows it.",
        category: .kpis,
        defaultSeverity: .error,
        triggeringExamples: [
            .kpis("""
            kpis:
              - { id: ↓K1, name: Checkout p99 latency, unit: ms, target: 300 }
            """),
        ],
        nonTriggeringExamples: [
            .kpis("""
            kpis:
              - { id: K1, name: Checkout p99 latency, unit: ms, target: 300, direction: decrease }
              - { id: K2, name: Card auth success rate, unit: "%", baseline: 96.5, target: 98.5 }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        context.workspace.programs.flatMap { program in
            program.kpis.compactMap { kpi in
                guard kpi.target != nil, kpi.effectiveDirection == nil else { return nil }
                let why = kpi.baseline == nil ? "it has no baseline" : "its baseline equals its target"
                return Finding(at: kpi.id.location,
                    "KPI \(kpi.id.value) does not say which way is better and \(why); add direction: increase or direction: decrease")
            }
        }
    }
}
