import CharterCore
import Testing

/// `missed` means open — not reached, its work still to do — to the rules, the schedule, the
/// diff and the status report alike: a missed milestone is treated as a `planned` one past its
/// date, except that it is no longer "overdue" (it has been marked).
@Suite struct MissedMilestoneTests {
    static let asOf = PlanDate("2026-03-01")!

    static func files(_ status: String) -> [String: String] {
        [
            "people.yaml": "people:\n  - { id: alice, name: Alice }\n",
            "programs/pay/program.yaml": "id: pay\nname: Pay\nowner: alice\nstatus: active\nstart: 2026-01-01\ntarget: 2026-03-10\n",
            "programs/pay/milestones.yaml": """
            milestones:
              - { id: M1, name: Beta, date: 2026-02-01, status: \(status)\(status == "done" ? ", done_on: 2026-02-01" : "") }
              - { id: M2, name: GA, start: 2026-02-05, date: 2026-03-05, depends_on: [M1] }
              - { id: M3, name: Docs, date: 2026-01-20, depends_on: [M1] }

            """,
        ]
    }

    static func load(_ status: String) -> LoadResult { WorkspaceLoader.load(from: InMemoryPlanSource(files: files(status))) }

    @Test func missedIsOpen() {
        #expect(MilestoneStatus.missed.isOpen)
        #expect(MilestoneStatus.allCases.filter(\.isOpen) == [.planned, .atRisk, .missed])
        #expect(!MilestoneStatus.missed.isOverdue(date: PlanDate("2026-01-01"), asOf: Self.asOf), "already marked: not overdue")
        #expect(MilestoneStatus.planned.isOverdue(date: PlanDate("2026-01-01"), asOf: Self.asOf))
    }

    @Test("rules: a missed milestone constrains its dependents like a planned one, and is not overdue")
    func rules() {
        for status in ["planned", "missed"] {
            let findings = Validator.validate(Self.load(status), asOf: Self.asOf)
            #expect(findings.contains { $0.ruleID == "milestone-before-dependency" && $0.message.hasPrefix("M3 is due") }, "\(status)")
            #expect(findings.contains { $0.ruleID == "milestone-overdue" && $0.message.hasPrefix("M1") } == (status == "planned"))
        }
        let done = Validator.validate(Self.load("done"), asOf: Self.asOf)
        #expect(done.contains { $0.ruleID == "milestone-before-dependency" }, "a date is a date, whatever the status")
    }

    @Test("schedule: forecast on the as-of day, pushing its dependents, exactly as a planned one past its date")
    func schedule() throws {
        let planned = try Scheduler.analyze(Self.load("planned").workspace, asOf: Self.asOf)
        let missed = try Scheduler.analyze(Self.load("missed").workspace, asOf: Self.asOf)
        let m1 = try #require(missed.milestone(QualifiedID(program: "pay", id: "M1")))
        #expect(m1.earlyFinish == Self.asOf)
        #expect(m1.driver == .asOf)
        #expect(missed.milestone(QualifiedID(program: "pay", id: "M2"))?.earlyFinish == PlanDate("2026-03-29"))
        #expect(missed.conflicts.map(\.milestone.id) == ["M2", "M3"])
        #expect(missed.programs == planned.programs)
        #expect(missed.milestones.map(\.earlyFinish) == planned.milestones.map(\.earlyFinish))
    }

    @Test("diff: marking a late milestone missed pushes nothing; un-doing it pushes what the schedule says")
    func diff() throws {
        let planned = Self.load("planned").workspace, missed = Self.load("missed").workspace, done = Self.load("done").workspace
        #expect(SemanticDiff.compare(planned, missed, asOf: Self.asOf).consequences.isEmpty)
        let reopened = SemanticDiff.compare(done, missed, asOf: Self.asOf)
        let schedule = try Scheduler.analyze(missed, asOf: Self.asOf)
        let starts = try #require(reopened.consequences.first { $0.kind == .startsBeforeDependency })
        #expect(starts.milestone == "M2")
        #expect(starts.dependencyEnd == Self.asOf)
        #expect(starts.earliestEnd == schedule.milestone(QualifiedID(program: "pay", id: "M2"))?.earlyFinish)
        #expect(starts.message == "M2 starts 2026-02-05, before its dependency M1 can end (2026-03-01, open past its date)")
        let target = try #require(reopened.consequences.first { $0.kind == .targetAtRisk })
        #expect(target.earliestEnd == schedule.program("pay")?.forecastEnd)
        #expect(target.message == "target 2026-03-10 at risk: M2 cannot end before 2026-03-29 (pushed by M1)")
    }

    @Test("report: a missed milestone needs attention, as marked missed")
    func report() throws {
        let milestone = try #require(Self.load("missed").workspace.programs.first?.milestones.first)
        #expect(AttentionReason.reasons(milestone, asOf: Self.asOf, baselineDate: nil, totalSlack: nil, target: nil) == [.markedMissed])
        let planned = try #require(Self.load("planned").workspace.programs.first?.milestones.first)
        #expect(AttentionReason.reasons(planned, asOf: Self.asOf, baselineDate: nil, totalSlack: nil, target: nil) == [.overdue(days: 28)])
        let done = try #require(Self.load("done").workspace.programs.first?.milestones.first)
        #expect(AttentionReason.reasons(done, asOf: Self.asOf, baselineDate: nil, totalSlack: nil, target: nil).isEmpty)
    }
}
