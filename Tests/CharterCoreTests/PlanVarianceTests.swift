import CharterCore
import Testing

/// `PlanVariance` on the two-program diff fixture: every number checked against the edit made.
@Suite struct PlanVarianceTests {
    private func variance(_ edits: [String: String?]) -> PlanVariance {
        var edited = DiffFixture.files
        for (path, text) in edits { edited[path] = text }
        return PlanVariance(baseline: DiffFixture.load(DiffFixture.files).workspace,
                            current: DiffFixture.load(edited).workspace)
    }

    private func milestone(_ id: String, in program: ProgramVariance) throws -> MilestoneVariance {
        try #require(program.milestones.first { $0.id == id })
    }

    @Test func unchangedPlansHaveNoVariance() throws {
        let result = variance([:])
        #expect(result.programs.map(\.program) == ["identity", "payments-v2"])
        #expect(result.programs.allSatisfy { !$0.hasVariance })
        #expect(result.summary.maxSlipDays == nil)
        let payments = result.programs[1]
        #expect(try milestone("M2", in: payments).date.days == 0)
        // A milestone without a date has no variance to report, not zero.
        #expect(try milestone("M5", in: payments).date.days == nil)
    }

    @Test func slipsAndPullInsInDaysPositiveWhenLater() throws {
        let milestones = DiffFixture.edit("programs/payments-v2/milestones.yaml", "date: 2026-05-01", "date: 2026-05-15")
        let pulled = DiffFixture.edit("programs/payments-v2/milestones.yaml", "date: 2026-05-20", "date: 2026-05-10", in: ["programs/payments-v2/milestones.yaml": milestones])
        let program = DiffFixture.edit("programs/payments-v2/program.yaml", "target: 2026-09-30", "target: 2026-10-31")
        let result = variance(["programs/payments-v2/milestones.yaml": pulled, "programs/payments-v2/program.yaml": program])
        let payments = try #require(result.programs.first { $0.program == "payments-v2" })
        #expect(try milestone("M2", in: payments).date == DateVariance(baseline: PlanDate("2026-05-01"), current: PlanDate("2026-05-15")))
        #expect(try milestone("M2", in: payments).date.days == 14)
        #expect(try milestone("M3", in: payments).date.days == -10)
        #expect(payments.target.days == 31)
        #expect(payments.maxSlipDays == 14)
        #expect(result.summary.milestonesSlipped == 1)
        #expect(result.summary.milestonesPulledIn == 1)
    }

    @Test func budgetTotalAndCategoriesWithPercents() throws {
        let program = DiffFixture.edit("programs/payments-v2/program.yaml", "total: 1250000", "total: 1375000")
        let budget = """
        lines:
          - { id: B1, category: people, workstream: api, amount: 450000 }
          - { id: B2, category: vendor, amount: 300000 }
          - { id: B3, amount: 25000 }

        """
        let result = variance(["programs/payments-v2/program.yaml": program, "programs/payments-v2/budget.yaml": budget])
        let payments = try #require(result.programs.first { $0.program == "payments-v2" }).budget
        #expect(payments.currency == "USD")
        #expect(payments.total.delta == 125_000)
        #expect(payments.total.percent == 10)
        #expect(payments.lines == AmountVariance(baseline: 650_000, current: 775_000))
        #expect(payments.categories.map(\.category) == ["people", "uncategorized", "vendor"])
        let vendor = try #require(payments.categories.first { $0.category == "vendor" }).amount
        #expect(vendor.delta == 100_000 && vendor.percent == 50)
        let uncategorized = try #require(payments.categories.first { $0.category == "uncategorized" }).amount
        #expect(uncategorized.baseline == nil && uncategorized.delta == 25_000 && uncategorized.percent == nil)
        #expect(result.summary.budgetDelta == ["USD": 125_000])
    }

    @Test func scopeMilestonesAddedRemovedCancelledAndRisks() throws {
        let milestones = """
        milestones:
          - { id: M1, name: Design review passed, date: 2026-02-15, status: done, done_on: 2026-02-14 }
          - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M1, identity/M3] }
          - { id: M4, name: GA, start: 2026-08-01, date: 2026-08-17, status: cancelled }
          - { id: M5, name: Wallets }
          - { id: M6, name: Refunds, date: 2026-06-01 }

        """
        let risks = """
        risks:
          - { id: R1, title: Vendor SDK late, owner: erin, probability: 4, impact: 5, status: closed, mitigation: Fallback vendor }
          - { id: R3, title: PCI scope grows, owner: carol, probability: 2, impact: 5, status: open }

        """
        let program = DiffFixture.edit("programs/payments-v2/program.yaml", "in: [Card payments, Saved cards], out: [Crypto]",
                                       "in: [Card payments, Refunds], out: [Crypto, Saved cards]")
        let result = variance(["programs/payments-v2/milestones.yaml": milestones, "programs/payments-v2/risks.yaml": risks,
                               "programs/payments-v2/program.yaml": program])
        let payments = try #require(result.programs.first { $0.program == "payments-v2" })
        #expect(payments.milestones.map(\.id) == ["M1", "M2", "M4", "M5", "M6", "M3"])
        #expect(payments.milestones(.added).map(\.id) == ["M6"])
        #expect(payments.milestones(.removed).map(\.id) == ["M3"])
        #expect(payments.cancelledMilestones.map(\.id) == ["M4"])
        #expect(payments.scope.inAdded == ["Refunds"] && payments.scope.inRemoved == ["Saved cards"])
        #expect(payments.scope.outAdded == ["Saved cards"] && payments.scope.outRemoved.isEmpty)
        #expect(payments.scope.risksAdded == [ScopeVariance.RiskItem(id: "R3", title: "PCI scope grows", score: 10)])
        #expect(payments.scope.risksClosed.map(\.id) == ["R1"])
        #expect(payments.scope.risksRemoved.map(\.id) == ["R2"])
        #expect(result.summary.milestonesAdded == 1 && result.summary.milestonesRemoved == 1 && result.summary.milestonesCancelled == 1)
    }

    @Test func milestoneMovedBetweenProgramsIsNotAddedAndRemoved() throws {
        // M5 (Wallets) leaves payments-v2 for identity with a date: moved, as the diff says.
        let payments = """
        milestones:
          - { id: M1, name: Design review passed, date: 2026-02-15, status: done, done_on: 2026-02-14 }
          - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M1, identity/M3] }
          - { id: M3, name: Load test, date: 2026-05-20, depends_on: [M2] }
          - { id: M4, name: GA, start: 2026-08-01, date: 2026-08-17, depends_on: [M3] }

        """
        let identity = DiffFixture.identityMilestones + "  - { id: M5, name: Wallets, date: 2026-09-01 }\n"
        let result = variance(["programs/payments-v2/milestones.yaml": payments, "programs/identity/milestones.yaml": identity])
        let moved = try milestone("M5", in: try #require(result.programs.first { $0.program == "identity" }))
        #expect(moved.presence == .movedIn && moved.otherProgram == "payments-v2")
        let left = try milestone("M5", in: try #require(result.programs.first { $0.program == "payments-v2" }))
        #expect(left.presence == .movedOut && left.otherProgram == "identity")
        #expect(result.summary.milestonesAdded == 0 && result.summary.milestonesRemoved == 0 && result.summary.milestonesMoved == 1)
    }

    @Test func renamedProgramKeepsItsMilestonesComparable() throws {
        var edits: [String: String?] = [:]
        for (path, text) in DiffFixture.files where path.hasPrefix("programs/identity/") {
            edits[path] = .some(nil)  // deletes the file (`= nil` would only drop the edit)
            let renamed = path.replacingOccurrences(of: "programs/identity/", with: "programs/accounts/")
            edits[renamed] = text.replacingOccurrences(of: "id: identity", with: "id: accounts")
                .replacingOccurrences(of: "date: 2026-04-15", with: "date: 2026-04-22")
        }
        edits["programs/payments-v2/milestones.yaml"] = DiffFixture.paymentsMilestones.replacingOccurrences(of: "identity/M3", with: "accounts/M3")
        let result = variance(edits)
        let accounts = try #require(result.programs.first { $0.program == "accounts" })
        #expect(accounts.presence == .renamed && accounts.renamedFrom == "identity")
        #expect(try milestone("M3", in: accounts).date.days == 7)
        #expect(!result.programs.contains { $0.program == "identity" })
        #expect(result.only(["identity"]).programs.map(\.program) == ["accounts"])
    }

    @Test func programsAddedAndRemoved() throws {
        var edits: [String: String?] = ["programs/identity/program.yaml": nil, "programs/identity/milestones.yaml": nil]
        edits["programs/data/program.yaml"] = "id: data\nname: Data\nowner: alice\nstatus: proposed\nstart: 2026-03-01\n"
        edits["programs/data/milestones.yaml"] = "milestones:\n  - { id: D1, name: Warehouse, date: 2026-06-01 }\n"
        let result = variance(edits)
        #expect(result.programs.first { $0.program == "identity" }?.presence == .removed)
        #expect(result.programs.first { $0.program == "identity" }?.milestones.allSatisfy { $0.presence == .removed } == true)
        let data = try #require(result.programs.first { $0.program == "data" })
        #expect(data.presence == .added && data.milestones.map(\.presence) == [.added])
        #expect(result.summary.programsAdded == 1 && result.summary.programsRemoved == 1)
    }
}
