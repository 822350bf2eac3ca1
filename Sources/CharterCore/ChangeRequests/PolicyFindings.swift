/// What `charter check` reports about commits that do not meet policy, as diagnostics that the
/// validation reporters (text, JSON, SARIF, GitHub, Code Quality) already know how to show.
public enum PolicyFindings {
    public static let approvalMissing = RuleDescription(
        id: "approval-missing", name: "Approval missing",
        summary: "A commit whose change the policy says needs approval carries no approval that counts.",
        category: .policy, defaultSeverity: .error, triggeringExamples: [], nonTriggeringExamples: [])

    public static let claimContradicted = RuleDescription(
        id: "impact-claim-contradicted", name: "Impact claim contradicted",
        summary: "A commit's Schedule-Impact, Budget-Impact, Scope-Impact, Risk-Impact or Resource-Impact trailer says 'none' but the change has that impact.",
        category: .policy, defaultSeverity: .error, triggeringExamples: [], nonTriggeringExamples: [])

    /// With the lessons' findings, which `charter check` makes too.
    public static let descriptions = [approvalMissing, claimContradicted] + LessonFindings.descriptions

    /// Diagnostics for a record that does not meet policy, pointing into the plans at `head`.
    public static func diagnostics(for record: ChangeRequest, head: Workspace) -> [Diagnostic] {
        let label = "\(record.id) (\(record.commit.prefix(8)) \"\(record.title)\")"
        var diagnostics: [Diagnostic] = []
        for requirement in record.requirements where !requirement.isSatisfied {
            diagnostics.append(Diagnostic(
                ruleID: approvalMissing.id, severity: .error, location: location(of: requirement, record: record, head: head),
                message: "\(label): \(requirement.detail); \(requirement.missing ?? "needs approval")"))
        }
        for claim in record.contradictedClaims {
            diagnostics.append(Diagnostic(
                ruleID: claimContradicted.id, severity: .error,
                location: location(program: record.changes.first?.program, entity: record.changes.first, head: head),
                message: "\(label): '\(claim.trailer): \(claim.claimed)', but \(claim.actual)"))
        }
        return diagnostics
    }

    private static func location(of requirement: ChangeRequest.Requirement, record: ChangeRequest, head: Workspace) -> SourceLocation {
        let inProgram = record.changes.filter { $0.program == requirement.program }
        let entity: EntityChange?
        switch requirement.reason {
        case .slip, .dependentSlip: entity = inProgram.first { ($0.slipDays ?? 0) > 0 }
        case .milestoneRemoved: entity = inProgram.first { $0.entity == .milestone && $0.change == .removed }
        case .budget, .scope: entity = inProgram.first { $0.entity == .program }
        case .freeze: entity = inProgram.first
        }
        return location(program: requirement.program, entity: entity, head: head)
    }

    /// Where an entity stands in the head plans, else its file, else the program's file.
    private static func location(program folder: String?, entity: EntityChange?, head: Workspace) -> SourceLocation {
        guard let folder else { return SourceLocation(path: PlanFileKind.people.fileName) }
        let program = head.program(folder)
        switch entity?.entity {
        case .milestone?:
            if let milestone = program?.milestones.first(where: { $0.id.value == entity!.id }) {
                return milestone.date?.location ?? milestone.id.location
            }
            return SourceLocation(path: "programs/\(folder)/\(PlanFileKind.milestones.fileName)")
        case .budgetLine?:
            return SourceLocation(path: "programs/\(folder)/\(PlanFileKind.budget.fileName)")
        case .program?:
            return program?.budgetTotal?.location ?? program?.location ?? SourceLocation(path: "programs/\(folder)/program.yaml")
        default:
            return program?.location ?? SourceLocation(path: "programs/\(folder)/program.yaml")
        }
    }
}
