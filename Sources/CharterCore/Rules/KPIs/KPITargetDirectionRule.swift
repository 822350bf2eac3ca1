/// A KPI whose target is worse than its baseline, for the direction written, would be "met" by
/// getting worse: almost always a sign flipped or the wrong direction.
public struct KPITargetDirectionRule: Rule {
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "kpi-target-direction",
        name: "KPI target on the wrong side",
        summary: "A KPI's target must be better than its baseline in the direction it names (higher for increase, lower for decrease).",
        category: .kpis,
        defaultSeverity: .error,
        triggeringExamples: [
            .kpis("""
            kpis:
              - { id: K1, name: Checkout p99 latency, unit: ms, baseline: 420, target: ↓500, direction: decrease }
            """),
        ],
        nonTriggeringExamples: [
            .kpis("""
            kpis:
              - { id: K1, name: Checkout p99 latency, unit: ms, baseline: 420, target: 300, direction: decrease }
              - { id: K2, name: Card auth success rate, unit: "%", baseline: 96.5, target: 98.5 }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        context.workspace.programs.flatMap { program in
            program.kpis.compactMap { kpi in
                guard let direction = kpi.direction, let baseline = kpi.baseline, let target = kpi.target,
                      kpi.isBetter(baseline.value, than: target.value) == true else { return nil }
                let better = direction.value == .increase ? "higher" : "lower"
                return Finding(at: target.location,
                    "KPI \(kpi.id.value) targets \(KPIFormat.value(target.value, unit: kpi.unit)), worse than its baseline \(KPIFormat.value(baseline.value, unit: kpi.unit)) for direction \(direction.value.rawValue) (\(better) is better); fix the target or the direction",
                    notes: [Diagnostic.Note("direction written here", at: direction.location)])
            }
        }
    }
}
