import Testing
@testable import CharterCore

/// Ledgers, slip ranking and risk age from change requests built out of real diffs of small
/// workspaces, one hand-made commit per step.
struct SlipLedgerTests {
    static func program(_ folder: String) -> String {
        "id: \(folder)\nname: Demo Program\nowner: alice\nstatus: active\nstart: 2026-01-01\n"
    }

    static func milestones(m2: String, m3: String? = nil) -> String {
        "milestones:\n  - { id: M1, name: Design, date: 2026-03-01 }\n  - { id: M2, name: Beta, date: \(m2) }\n"
            + (m3.map { "  - { id: M3, name: GA, date: \($0) }\n" } ?? "")
    }

    static func risks(_ entries: String...) -> String {
        "risks:\n" + entries.map { "  - { id: \($0), title: Risk, owner: alice, mitigation: Plan B }\n" }.joined()
    }

    /// The plans after each step; each step is one change request against the step before.
    static func records(_ steps: [(day: String, files: [String: String])]) -> [ChangeRequest] {
        var old = Workspace(), records: [ChangeRequest] = []
        for (index, step) in steps.enumerated() {
            var files = RuleExample.baseFiles.filter { !$0.key.hasPrefix("programs/") }
            files.merge(step.files) { $1 }
            let new = WorkspaceLoader.load(from: InMemoryPlanSource(files: files)).workspace
            let hex = String(repeating: String(index % 10), count: 40)
            let facts = ChangeRequestTests.commit("Step \(index)", day: step.day)
            let commit = CommitFacts(id: hex, parentIDs: facts.parentIDs, message: facts.message, author: facts.author, committer: facts.committer)
            records.append(ChangeRequestBuilder(old: old, new: new).build(commit: commit, diff: SemanticDiff.compare(old, new, asOf: DiffFixture.asOf)))
            old = new
        }
        return records
    }

    @Test func chronicSlipsRankFirst() {
        let base = ["programs/demo/program.yaml": Self.program("demo")]
        let history = PlanHistory(chronological: Self.records([
            ("2026-01-05", base.merging(["programs/demo/milestones.yaml": Self.milestones(m2: "2026-05-01")]) { $1 }),
            ("2026-01-10", base.merging(["programs/demo/milestones.yaml": Self.milestones(m2: "2026-05-02", m3: "2026-06-01")]) { $1 }),
            ("2026-01-20", base.merging(["programs/demo/milestones.yaml": Self.milestones(m2: "2026-05-03", m3: "2026-07-01")]) { $1 }),
            ("2026-01-30", base.merging(["programs/demo/milestones.yaml": Self.milestones(m2: "2026-04-20", m3: "2026-07-01")]) { $1 }),
        ]))
        let ranking = SlipRanking(history)
        // Two one-day slips outrank one 30-day slip: how often, then how far.
        #expect(ranking.entries.map(\.ref.description) == ["demo/M2", "demo/M3"])
        let m2 = ranking.entries[0]
        #expect((m2.slips, m2.pullIns, m2.daysSlipped, m2.daysPulledIn, m2.largestSlip) == (2, 1, 2, 13, 1))
        #expect(m2.firstPlanned == PlanDate("2026-05-01"))
        #expect(m2.current == PlanDate("2026-04-20"))
        #expect(m2.netDrift == -11)
        let m3 = history.ledger(of: QualifiedID(program: "demo", id: "M3"))!
        #expect(m3.events.map(\.kinds) == [[.added], [.slipped]], "added by its own diff entry, not inferred")
        #expect(m3.events[0].withProgram == false)
        #expect(history.ledger(of: QualifiedID(program: "demo", id: "M2"))!.events.first?.withProgram == true)
    }

    @Test func aRenamedProgramKeepsItsLedgers() {
        let files = { (folder: String, m2: String) in
            ["programs/\(folder)/program.yaml": Self.program(folder), "programs/\(folder)/milestones.yaml": Self.milestones(m2: m2)]
        }
        let history = PlanHistory(chronological: Self.records([
            ("2026-01-05", files("demo", "2026-05-01")),
            ("2026-01-10", files("demo", "2026-05-10")),
            ("2026-01-20", files("renamed", "2026-05-10")),
            ("2026-01-30", files("renamed", "2026-05-20")),
        ]))
        let ledger = try! #require(history.ledger(of: QualifiedID(program: "demo", id: "M2")))
        #expect(ledger.ref == QualifiedID(program: "renamed", id: "M2"))
        #expect(ledger.formerRefs == [QualifiedID(program: "demo", id: "M2")])
        #expect(ledger.slips.compactMap(\.days) == [9, 10])
        #expect(ledger.firstPlanned == PlanDate("2026-05-01"))
        #expect(history.milestones.keys.map(\.description) == ["renamed/M2"], "only what changed, under the new folder")
    }

    @Test func riskAgeRunsFromTheLastReopening() {
        let base = ["programs/demo/program.yaml": Self.program("demo")]
        let steps: [(String, [String: String])] = [
            ("2026-01-01", base),
            ("2026-01-05", base.merging(["programs/demo/risks.yaml": Self.risks("R1, probability: 2, impact: 2, status: open",
                                                                                "R2, probability: 5, impact: 5, status: open")]) { $1 }),
            ("2026-01-10", base.merging(["programs/demo/risks.yaml": Self.risks("R1, probability: 3, impact: 2, status: open",
                                                                                "R2, probability: 5, impact: 5, status: closed")]) { $1 }),
            ("2026-01-20", base.merging(["programs/demo/risks.yaml": Self.risks("R1, probability: 3, impact: 2, status: open",
                                                                                "R2, probability: 5, impact: 5, status: mitigating")]) { $1 }),
            ("2026-01-25", base.merging(["programs/demo/risks.yaml": Self.risks("R1, probability: 3, impact: 2, status: realized",
                                                                                "R2, probability: 4, impact: 5, status: mitigating")]) { $1 }),
        ]
        let records = Self.records(steps)
        let tip = WorkspaceLoader.load(from: InMemoryPlanSource(files: RuleExample.baseFiles.filter { !$0.key.hasPrefix("programs/") }
            .merging(steps.last!.1) { $1 })).workspace
        let ages = RiskAges(PlanHistory(chronological: records), tip: tip, asOf: PlanDate("2026-02-04")!)
        let r2 = try! #require(ages.open.first)
        #expect(ages.open.map(\.ref.id) == ["R2"])
        #expect(r2.openSince == PlanDate("2026-01-20"), "re-opened then")
        #expect(r2.ageDays == 15)
        #expect(r2.timesRescored == 1)
        #expect(r2.scoreThen == 25)
        #expect(r2.scoreNow == 20)
        #expect(r2.openedBy?.changeRequest == "CR-333333333333")
        let r1 = try! #require(ages.closed.first)
        #expect(ages.closed.map(\.ref.id) == ["R1"])
        #expect(r1.status == "realized")
        #expect(r1.closedOn == PlanDate("2026-01-25"))
        #expect(r1.ageDays == 20)
        #expect(r1.timesRescored == 1)
        #expect(r1.scoreThen == 4)
        #expect(r1.scoreNow == 6)
    }
}
