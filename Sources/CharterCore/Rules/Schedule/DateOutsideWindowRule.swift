/// A milestone outside its program's start–target window means one of the two dates is wrong.
public struct DateOutsideWindowRule: Rule {
    public static let scope = RuleScope.program
    public init() {}

    public static let description = RuleDescription(
        id: "date-outside-window",
        name: "Date outside the program window",
        summary: "Milestone dates fall between the program's start and target; the target is not before the start.",
        category: .schedule,
        defaultSeverity: .warning,
        triggeringExamples: [
            .milestones("""
            milestones:
              - { id: M9, name: GA, date: ↓2027-02-01 }
            """),
            .program("""
            id: demo
            name: Demo Program
            owner: alice
            status: active
            start: 2026-06-01
            target: ↓2026-01-31
            """),
        ],
        nonTriggeringExamples: [
            .milestones("""
            milestones:
              - { id: M9, name: GA, date: 2026-12-31 }
              - { id: M10, name: Follow-up, status: cancelled, date: 2027-03-01 }
            """),
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for program in context.workspace.programs {
            let start = program.start?.value
            // A program without a target is ongoing: no upper bound.
            let target = program.target?.value
            if let start, let target = program.target, target.value < start {
                findings.append(Finding(at: target.location,
                    "program \(program.folder) ends (\(target.value)) before it starts (\(start))"))
                continue
            }
            for milestone in program.milestones where milestone.status.value != .cancelled {
                for (label, date) in [("starts", milestone.start), ("is due", milestone.date)] {
                    guard let date else { continue }
                    if let start, date.value < start {
                        findings.append(Finding(at: date.location,
                            "\(milestone.id.value) \(label) \(date.value), before program \(program.folder) starts (\(start))"))
                    } else if let target, date.value > target {
                        let late = target.days(to: date.value)
                        findings.append(Finding(at: date.location,
                            "\(milestone.id.value) \(label) \(date.value), \(Plural.count(late, "day")) after program \(program.folder)'s target (\(target))"))
                    }
                }
            }
        }
        return findings
    }
}
