import CharterCore
import Testing

/// The engine against schedules worked out by hand (docs/schedule.md explains each rule).
@Suite struct SchedulerTests {
    @Test("a chain: spans add up, a planned event date holds its successor, slack runs to the target")
    func chain() throws {
        let analysis = try analyze(["pay": ("2026-06-30", """
        milestones:
          - { id: M1, name: Design, start: 2026-03-01, date: 2026-03-11 }
          - { id: M2, name: Build, start: 2026-03-11, date: 2026-03-16, depends_on: [M1] }
          - { id: M3, name: Review, date: 2026-03-20, depends_on: [M2] }
          - { id: M4, name: Launch, depends_on: [M3] }
        """)])
        let m1 = try #require(analysis.milestone(qid("pay/M1")))
        let m2 = try #require(analysis.milestone(qid("pay/M2")))
        let m3 = try #require(analysis.milestone(qid("pay/M3")))
        let m4 = try #require(analysis.milestone(qid("pay/M4")))
        #expect([m1.earlyStart, m1.earlyFinish, m1.lateStart, m1.lateFinish] == [day("2026-03-01"), day("2026-03-11"), day("2026-06-15"), day("2026-06-25")])
        #expect([m1.totalSlack, m1.freeSlack] == [106, 0])
        #expect([m2.earlyStart, m2.earlyFinish, m2.lateStart, m2.lateFinish] == [day("2026-03-11"), day("2026-03-16"), day("2026-06-25"), day("2026-06-30")])
        #expect([m2.totalSlack, m2.freeSlack] == [106, 4])
        #expect(m2.driver == .dependencies && m2.drivingDependencies == [qid("pay/M1")])
        #expect([m3.earlyStart, m3.earlyFinish] == [day("2026-03-20"), day("2026-03-20")])
        #expect(m3.driver == .planned && m3.drivingDependencies.isEmpty)
        #expect([m3.totalSlack, m3.freeSlack] == [102, 0])
        #expect(m4.earlyFinish == day("2026-03-20") && m4.totalSlack == 102 && m4.freeSlack == 102)
        let pay = try #require(analysis.program("pay"))
        #expect(pay.forecastEnd == day("2026-03-20"))
        #expect(pay.varianceDays == -102)
        #expect(pay.criticalPath == [qid("pay/M3"), qid("pay/M4")])
        #expect(m3.isCritical && m4.isCritical && !m1.isCritical && !m2.isCritical)
        #expect(analysis.conflicts.isEmpty)
    }

    @Test("across programs: a late dependency pushes another program past its target; slack is negative")
    func crossProgramLate() throws {
        let analysis = try analyze([
            "identity": ("2026-06-30", """
            milestones:
              - { id: M3, name: Token service GA, start: 2026-04-01, date: 2026-04-20 }
            """),
            "pay": ("2026-04-30", """
            milestones:
              - { id: M2, name: Beta, date: 2026-04-15, depends_on: [identity/M3] }
              - { id: M6, name: Rollout, start: 2026-04-16, date: 2026-05-06, depends_on: [M2] }
            """),
        ])
        let pay = try #require(analysis.program("pay"))
        #expect(pay.forecastEnd == day("2026-05-10") && pay.varianceDays == 10)
        #expect(pay.criticalPath == [qid("identity/M3"), qid("pay/M2"), qid("pay/M6")])
        let token = try #require(analysis.milestone(qid("identity/M3")))
        #expect(token.lateStart == day("2026-03-22") && token.lateFinish == day("2026-04-10"))
        #expect(token.totalSlack == -10 && token.freeSlack == 0 && token.isCritical)
        let rollout = try #require(analysis.milestone(qid("pay/M6")))
        #expect(rollout.earlyStart == day("2026-04-20") && rollout.earlyFinish == day("2026-05-10"))
        #expect(rollout.totalSlack == -10 && rollout.freeSlack == -10)
        #expect(analysis.milestone(qid("pay/M2"))?.totalSlack == -10)
        #expect(analysis.conflicts.map { "\($0.milestone) \($0.plannedField) \($0.dependency) \($0.overlapDays)" }
                == ["pay/M2 date identity/M3 5", "pay/M6 start pay/M2 4"])
        #expect(analysis.program("identity")?.criticalPath == [qid("identity/M3")])
    }

    @Test("done is fixed at done_on; open and overdue is forecast on the as-of day; cancelled and dangling are skipped")
    func statusAndAsOf() throws {
        let analysis = try analyze(["pay": ("2026-12-31", """
        milestones:
          - { id: M1, name: Design, date: 2026-02-01, status: done, done_on: 2026-02-05 }
          - { id: M2, name: Beta, date: 2026-03-01, depends_on: [M1] }
          - { id: M3, name: Pilot, date: 2026-03-05, depends_on: [M2] }
          - { id: M4, name: Dropped, date: 2026-03-06, status: cancelled, depends_on: [M3] }
          - { id: M5, name: Someday, depends_on: [M4] }
          - { id: M6, name: GA, date: 2026-04-01, depends_on: [M9, M3] }
        """)], asOf: "2026-03-10")
        let m1 = try #require(analysis.milestone(qid("pay/M1")))
        #expect(m1.earlyFinish == day("2026-02-05") && m1.driver == .completed)
        let m2 = try #require(analysis.milestone(qid("pay/M2")))
        #expect(m2.earlyStart == day("2026-03-01") && m2.earlyFinish == day("2026-03-10") && m2.driver == .asOf)
        let m3 = try #require(analysis.milestone(qid("pay/M3")))
        #expect(m3.earlyFinish == day("2026-03-10") && m3.driver == .dependencies && m3.drivingDependencies == [qid("pay/M2")])
        #expect(analysis.milestone(qid("pay/M4")) == nil)
        let m5 = try #require(analysis.milestone(qid("pay/M5")))
        #expect(!m5.isScheduled && m5.driver == .unscheduled && m5.totalSlack == nil)
        #expect(analysis.program("pay")?.unscheduled == [qid("pay/M5")])
        #expect(analysis.danglingDependencies == [DanglingDependency(milestone: qid("pay/M6"), reference: "M9", suggestion: nil,
                                                                     location: SourceLocation(path: "programs/pay/milestones.yaml", line: 7, column: 56))])
        #expect(analysis.program("pay")?.forecastEnd == day("2026-04-01"))
        #expect(analysis.program("pay")?.criticalPath == [qid("pay/M6")])
        #expect(analysis.conflicts.map { "\($0.milestone) \($0.dependency) \($0.overlapDays)" } == ["pay/M3 pay/M2 5"])
    }

    @Test("a dangling reference suggests the closest milestone")
    func danglingSuggestion() throws {
        let analysis = try analyze([
            "identity": (nil, "milestones:\n  - { id: TOKEN-GA, name: GA, date: 2026-04-01 }\n"),
            "pay": (nil, "milestones:\n  - { id: M1, name: Beta, date: 2026-05-01, depends_on: [identity/TOKEN-AG, idnetity/TOKEN-GA] }\n"),
        ])
        #expect(analysis.danglingDependencies.map(\.suggestion) == ["identity/TOKEN-GA", "identity/TOKEN-GA"])
        #expect(analysis.program("pay")?.deadline == day("2026-05-01"), "without a target, the deadline is the forecast end")
    }

    @Test("a cycle stops scheduling and names its members, starting at the smallest id")
    func cycle() throws {
        let workspace = scheduleWorkspace(["pay": (nil, """
        milestones:
          - { id: M0, name: Kickoff, date: 2026-01-10 }
          - { id: M1, name: Design, depends_on: [M0, M3] }
          - { id: M2, name: Build, depends_on: [M1] }
          - { id: M3, name: Test, depends_on: [M2] }
          - { id: M4, name: Ship, depends_on: [M3] }
        """)])
        // Located where M1 names M3: "  - { id: M1, name: Design, depends_on: [M0, M3] }".
        #expect(throws: DependencyCycleError(cycle: [qid("pay/M1"), qid("pay/M3"), qid("pay/M2")],
                                             location: SourceLocation(path: "programs/pay/milestones.yaml", line: 3, column: 46))) {
            try Scheduler.analyze(workspace, asOf: day("2026-01-01"))
        }
    }

    @Test("ties: two dependencies finishing the same day both drive, and both are on a critical path")
    func diamondTie() throws {
        let analysis = try analyze(["pay": ("2026-02-01", """
        milestones:
          - { id: A, name: Start, date: 2026-01-05 }
          - { id: B, name: Left, start: 2026-01-05, date: 2026-01-15, depends_on: [A] }
          - { id: C, name: Right, start: 2026-01-08, date: 2026-01-15, depends_on: [A] }
          - { id: D, name: Join, depends_on: [B, C] }
        """)])
        #expect(analysis.milestone(qid("pay/D"))?.drivingDependencies == [qid("pay/B"), qid("pay/C")])
        #expect(analysis.program("pay")?.criticalPath == [qid("pay/A"), qid("pay/B"), qid("pay/C"), qid("pay/D")])
        // As chains: the tie is two ways back from D, each step depending on the one before.
        #expect(analysis.program("pay")?.criticalPaths == [[qid("pay/A"), qid("pay/B"), qid("pay/D")], [qid("pay/C"), qid("pay/D")]])
        #expect(analysis.milestone(qid("pay/C"))?.driver == .planned)
        #expect(analysis.milestone(qid("pay/A"))?.freeSlack == 0)
        #expect(analysis.milestone(qid("pay/C"))?.lateStart == day("2026-01-25"))
    }

    @Test("two independent chains ending the same day are two chains, not one joined by arrows")
    func independentChainsEndingTheSameDay() throws {
        let analysis = try analyze(["pay": (nil, """
        milestones:
          - { id: X, name: Design, date: 2026-02-10 }
          - { id: Y, name: Review, depends_on: [X] }
          - { id: Z, name: Unrelated launch, date: 2026-02-10 }
        """)])
        let pay = try #require(analysis.program("pay"))
        #expect(pay.forecastEnd == day("2026-02-10"))
        #expect(pay.criticalPaths == [[qid("pay/X"), qid("pay/Y")], [qid("pay/Z")]])
        #expect(Set(pay.criticalPath) == [qid("pay/X"), qid("pay/Y"), qid("pay/Z")], "the deprecated union keeps every critical milestone")
    }

    @Test("a 20,000-milestone chain schedules without recursion")
    func longChain() throws {
        var text = "milestones:\n  - { id: M0, name: M0, date: 2026-01-01 }\n"
        for index in 1..<20_000 { text += "  - { id: M\(index), name: M\(index), depends_on: [M\(index - 1)] }\n" }
        let analysis = try analyze(["pay": (nil, text)])
        #expect(analysis.program("pay")?.criticalPath.count == 20_000)
        #expect(analysis.program("pay")?.criticalPaths.map(\.count) == [20_000])
    }
}
