/// A high risk nobody is acting on is the one that sinks the program.
public struct HighRiskWithoutMitigationRule: Rule {
    public static let scope = RuleScope.program
    public init() {}

    public static let threshold = 15

    public static let description = RuleDescription(
        id: "risk-high-without-mitigation",
        name: "High risk without mitigation",
        summary: "An open or mitigating risk scoring 15 or more (probability x impact) states its mitigation.",
        category: .risks,
        defaultSeverity: .warning,
        triggeringExamples: [
            .risks("""
            risks:
              - id: ↓R1
                title: Vendor SDK not certified in time
                owner: erin
                probability: 4
                impact: 5
                status: open
            """),
        ],
        nonTriggeringExamples: [
            .risks("""
            risks:
              - { id: R1, title: Vendor SDK late, owner: erin, probability: 4, impact: 5, status: open, mitigation: Fallback vendor }
              - { id: R2, title: Minor churn, owner: erin, probability: 2, impact: 3, status: open }
              - { id: R3, title: Old risk, owner: erin, probability: 5, impact: 5, status: closed }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        context.workspace.programs.flatMap { program in
            program.risks.compactMap { risk in
                guard risk.isActive, let score = risk.score, score >= Self.threshold,
                      (risk.mitigation ?? "").allSatisfy(\.isWhitespace) else { return nil }
                return Finding(at: risk.id.location,
                    "risk \(risk.id.value) scores \(score) (probability \(risk.probability!) x impact \(risk.impact!)) and is \(risk.status ?? "open") with no mitigation; say what is being done about it")
            }
        }
    }
}
