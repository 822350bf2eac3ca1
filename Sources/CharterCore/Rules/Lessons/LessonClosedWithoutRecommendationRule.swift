/// A lesson is closed when nothing more is to be done; without a recommendation, the next
/// program that meets the same trouble is told what went wrong but not what to do.
public struct LessonClosedWithoutRecommendationRule: Rule {
    /// About each lesson alone.
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "lesson-closed-without-recommendation",
        name: "Closed lesson without recommendation",
        summary: "A closed lesson says what to do next time (recommendation): it is what comes back when a similar change is proposed.",
        category: .lessons,
        defaultSeverity: .warning,
        triggeringExamples: [
            .lessons("""
            lessons:
              - { id: L1, title: Vendor certification slipped, category: vendor, status: ↓closed }
            """),
            .lessons("""
            lessons:
              - { id: L1, title: Vendor certification slipped, category: vendor, status: ↓closed, recommendation: "  " }
            """),
        ],
        nonTriggeringExamples: [
            .lessons("""
            lessons:
              - { id: L1, title: Vendor certification slipped, category: vendor, status: closed,
                  recommendation: Book the certification lab before the contract is signed }
              - { id: L2, title: Estimates ignored holidays, category: schedule, status: open }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        context.workspace.programs.flatMap { program in
            program.lessons.compactMap { lesson -> Finding? in
                guard let status = lesson.status, status.value == .closed,
                      (lesson.recommendation?.value ?? "").allSatisfy(\.isWhitespace) else { return nil }
                return Finding(at: status.location,
                    "lesson \(lesson.id.value) is closed without a recommendation; add what to do next time, it is what comes back when a similar change is proposed")
            }
        }
    }
}
