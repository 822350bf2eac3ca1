/// The folder name is the program's identity in references (`payments-v2/M2`); the id must agree.
public struct ProgramIDMismatchRule: Rule {
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "program-id-mismatch",
        name: "Program id differs from folder",
        summary: "A program's id must equal the name of its folder under programs/.",
        category: .references,
        defaultSeverity: .error,
        triggeringExamples: [
            .program("""
            id: ↓demo-v2
            name: Demo Program
            owner: alice
            status: active
            start: 2026-01-01
            """),
        ],
        nonTriggeringExamples: [
            .program("""
            id: demo
            name: Demo Program
            owner: alice
            status: active
            start: 2026-01-01
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        context.workspace.programs.compactMap { program in
            guard let id = program.id, id.value != program.folder else { return nil }
            return Finding(at: id.location,
                           "program id '\(id.value)' differs from its folder 'programs/\(program.folder)'; rename one so they match")
        }
    }
}
