import Foundation
import Testing

/// `charter variance` on a small real history: a baseline tag, then a slip, a budget change,
/// milestones added and removed, one moved between programs.
@Suite struct VarianceCommandTests {
    static let core = """
    id: core
    name: Core
    owner: alice
    status: active
    start: 2026-01-01
    target: 2026-09-30
    budget: { currency: USD, total: 100000 }
    scope: { in: [Ledger], out: [] }

    """

    /// A repository whose first commit carries the baseline `q1` (made with `git tag -a`) and whose
    /// second commit changes the plans.
    static func history() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace(in: "", [
            "programs/core/program.yaml": core,
            "programs/core/milestones.yaml": """
            milestones:
              - { id: C1, name: Schema, date: 2026-03-01 }
              - { id: C2, name: Ledger live, date: 2026-06-01 }
              - { id: C3, name: Archive, date: 2026-07-01 }

            """,
            "programs/core/budget.yaml": """
            lines:
              - { id: B1, category: people, amount: 60000 }
              - { id: B2, category: vendor, amount: 40000 }

            """,
        ])
        try fixture.commitAll("Q1 plans")
        try fixture.git("tag", "-a", "-m", "Q1 plan of record", "charter/baseline/q1")

        try fixture.write("programs/core/program.yaml", core.replacingOccurrences(of: "total: 100000", with: "total: 125000")
            .replacingOccurrences(of: "in: [Ledger]", with: "in: [Ledger, Refunds]"))
        try fixture.write("programs/core/milestones.yaml", """
        milestones:
          - { id: C1, name: Schema, date: 2026-03-01, status: done }
          - { id: C2, name: Ledger live, date: 2026-06-15 }
          - { id: C4, name: Refunds, date: 2026-08-01 }

        """)
        try fixture.write("programs/core/budget.yaml", """
        lines:
          - { id: B1, category: people, amount: 60000 }
          - { id: B2, category: vendor, amount: 65000 }

        """)
        // C3 leaves core for pay with its id: a move, as the semantic diff recognises it.
        try fixture.write("programs/pay/milestones.yaml", Samples.workspace["programs/pay/milestones.yaml"]!
            .replacingOccurrences(of: "date: 2026-05-01", with: "date: 2026-04-24")
            + "  - { id: C3, name: Archive, date: 2026-07-10 }\n")
        try fixture.commitAll("Re-plan: Ledger slips two weeks, Refunds added, Archive moves to pay")
        return fixture
    }

    private func json(_ result: Run.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    }

    private func program(_ name: String, in document: [String: Any]) throws -> [String: Any] {
        let programs = try #require(document["programs"] as? [[String: Any]])
        return try #require(programs.first { $0["program"] as? String == name })
    }

    private func milestone(_ id: String, in program: [String: Any]) throws -> [String: Any] {
        let milestones = try #require(program["milestones"] as? [[String: Any]])
        return try #require(milestones.first { $0["id"] as? String == id })
    }

    @Test func measuresSlipsBudgetAndScopeAgainstTheLatestBaseline() throws {
        let fixture = try Self.history()
        let result = try Run.charter(["variance", "--format", "json"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result)
        #expect((document["baseline"] as? [String: Any])?["name"] as? String == "q1")
        #expect((document["baseline"] as? [String: Any])?["message"] as? String == "Q1 plan of record")
        #expect((document["current"] as? [String: Any])?["label"] as? String == "worktree")

        let core = try program("core", in: document)
        let c2 = try milestone("C2", in: core)
        #expect(c2["baseline_date"] as? String == "2026-06-01" && c2["current_date"] as? String == "2026-06-15")
        #expect(c2["variance_days"] as? Int == 14 && c2["change"] as? String == "both")
        #expect(try milestone("C1", in: core)["baseline_status"] as? String == "planned")
        #expect(try milestone("C1", in: core)["status"] as? String == "done")
        #expect(try milestone("C4", in: core)["change"] as? String == "added")
        let c3 = try milestone("C3", in: core)
        #expect(c3["change"] as? String == "moved-out" && c3["moved_to"] as? String == "pay")

        let budget = try #require(core["budget"] as? [String: Any])
        let total = try #require(budget["total"] as? [String: Any])
        #expect(total["baseline"] as? Int == 100_000 && total["current"] as? Int == 125_000)
        #expect(total["delta"] as? Int == 25_000 && total["percent"] as? Double == 25)
        let categories = try #require(budget["categories"] as? [[String: Any]])
        let vendor = try #require(categories.first { $0["category"] as? String == "vendor" })
        #expect(vendor["delta"] as? Int == 25_000 && vendor["percent"] as? Double == 62.5)

        let scope = try #require(core["scope"] as? [String: Any])
        #expect(scope["in_added"] as? [String] == ["Refunds"])
        #expect(scope["milestones_added"] as? [String] == ["C4"])
        #expect(scope["milestones_moved_out"] as? [String] == ["C3"])

        let pay = try program("pay", in: document)
        let moved = try milestone("C3", in: pay)
        #expect(moved["change"] as? String == "moved-in" && moved["moved_from"] as? String == "core")
        #expect(moved["variance_days"] as? Int == 9)
        #expect(try milestone("M2", in: pay)["variance_days"] as? Int == -7)

        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["max_slip_days"] as? Int == 14)
        #expect(summary["milestones_slipped"] as? Int == 2)
        #expect(summary["milestones_pulled_in"] as? Int == 1)
        #expect(summary["milestones_added"] as? Int == 1)
        #expect(summary["milestones_moved"] as? Int == 1)
    }

    @Test func textShowsEachMilestoneAndTheSummary() throws {
        let fixture = try Self.history()
        let result = try Run.charter(["variance", "core"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("charter variance q1 (2026-03-02, "))
        #expect(result.stdout.contains("baseline: Q1 plan of record"))
        #expect(result.stdout.contains("  budget     $100,000 → $125,000  +$25,000 (+25.0%)\n"))
        #expect(result.stdout.contains("    C2  Ledger live  2026-06-01  →  2026-06-15      +14d  planned\n"), "\(result.stdout)")
        #expect(result.stdout.contains("    C3  Archive      2026-07-01  →  (moved to pay)"))
        #expect(result.stdout.contains("  scope in   + Refunds\n"))
        #expect(!result.stdout.contains("\npay"))
        #expect(result.stdout.hasSuffix("summary  max slip 14d; 1 milestone slipped, 1 added; budget +$25,000\n"), "\(result.stdout)")
        let markdown = try Run.charter(["variance", "--format", "markdown"], in: fixture.path)
        #expect(markdown.stdout.contains("| C2 · Ledger live | 2026-06-01 | 2026-06-15 | +14d | planned |"))
    }

    @Test func comparesAnyRevisionAndGatesOnMaxSlip() throws {
        let fixture = try Self.history()
        let same = try Run.charter(["variance", "--rev", "HEAD~1"], in: fixture.path)
        #expect(same.status == 0 && same.stdout.hasSuffix("summary  no variance from the baseline\n"), "\(same.stdout)")
        #expect(try Run.charter(["variance", "--max-slip", "14"], in: fixture.path).status == 0)
        let gated = try Run.charter(["variance", "--max-slip", "10"], in: fixture.path)
        #expect(gated.status == 1 && gated.stderr.contains("a milestone is 14 days later than at baseline q1 (--max-slip 10)"))
    }

    @Test func saysHowToStartWithoutBaselinesAndSuggestsNames() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.commitAll("Plans")
        let none = try Run.charter(["variance"], in: fixture.path)
        #expect(none.status == 2 && none.stderr == "charter: error: no baselines yet; make one with charter baseline create NAME\n")
        try fixture.git("tag", "-a", "-m", "x", "charter/baseline/q1-plan")
        let typo = try Run.charter(["variance", "--baseline", "q1-plam"], in: fixture.path)
        #expect(typo.status == 2 && typo.stderr.contains("no baseline 'q1-plam'; did you mean 'q1-plan'?"))
        let program = try Run.charter(["variance", "PAY"], in: fixture.path)
        #expect(program.status == 2 && program.stderr.contains("no program 'PAY'; did you mean 'pay'?"))
    }

    @Test func worksInAShallowCloneOnceTheTagsAreFetched() throws {
        let fixture = try Self.history()
        try fixture.git("clone", "-q", "--depth", "1", "file://" + fixture.path, "shallow")
        let before = try Run.charter(["variance"], in: fixture.path + "/shallow")
        #expect(before.status == 2 && before.stderr.contains("no baselines yet"))
        try fixture.git("fetch", "-q", "--depth", "1", "origin", "refs/tags/charter/baseline/*:refs/tags/charter/baseline/*", in: "shallow")
        #expect(try fixture.git("rev-parse", "--is-shallow-repository", in: "shallow") == "true\n")
        let after = try Run.charter(["variance", "--format", "json"], in: fixture.path + "/shallow")
        #expect(after.status == 0, "\(after.stderr)")
        #expect(try milestone("C2", in: try program("core", in: try json(after)))["variance_days"] as? Int == 14)
    }
}
