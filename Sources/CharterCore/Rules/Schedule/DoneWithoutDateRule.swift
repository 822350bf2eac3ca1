/// Without `done_on` nobody can tell whether a done milestone was late, and slip history is lost.
public struct DoneWithoutDateRule: Rule {
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "done-without-date",
        name: "Done without done_on",
        summary: "A milestone marked done records the day it was reached in done_on.",
        category: .schedule,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design review, date: 2026-02-15, status: ↓done }
            """),
        ],
        nonTriggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design review, date: 2026-02-15, status: done, done_on: 2026-02-14 }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        context.workspace.programs.flatMap { program in
            program.milestones.compactMap { milestone in
                guard milestone.status.value == .done, milestone.doneOn == nil else { return nil }
                return Finding(at: milestone.status.location,
                               "\(milestone.id.value) is done but has no done_on; add the day it was reached (done_on: YYYY-MM-DD)")
            }
        }
    }
}
