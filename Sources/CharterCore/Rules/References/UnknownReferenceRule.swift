/// Dependencies, affected milestones and workstreams are ids; a dangling one means the plan
/// no longer says what people think it says.
public struct UnknownReferenceRule: Rule {
    public static let scope = RuleScope.references
    public init() {}

    public static let description = RuleDescription(
        id: "unknown-reference",
        name: "Unknown reference",
        summary: "depends_on, affects, workstream and a lesson's refs must name existing milestones, workstreams, risks and decisions (other programs' as program-id/ID).",
        category: .references,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
            milestones:
              - { id: M2, name: Beta, depends_on: [↓M1] }
            """),
            .milestones("""
            milestones:
              - { id: M2, name: Beta, depends_on: [↓identity/M4] }
            """),
            .milestones("""
            milestones:
              - { id: M2, name: Beta, workstream: ↓ios }
            """),
            .lessons("""
            lessons:
              - { id: L1, title: Vendor slips, category: vendor, refs: [↓identity/M4] }
            """),
        ],
        nonTriggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design, workstream: api }
              - { id: M2, name: Beta, depends_on: [M1, identity/M3] }
            """),
            .lessons("""
            lessons:
              - { id: L1, title: Vendor slips, category: vendor, refs: [CR-1a2b3c4d5e6f, identity/M3] }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for program in context.workspace.programs {
            let workstreams = Set(program.workstreams.map(\.id.value))
            func verifyWorkstream(_ reference: Located<String>?, _ owner: String) {
                guard let reference, !workstreams.contains(reference.value) else { return }
                let suggestion = Suggestion.closest(to: reference.value, in: workstreams)
                findings.append(Finding(at: reference.location,
                    "\(owner) names workstream '\(reference.value)', which program \(program.folder) does not define"
                    + Suggestion.phrase(suggestion), suggestion: suggestion))
            }
            program.milestones.forEach { verifyWorkstream($0.workstream, "milestone \($0.id.value)") }
            program.allocations.forEach { verifyWorkstream($0.workstream, "the allocation of \($0.person.value)") }
            program.budgetLines.forEach { verifyWorkstream($0.workstream, "budget line \($0.id.value)") }
            for milestone in program.milestones {
                for dependency in milestone.dependsOn {
                    if let problem = missing(dependency.value, from: program.folder, context) {
                        findings.append(Finding(at: dependency.location, "\(milestone.id.value) depends on \(problem.text)",
                                                suggestion: problem.suggestion))
                    }
                }
            }
            for risk in program.risks {
                for affected in risk.affects {
                    if let problem = missing(affected.value, from: program.folder, context) {
                        findings.append(Finding(at: affected.location, "risk \(risk.id.value) affects \(problem.text)",
                                                suggestion: problem.suggestion))
                    }
                }
            }
            for lesson in program.lessons {
                for ref in lesson.entityReferences {
                    if let problem = missing(ref.value, .subject, from: program.folder, context) {
                        findings.append(Finding(at: ref.location, "lesson \(lesson.id.value) refers to \(problem.text)",
                                                suggestion: problem.suggestion))
                    }
                }
            }
        }
        return findings
    }

    /// What a reference may name: a dependency or an affected milestone, a milestone; a
    /// lesson's ref, a milestone, risk or decision.
    private enum Target {
        case milestone
        case subject

        var noun: String {
            switch self {
            case .milestone: "milestone"
            case .subject: "milestone, risk or decision"
            }
        }

        func ids(in program: Program) -> [String] {
            switch self {
            case .milestone: program.milestones.map(\.id.value)
            case .subject: program.milestones.map(\.id.value) + program.risks.map(\.id.value) + program.decisions.map(\.id.value)
            }
        }
    }

    /// Why a reference names no `target` (and what it probably meant), or `nil` when it names one.
    private func missing(_ reference: EntityReference, _ target: Target = .milestone, from home: String,
                         _ context: RuleContext) -> (text: String, suggestion: String?)? {
        // Asks the indexes whether the milestone exists without copying it or its program:
        // this runs for every dependency in the workspace.
        let key = context.key(reference, from: home)
        if context.hasMilestone(at: key) { return nil }
        let folder = key.program
        guard let program = context.programsByFolder[folder] else {
            let suggestion = Suggestion.closest(to: folder, in: context.programsByFolder.keys)
            return ("'\(reference)', but there is no program '\(folder)'" + Suggestion.phrase(suggestion),
                    suggestion.map { "\($0)/\(reference.id)" })
        }
        let ids = target.ids(in: program)
        if target == .subject, ids.contains(reference.id) { return nil }
        let id = Suggestion.closest(to: reference.id, in: ids)
        let place = reference.program == nil ? "this program" : "program \(folder)"
        return ("'\(reference)', but \(place) has no \(target.noun) '\(reference.id)'\(Suggestion.phrase(id))",
                id.map { reference.program == nil ? $0 : "\(folder)/\($0)" })
    }
}
