/// Stored status goes stale: a planned milestone past its date is either done, missed or moved.
public struct MilestoneOverdueRule: Rule {
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "milestone-overdue",
        name: "Overdue milestone",
        summary: "A planned or at-risk milestone whose date has passed (judged --as-of today, or the commit's date for --rev).",
        category: .schedule,
        defaultSeverity: .warning,
        triggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design review, date: ↓2026-02-15 }
            """, asOf: "2026-03-01"),
        ],
        nonTriggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design review, date: 2026-02-15, status: done, done_on: 2026-02-20 }
              - { id: M2, name: Beta, date: 2026-03-01 }
            """, asOf: "2026-03-01"),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        context.workspace.programs.flatMap { program in
            program.milestones.compactMap { milestone in
                guard milestone.isOverdue(asOf: context.asOf), let date = milestone.date else { return nil }
                let days = date.value.days(to: context.asOf)
                return Finding(at: date.location,
                    "\(milestone.id.value) was due \(date.value), \(days) day\(days == 1 ? "" : "s") before \(context.asOf), and is still \(milestone.status.value.rawValue); mark it done (with done_on) or missed, or move its date")
            }
        }
    }
}
