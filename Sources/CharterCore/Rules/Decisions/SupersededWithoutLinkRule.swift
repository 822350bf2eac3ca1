/// "Superseded" without saying by what leaves readers of the log at a dead end. Common in real
/// logs, so a warning.
public struct SupersededWithoutLinkRule: Rule {
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "decision-superseded-without-link",
        name: "Superseded decision without successor",
        summary: "A superseded decision names its successor with superseded_by (or a successor names it with supersedes).",
        category: .decisions,
        defaultSeverity: .warning,
        triggeringExamples: [
            .decisions("""
            decisions:
              - { id: D1, title: Use gRPC internally, status: accepted }
              - { id: D2, title: Use REST internally, status: ↓superseded }
            """),
        ],
        nonTriggeringExamples: [
            .decisions("""
            decisions:
              - { id: D1, title: Use gRPC internally, status: accepted, supersedes: D2 }
              - { id: D2, title: Use REST internally, status: superseded }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        context.workspace.programs.flatMap { program -> [Finding] in
            let replaced = Set(program.decisions.compactMap { $0.supersedes.map { EntityReference($0.value).id } })
            return program.decisions.compactMap { decision -> Finding? in
                guard let status = decision.status, status.value == "superseded", decision.supersededBy == nil,
                      !replaced.contains(decision.id.value) else { return nil }
                return Finding(at: status.location,
                    "\(decision.id.value) is superseded but does not say by what; add superseded_by: <decision id>")
            }
        }
    }
}
