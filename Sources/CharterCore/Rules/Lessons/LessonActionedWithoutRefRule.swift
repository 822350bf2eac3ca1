/// "Actioned" is a claim that something was done; a lesson that names no change request,
/// milestone, risk or decision gives a reader nothing to check that claim against, and can only
/// come back by its category.
public struct LessonActionedWithoutRefRule: Rule {
    /// About each lesson alone.
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "lesson-actioned-without-ref",
        name: "Actioned lesson without a reference",
        summary: "An actioned lesson names in refs what it is about or what acted on it: a CR id, a milestone, a risk or a decision.",
        category: .lessons,
        defaultSeverity: .warning,
        triggeringExamples: [
            .lessons("""
            lessons:
              - { id: L1, title: Vendor certification slipped, category: vendor, status: ↓actioned }
            """),
            .lessons("""
            lessons:
              - { id: L1, title: Vendor certification slipped, category: vendor, status: ↓actioned, refs: [] }
            """),
        ],
        nonTriggeringExamples: [
            .lessons("""
            lessons:
              - { id: L1, title: Vendor certification slipped, category: vendor, status: actioned, refs: [CR-1a2b3c4d5e6f] }
              - { id: L2, title: Estimates ignored holidays, category: schedule, status: open }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        context.workspace.programs.flatMap { program in
            program.lessons.compactMap { lesson -> Finding? in
                guard let status = lesson.status, status.value == .actioned, lesson.refs.isEmpty else { return nil }
                return Finding(at: status.location,
                    "lesson \(lesson.id.value) is actioned but names nothing in refs; add the CR that acted on it or the milestone, risk or decision it is about")
            }
        }
    }
}
