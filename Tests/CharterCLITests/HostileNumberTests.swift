import Foundation
import Testing

/// The numbers that trapped every command (issue 12): each is committed on top of a valid plan
/// and run through every command that reads it. Each must answer with exit 0, 1 or 2 and, where
/// the schema rejects the number, a located message naming the field and its range.
@Suite("Hostile numbers")
struct HostileNumberTests {
    /// A repository with the sample workspace (plus a KPI file) committed, then `overrides` committed.
    private func repository(_ overrides: [String: String]) throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace(["programs/pay/budget.yaml": "lines:\n  - { id: B1, category: vendor, amount: 500 }\n",
                                    "programs/pay/kpis.yaml": Self.kpis(current: "250")])
        try fixture.commitAll("Plans")
        for (path, text) in overrides { try fixture.write(path, text) }
        try fixture.commitAll("Hostile numbers")
        return fixture
    }

    private static func kpis(current: String) -> String {
        """
        kpis:
          - { id: K1, name: Latency, unit: ms, baseline: 400, target: 200, current: \(current), as_of: 2026-02-01 }

        """
    }

    /// Every command that reads plans, on the committed head and on the change into it.
    private static let commands: [[String]] = [
        ["validate"], ["validate", "--rev", "HEAD"], ["validate", "--format", "json"],
        ["diff", "HEAD~1", "HEAD"], ["diff", "HEAD~1", "HEAD", "--format", "markdown"], ["diff", "HEAD~1", "HEAD", "--format", "json"],
        ["changes"], ["changes", "--format", "json"], ["changes", "--format", "csv"], ["changes", "--format", "markdown"],
        ["check", "HEAD~1..HEAD"], ["report", "--format", "markdown", "--as-of", "2026-03-01"],
        ["report", "--as-of", "2026-03-01"], ["kpis"], ["kpis", "--history"], ["kpis", "--format", "json"],
        ["variance", "--as-of", "2026-03-01"], ["history"], ["slips"], ["schedule", "--as-of", "2026-03-01"],
    ]

    /// Runs every command; none may trap, and each exit code is 0, 1 or 2.
    private func expectNoTrap(_ fixture: Fixture) throws {
        for command in Self.commands {
            let result = try Run.charter(command, in: fixture.path)
            #expect([0, 1, 2].contains(result.status), "charter \(command.joined(separator: " ")) exited \(result.status): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"), "charter \(command.joined(separator: " ")): \(result.stderr)")
        }
    }

    private func expectRejected(_ fixture: Fixture, at location: String, _ phrases: [String]) throws {
        let result = try Run.charter(["validate"], in: fixture.path)
        #expect(result.status == 1)
        let line = result.stdout.split(separator: "\n").first { $0.hasPrefix(location) }
        #expect(line != nil, "no diagnostic at \(location): \(result.stdout)")
        for phrase in phrases { #expect(line?.contains(phrase) == true, "\(phrase) missing from \(line ?? "")") }
    }

    @Test("A budget line of 1e17 is out of the money range, and nothing traps on it")
    func budgetLineOverMoneyRange() throws {
        let fixture = try repository(["programs/pay/budget.yaml": "lines:\n  - { id: B1, category: vendor, amount: 1e17 }\n"])
        try expectRejected(fixture, at: "programs/pay/budget.yaml:2:", ["'amount' of budget line B1", "10,000,000,000,000", "1e17"])
        try expectNoTrap(fixture)
    }

    @Test("A budget total of 99999999999999999999 is out of the money range, and nothing traps on it")
    func budgetTotalOverMoneyRange() throws {
        let program = Samples.workspace["programs/pay/program.yaml"]!
            .replacingOccurrences(of: "total: 1000", with: "total: 99999999999999999999")
        let fixture = try repository(["programs/pay/program.yaml": program])
        try expectRejected(fixture, at: "programs/pay/program.yaml:7:", ["'total'", "10,000,000,000,000", "99999999999999999999"])
        try expectNoTrap(fixture)
    }

    @Test("An allocation percent of 1e17 is out of 0 to 100, and nothing traps on it")
    func allocationPercentOverRange() throws {
        let program = Samples.workspace["programs/pay/program.yaml"]!
            + "allocations:\n  - { person: carol, percent: 1e17 }\n  - { person: carol, percent: 60 }\n"
        let fixture = try repository(["programs/pay/program.yaml": program])
        try expectRejected(fixture, at: "programs/pay/program.yaml:9:", ["'percent'", "from 0 to 100", "1e17"])
        try expectNoTrap(fixture)
    }

    @Test("A budget line of -1e308 is rejected by validate, and diff of the change answers too")
    func hugeNegativeBudgetLine() throws {
        let fixture = try repository(["programs/pay/budget.yaml": "lines:\n  - { id: B1, category: vendor, amount: -1e308 }\n"])
        try expectRejected(fixture, at: "programs/pay/budget.yaml:2:", ["'amount' of budget line B1", "-1e308"])
        let diff = try Run.charter(["diff", "HEAD~1", "HEAD"], in: fixture.path)
        #expect(diff.status == 0, "\(diff.stderr)")
        try expectNoTrap(fixture)
    }

    @Test("KPI values of 1e300 and 1e18 are out of the KPI range, and nothing traps on them", arguments: ["1e300", "1e18"])
    func hugeKPIValue(_ value: String) throws {
        let fixture = try repository(["programs/pay/kpis.yaml": Self.kpis(current: value)])
        try expectRejected(fixture, at: "programs/pay/kpis.yaml:2:", ["'current' of KPI K1", "1,000,000,000,000,000", value])
        try expectNoTrap(fixture)
    }

    @Test("A KPI history -1e308 → 1e308 → 5 gives a markdown report with a sparkline, not a trap")
    func extremeKPIHistory() throws {
        let fixture = try repository(["programs/pay/kpis.yaml": Self.kpis(current: "-1e308")])
        try fixture.write("programs/pay/kpis.yaml", Self.kpis(current: "1e308").replacingOccurrences(of: "2026-02-01", with: "2026-02-10"))
        try fixture.commitAll("Even more hostile")
        try fixture.write("programs/pay/kpis.yaml", Self.kpis(current: "5").replacingOccurrences(of: "2026-02-01", with: "2026-02-20"))
        try fixture.commitAll("Back to sense")
        let report = try Run.charter(["report", "--format", "markdown", "--as-of", "2026-03-01"], in: fixture.path)
        #expect(report.status == 0 || report.status == 1, "\(report.stderr)")
        #expect(report.stdout.contains("K1"))
        try expectNoTrap(fixture)
    }

    @Test("charter schema states each number's range")
    func schemaStatesRanges() throws {
        let fixture = try Fixture()
        let folder = fixture.path + "/schemas"
        let result = try Run.charter(["schema", "--output", folder], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        let budget = try String(contentsOfFile: folder + "/budget.schema.json", encoding: .utf8)
        #expect(budget.contains("\"maximum\": 10000000000000"))
        let kpis = try String(contentsOfFile: folder + "/kpis.schema.json", encoding: .utf8)
        #expect(kpis.contains("\"minimum\": -1000000000000000"))
        #expect(kpis.contains("\"maximum\": 1000000000000000"))
    }
}
