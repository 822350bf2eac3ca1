import CharterCore
import Testing

/// The diff engine on in-memory workspaces: matching by id, what each kind of edit reports.
@Suite struct DiffEngineTests {
    typealias F = DiffFixture
    let milestones = "programs/payments-v2/milestones.yaml"
    let program = "programs/payments-v2/program.yaml"
    let risks = "programs/payments-v2/risks.yaml"
    let budget = "programs/payments-v2/budget.yaml"

    @Test func identicalWorkspacesHaveNoChanges() {
        let diff = F.diff([:])
        #expect(diff.changes.isEmpty)
        #expect(diff.consequences.isEmpty)
        #expect(!diff.hasChanges)
        #expect(diff.summary.line == "no changes")
    }

    @Test("reordering, reformatting, comments and quoting are no change")
    func reorderingIsNoChange() {
        let reordered = """
        # Re-ordered and re-formatted: same plan.
        milestones:
          - id: M5
            name: "Wallets"
          - { id: M4, name: 'GA', start: 2026-08-01, date: 2026-08-17, depends_on: [M3] }
          - id: M3
            name: Load test   # comment
            date: "2026-05-20"
            depends_on:
              - M2
          - { id: M2, name: Beta, date: 2026-05-01, depends_on: [identity/M3, M1] }
          - { id: M1, name: Design review passed, date: 2026-02-15, status: done, done_on: 2026-02-14 }

        """
        let diff = F.diff([milestones: reordered])
        #expect(diff.changes.isEmpty, "\(diff.changes)")
        #expect(diff.summary.line == "no changes")
    }

    @Test("a moved file with the same entities is no change")
    func programFilesSplitDifferentlyIsNoChange() {
        // The same decisions, now in a file written with different quoting and order.
        let diff = F.diff(["programs/payments-v2/decisions.yaml": """
        decisions:
          - { id: D2, title: "Single processor", status: accepted }
          - { id: D1, title: Use gRPC internally, status: "accepted" }

        """])
        #expect(!diff.hasChanges)
    }

    @Test func milestoneSlipHasSlipDaysAndConsequences() throws {
        let diff = F.diff([milestones: F.edit(milestones, "date: 2026-05-01", "date: 2026-05-15")])
        let change = try #require(diff.changes.only)
        #expect(change.entity == .milestone)
        #expect(change.id == "M2")
        #expect(change.change == .modified)
        #expect(change.slipDays == 14)
        #expect(change.tags == [.slipped])
        #expect(change.fields == [FieldChange(field: "date", from: .date(PlanDate("2026-05-01")!), to: .date(PlanDate("2026-05-15")!))])
        // M3 (due 2026-05-20) still comes after M2, with 5 days to spare instead of 19.
        let slack = try #require(diff.consequences.only)
        #expect(slack.kind == .slackReduced)
        #expect(slack.milestone == "M3")
        #expect(slack.slackFrom == 19)
        #expect(slack.slackTo == 5)
        #expect(diff.summary.largestSlip?.days == 14)
        #expect(diff.summary.line == "payments-v2: M2 slipped 14d (2026-05-01 → 2026-05-15); 1 milestone lost slack (M3)")
    }

    @Test func pullInIsNegative() throws {
        let diff = F.diff([milestones: F.edit(milestones, "date: 2026-05-20", "date: 2026-05-13")])
        let change = try #require(diff.changes.only)
        #expect(change.slipDays == -7)
        #expect(change.tags == [.pulledIn])
        #expect(diff.summary.pulledIn.map(\.days) == [-7])
        #expect(diff.summary.slipped.isEmpty)
        #expect(diff.summary.line == "payments-v2: M3 pulled in 7d (2026-05-20 → 2026-05-13)")
    }

    @Test("a milestone gaining a date is scheduled, not added")
    func gainingADateIsScheduled() throws {
        let diff = F.diff([milestones: F.edit(milestones, "{ id: M5, name: Wallets }", "{ id: M5, name: Wallets, date: 2026-08-01 }")])
        let change = try #require(diff.changes.only)
        #expect(change.change == .modified)
        #expect(change.tags == [.scheduled])
        #expect(change.slipDays == nil)
        #expect(diff.summary.milestonesScheduled.map(\.description) == ["payments-v2/M5"])
        #expect(diff.summary.milestonesAdded.isEmpty)
        #expect(diff.summary.line == "payments-v2: 1 milestone scheduled (M5)")
    }

    @Test func crossProgramDependentsNowBeforeTheirDependency() throws {
        let identity = "programs/identity/milestones.yaml"
        let diff = F.diff([identity: F.edit(identity, "date: 2026-04-15", "date: 2026-05-15")])
        #expect(diff.changes.map(\.qualifiedID) == ["identity/M3"])
        let conflict = try #require(diff.consequences.first { $0.kind == .dueBeforeDependency })
        #expect(conflict.program == "payments-v2")
        #expect(conflict.milestone == "M2")
        #expect(conflict.dependency == QualifiedID(program: "identity", id: "M3"))
        #expect(conflict.message == "M2 is due 2026-05-01, before its dependency identity/M3 ends (2026-05-15)")
        let slack = try #require(diff.consequences.first { $0.kind == .slackReduced })
        #expect(slack.milestone == "M3")
        #expect(slack.pushedBy == QualifiedID(program: "identity", id: "M3"))
        #expect(diff.summary.line == "identity: M3 slipped 30d (2026-04-15 → 2026-05-15) | payments-v2: 1 milestone now before a dependency (M2); 1 milestone lost slack (M3)")
    }

    @Test("a slip pushed through a chain puts the program target at risk")
    func targetAtRisk() throws {
        let diff = F.diff([milestones: F.edit(milestones, "date: 2026-05-01", "date: 2026-09-25")])
        let kinds = diff.consequences.map { "\($0.milestone) \($0.kind.rawValue)" }
        #expect(kinds == ["M3 due-before-dependency", "M4 starts-before-dependency", "M4 target-at-risk"])
        let starts = diff.consequences[1]
        #expect(starts.message == "M4 starts 2026-08-01, before its dependency M3 can end (2026-09-25, pushed by M2)")
        let target = diff.consequences[2]
        // M4 takes 16 days from its start; it cannot start before 2026-09-25.
        #expect(target.earliestEnd == PlanDate("2026-10-11"))
        #expect(target.message == "target 2026-09-30 at risk: M4 cannot end before 2026-10-11 (pushed by M2)")
        #expect(diff.summary.line == "payments-v2: M2 slipped 147d (2026-05-01 → 2026-09-25); 2 milestones now before a dependency (M3, M4); target at risk (M4)")
    }

    @Test("removing a milestone others depend on leaves them without it")
    func dependencyRemoved() throws {
        let identity = "programs/identity/milestones.yaml"
        let diff = F.diff([identity: "milestones:\n  - { id: M1, name: OIDC design, date: 2026-02-01, status: done }\n"])
        let orphan = try #require(diff.consequences.only)
        #expect(orphan.kind == .dependencyRemoved)
        #expect(orphan.program == "payments-v2")
        #expect(orphan.message == "M2 depends on identity/M3, which this change removes")
        #expect(diff.summary.line == "identity: 1 milestone removed (M3) | payments-v2: 1 milestone lost a dependency (M2)")
    }

    @Test("dependents that moved along with the slip are no consequence")
    func dependentsMovedAlong() {
        var text = F.edit(milestones, "date: 2026-05-01", "date: 2026-05-15")
        text = F.edit(milestones, "date: 2026-05-20", "date: 2026-06-03", in: [milestones: text])
        let diff = F.diff([milestones: text])
        #expect(diff.changes.map(\.slipDays) == [14, 14])
        #expect(diff.consequences.isEmpty)
        #expect(diff.summary.line == "payments-v2: M2 slipped 14d (2026-05-01 → 2026-05-15); M3 slipped 14d (2026-05-20 → 2026-06-03)")
    }

    @Test func budgetTotalDeltaWithPercent() throws {
        let diff = F.diff([
            program: F.edit(program, "total: 1250000", "total: 1290000"),
            budget: F.edit(budget, "amount: 200000", "amount: 240000"),
        ])
        let total = try #require(diff.changes.first { $0.entity == .program })
        #expect(total.budgetDelta == 40000)
        #expect(abs((total.budgetDeltaPercent ?? 0) - 3.2) < 1e-9)
        #expect(total.tags == [.budgetChanged])
        let line = try #require(diff.changes.first { $0.entity == .budgetLine })
        #expect(line.id == "B2")
        #expect(line.amountDelta == 40000)
        #expect(line.currency == "USD")
        #expect(diff.summary.budgetByCurrency.map(\.delta) == [40000])
        #expect(diff.summary.line == "payments-v2: budget +$40,000 (+3.2%); 1 budget line changed (B2)")
    }

    @Test func risksAddedClosedRescored() throws {
        let text = """
        risks:
          - { id: R1, title: Vendor SDK late, owner: erin, probability: 3, impact: 4, status: mitigating, mitigation: Fallback vendor }
          - { id: R2, title: Load env not ready, owner: carol, probability: 3, impact: 4, status: closed }
          - { id: R7, title: PCI gaps, owner: erin, probability: 4, impact: 5, status: open, mitigation: Pre-assessment }

        """
        let diff = F.diff([risks: text])
        let added = try #require(diff.changes.first { $0.id == "R7" })
        #expect(added.change == .added)
        #expect(added.scoreTo == 20)
        let closed = try #require(diff.changes.first { $0.id == "R2" })
        #expect(closed.tags == [.closed])
        let rescored = try #require(diff.changes.first { $0.id == "R1" })
        #expect(rescored.scoreFrom == 20)
        #expect(rescored.scoreTo == 12)
        #expect(rescored.tags.contains(.rescored))
        #expect(diff.summary.risksAdded.map(\.description) == ["payments-v2/R7"])
        #expect(diff.summary.risksClosed.map(\.description) == ["payments-v2/R2"])
        #expect(diff.summary.line == "payments-v2: 1 risk added (R7); 1 risk closed (R2); 1 risk marked mitigating (R1); 1 risk re-scored (R1 20 → 12)")
    }

    @Test func allocationsReportPersonDays() throws {
        let diff = F.diff([program: F.edit(program, "percent: 50", "percent: 80")])
        let change = try #require(diff.changes.only)
        #expect(change.entity == .allocation)
        #expect(change.id == "carol@api")
        // 122 working days from 2026-01-12 to 2026-06-30, 30% more of each.
        #expect(abs((change.personDaysDelta ?? 0) - 36.6) < 1e-9)
        #expect(diff.summary.line == "payments-v2: allocations +36.6 person-days (carol@api)")
    }

    @Test("an entity that leaves one program for another is moved")
    func entityMovedBetweenPrograms() throws {
        let diff = F.diff([
            "programs/payments-v2/decisions.yaml": "decisions:\n  - { id: D1, title: Use gRPC internally, status: accepted }\n",
            "programs/identity/decisions.yaml": "decisions:\n  - { id: D2, title: Single processor, status: superseded }\n",
        ])
        let change = try #require(diff.changes.only)
        #expect(change.change == .moved)
        #expect(change.program == "identity")
        #expect(change.movedFrom == "payments-v2")
        #expect(change.fields.map(\.field) == ["status"])
        #expect(diff.summary.moved == 1)
        #expect(diff.summary.line == "identity: 1 decision moved from payments-v2 (D2)")
    }

    @Test("a program added is one entry, not one per entity")
    func programAddedIsOneEntry() throws {
        let diff = F.diff([
            "programs/mobile/program.yaml": "id: mobile\nname: Mobile\nowner: alice\nstatus: proposed\nstart: 2026-02-02\nbudget: { currency: USD, total: 900000 }\n",
            "programs/mobile/milestones.yaml": "milestones:\n  - { id: M1, name: A, date: 2026-03-01 }\n  - { id: M2, name: B, date: 2026-04-01 }\n  - { id: M3, name: C }\n",
        ])
        let change = try #require(diff.changes.only)
        #expect(change.entity == .program)
        #expect(change.change == .added)
        #expect(change.contents == [EntityCount(.milestone, 3)])
        #expect(change.budgetDelta == 900000)
        #expect(diff.summary.programsAdded == ["mobile"])
        #expect(diff.summary.line == "mobile: program added")
    }

    @Test func programRemovedIsOneEntry() throws {
        let diff = F.diff(["programs/identity/program.yaml": nil, "programs/identity/milestones.yaml": nil])
        let change = try #require(diff.changes.only)
        #expect(change.change == .removed)
        #expect(change.budgetDelta == -600000)
        // payments-v2/M2 depended on identity/M3.
        #expect(diff.summary.line == "identity: program removed | payments-v2: 1 milestone lost a dependency (M2)")
    }

    @Test("a renamed program folder is one move; its unchanged entities are no change")
    func programRenamed() throws {
        let diff = F.diff([
            "programs/identity/program.yaml": nil, "programs/identity/milestones.yaml": nil,
            "programs/id-platform/program.yaml": F.identityProgram.replacingOccurrences(of: "id: identity", with: "id: id-platform"),
            "programs/id-platform/milestones.yaml": F.identityMilestones,
        ])
        let change = try #require(diff.changes.only)
        #expect(change.entity == .program)
        #expect(change.change == .moved)
        #expect(change.id == "id-platform")
        #expect(change.movedFrom == "identity")
        #expect(diff.summary.programsRenamed == [DiffSummary.Rename(from: "identity", to: "id-platform")])
        // References to identity/M3 do not follow the rename.
        #expect(diff.consequences.map(\.message) == ["M2 depends on identity/M3, which this change moves to id-platform"])
        #expect(diff.summary.line == "id-platform: program renamed from identity; program changed (id) | payments-v2: 1 milestone lost a dependency (M2)")
    }

    @Test func scopeAndProgramFields() throws {
        let diff = F.diff([program: F.edit(program, "in: [Card payments, Saved cards]", "in: [Card payments, Partial refunds]")
            .replacingOccurrences(of: "status: active", with: "status: on-hold")])
        #expect(diff.summary.scopeAdded.map(\.item) == ["Partial refunds"])
        #expect(diff.summary.scopeRemoved.map(\.item) == ["Saved cards"])
        #expect(diff.summary.line == #"payments-v2: 1 scope item added ("Partial refunds"); 1 scope item removed ("Saved cards"); program changed (status)"#)
    }

    @Test("one side unreadable: the rest is still compared, and the file is named")
    func unreadableSide() throws {
        let diff = F.diff([
            milestones: "milestones:\n  - { id: M1, name: [unclosed\n",
            program: F.edit(program, "total: 1250000", "total: 1300000"),
        ])
        #expect(diff.changes.map(\.entity) == [.program], "no milestone is reported removed")
        let report = try #require(diff.unreadable.only)
        #expect(report.side == .to)
        #expect(report.file.path == milestones)
        #expect(diff.hasChanges)
        #expect(diff.summary.line == "payments-v2: budget +$50,000 (+4.0%); 1 file unreadable in to (milestones.yaml)")
    }

    @Test func unreadableOnBothSidesIsNotAChange() {
        let broken = "milestones: [\n"
        let base = F.files.merging([milestones: broken]) { $1 }
        let diff = F.diff([:], from: base)
        #expect(!diff.hasChanges)
        #expect(diff.unreadable.map(\.side) == [.from, .to])
    }

    @Test func peopleAndSettings() {
        let diff = F.diff([
            "people.yaml": F.people.replacingOccurrences(of: "Carol Diaz", with: "Carol Díaz") + "  - { id: zoe, name: Zoe Q }\n",
            "charter.yaml": "version: 1\npolicy:\n  require_approval:\n    slip_days: 7\n",
        ])
        #expect(diff.changes.map { "\($0.entity.rawValue) \($0.id) \($0.change.rawValue)" }
                == ["person carol modified", "person zoe added", "settings charter.yaml modified"])
        #expect(diff.changes.allSatisfy { $0.program == nil })
        #expect(diff.summary.line == "people: 1 person added (zoe); 1 person changed (carol) | settings: changed (policy.require_approval.slip_days)")
    }

    @Test("duplicate ids pair in order; the extra one is added")
    func duplicateIDs() throws {
        let diff = F.diff(["programs/payments-v2/decisions.yaml": F.paymentsDecisions + "  - { id: D1, title: Again, status: proposed }\n"])
        let change = try #require(diff.changes.only)
        #expect(change.change == .added)
        #expect(change.name == "Again")
    }

    @Test func changesAreSortedNaturally() {
        var text = F.paymentsMilestones
        for id in ["M10", "M9", "M11"] { text += "  - { id: \(id), name: N\(id) }\n" }
        let diff = F.diff([milestones: text])
        #expect(diff.changes.map(\.id) == ["M9", "M10", "M11"])
        #expect(diff.summary.line == "payments-v2: 3 milestones added (M9, M10, M11)")
    }
}

extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
