/// A decision log is only trustworthy when "replaced by" and "replaces" point at each other.
public struct DecisionLinkRule: Rule {
    public static let scope = RuleScope.references
    public init() {}

    public static let description = RuleDescription(
        id: "decision-link",
        name: "Broken decision link",
        summary: "supersedes and superseded_by name existing decisions, agree with each other, and superseded_by goes with status superseded.",
        category: .decisions,
        defaultSeverity: .error,
        triggeringExamples: [
            .decisions("""
            decisions:
              - { id: D1, title: Use gRPC internally, status: accepted }
              - { id: D2, title: Use REST internally, status: superseded, superseded_by: ↓D9 }
            """),
            .decisions("""
            decisions:
              - { id: D1, title: Use gRPC internally, status: accepted, supersedes: D3 }
              - { id: D2, title: Use REST internally, status: superseded, superseded_by: ↓D1 }
              - { id: D3, title: Use SOAP, status: rejected }
            """),
        ],
        nonTriggeringExamples: [
            .decisions("""
            decisions:
              - { id: D1, title: Use gRPC internally, status: accepted, supersedes: D2 }
              - { id: D2, title: Use REST internally, status: superseded, superseded_by: D1 }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for program in context.workspace.programs {
            func resolve(_ reference: String) -> Decision? {
                let target = EntityReference(reference)
                let folder = target.program(from: program.folder)
                return context.programsByFolder[folder]?.decisions.first { $0.id.value == target.id }
            }
            for decision in program.decisions {
                let id = decision.id.value
                if let link = decision.supersededBy {
                    if let newer = resolve(link.value) {
                        if let back = newer.supersedes, EntityReference(back.value).id != id {
                            findings.append(Finding(at: link.location,
                                "\(id) says it is superseded by \(link.value), but \(link.value) says it supersedes \(back.value)",
                                notes: [Diagnostic.Note("\(link.value) names \(back.value) here", at: back.location)]))
                        }
                        if let status = decision.status, status.value != "superseded" {
                            findings.append(Finding(at: status.location,
                                "\(id) is superseded by \(link.value) but its status is \(status.value); set status: superseded"))
                        }
                    } else {
                        findings.append(dangling(id, "superseded_by", link, program))
                    }
                }
                if let link = decision.supersedes {
                    if let older = resolve(link.value) {
                        if let forward = older.supersededBy, EntityReference(forward.value).id != id {
                            findings.append(Finding(at: link.location,
                                "\(id) says it supersedes \(link.value), but \(link.value) says it is superseded by \(forward.value)",
                                notes: [Diagnostic.Note("\(link.value) names \(forward.value) here", at: forward.location)]))
                        }
                    } else {
                        findings.append(dangling(id, "supersedes", link, program))
                    }
                }
            }
        }
        return findings
    }

    private func dangling(_ id: String, _ key: String, _ link: Located<String>, _ program: Program) -> Finding {
        let suggestion = Suggestion.closest(to: link.value, in: program.decisions.map(\.id.value))
        return Finding(at: link.location, "\(id) has \(key): \(link.value), but there is no decision \(link.value)"
            + Suggestion.phrase(suggestion), suggestion: suggestion)
    }
}
