import CharterCore
import CharterReporters
import Foundation
import Testing

@Suite struct ScenarioReporterTests {
    static func report(conflicts count: Int) -> ScenarioReport {
        let conflicts = (0..<count).map { index in
            ScenarioConflict(refs: ["pull/\(index)/head", "pull/\(index + 1)/head"], kind: .cycle,
                             message: "dependency cycle: p\(index)/M1 → p\(index)/M2 → p\(index)/M1; no order of work can satisfy it",
                             path: "programs/p\(index)/milestones.yaml", line: 4, column: 18)
        }
        let branch = BranchScenario(ref: "pull/1/head", commit: String(repeating: "a", count: 40), mergesCleanly: true, valid: true,
                                    textConflicts: [], summary: "p1: 1 milestone changed (M1)",
                                    forecastChanges: [ForecastChange(program: "p1", from: PlanDate("2026-05-01"), to: PlanDate("2026-05-15"))],
                                    newFindings: [], errors: 0)
        return ScenarioReport(target: .init(ref: "main", commit: String(repeating: "b", count: 40)), branches: [branch],
                              skipped: [], pairsChecked: count, pairsPossible: count, conflicts: conflicts,
                              queue: QueueScenario(steps: [.init(ref: "pull/1/head", merged: true, reasons: [])]))
    }

    @Test("markdown fits one pull-request comment and says what it left out")
    func markdownFitsAComment() {
        let small = ScenarioReporters.render(Self.report(conflicts: 2), as: .markdown)
        #expect(small.contains("| `pull/0/head` + `pull/1/head` | `cycle` | `programs/p0/milestones.yaml:4:18` |"), "\(small)")
        #expect(small.contains("p1 ends 2026-05-01 → 2026-05-15 (+14d)"))
        #expect(!small.contains("Cut to fit"))

        let large = ScenarioReporters.render(Self.report(conflicts: 3_000), as: .markdown)
        #expect(large.utf8.count <= 65_536)
        #expect(large.utf8.count > 60_000)
        #expect(large.contains("Cut to fit GitHub's 65,536-character comment limit"))
        #expect(large.hasPrefix("## Open plan changes checked together"))
    }

    @Test("json carries the contract keys; text names both branches and the place")
    func jsonAndText() throws {
        let report = Self.report(conflicts: 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ScenarioReporters.render(report, as: .json).utf8)) as? [String: Any])
        let conflict = try #require((json["conflicts"] as? [[String: Any]])?.first)
        #expect(Set(conflict.keys).isSuperset(of: ["refs", "kind", "message", "path", "line"]))
        #expect(conflict["refs"] as? [String] == ["pull/0/head", "pull/1/head"])
        let branch = try #require((json["branches"] as? [[String: Any]])?.first)
        #expect(Set(branch.keys).isSuperset(of: ["ref", "commit", "merges_cleanly", "valid", "summary", "forecast_change"]))
        #expect((json["queue"] as? [String: Any])?["first_broken"] is NSNull)

        let text = ScenarioReporters.render(report, as: .text)
        #expect(text.contains("pull/0/head + pull/1/head: cycle: programs/p0/milestones.yaml:4:18: dependency cycle"), "\(text)")
        #expect(text.contains("The whole queue merges and validates."))
    }
}
