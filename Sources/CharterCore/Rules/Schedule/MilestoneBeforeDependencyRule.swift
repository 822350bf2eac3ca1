/// A milestone cannot be reached before what it depends on.
public struct MilestoneBeforeDependencyRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "milestone-before-dependency",
        name: "Milestone before its dependency",
        summary: "A milestone's date must not be earlier than the date of any milestone it depends on.",
        category: .schedule,
        defaultSeverity: .error,
        triggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design, date: 2026-04-01 }
              - { id: M2, name: Beta, date: ↓2026-03-15, depends_on: [M1] }
            """),
            .milestones("""
            milestones:
              - { id: M2, name: Beta, date: ↓2026-02-15, depends_on: [identity/M3] }
            """),
        ],
        nonTriggeringExamples: [
            .milestones("""
            milestones:
              - { id: M1, name: Design, date: 2026-04-01 }
              - { id: M2, name: Beta, date: 2026-04-01, depends_on: [M1] }
              - { id: M3, name: GA, depends_on: [M2] }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for program in context.workspace.programs {
            for milestone in program.milestones {
                guard let date = milestone.date, milestone.status.value != .cancelled else { continue }
                for dependency in milestone.dependsOn {
                    guard let target = context.milestone(dependency.value, from: program.folder),
                          let targetDate = target.date, target.status.value != .cancelled,
                          date.value < targetDate.value else { continue }
                    let gap = date.value.days(to: targetDate.value)
                    findings.append(Finding(
                        at: date.location,
                        "\(milestone.id.value) is due \(date.value), \(gap) day\(gap == 1 ? "" : "s") before \(dependency.value) (\(targetDate.value)), which it depends on",
                        notes: [Diagnostic.Note("\(dependency.value) is dated here", at: targetDate.location)]
                    ))
                }
            }
        }
        return findings
    }
}
