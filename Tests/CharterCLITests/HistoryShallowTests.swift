import Foundation
import Testing

/// `charter history` in a real shallow clone, for a milestone added before the boundary and
/// never changed since: no event of its own, yet it has a name, a date and a status now.
@Suite struct HistoryShallowTests {
    struct Ledger: Decodable {
        struct Summary: Decodable {
            var name: String?
            var current: String?
            var status: String?
        }

        var name: String?
        var shallow: Bool
        var events: [[String: String?]]
        var summary: Summary
    }

    @Test func aMilestoneOlderThanTheBoundaryTakesItsNameDateAndStatusFromTheTip() throws {
        let (repo, _) = try SlipLedgerCommandTests.history()
        let clone = repo.fixture.url("shallow").path
        try repo.run(["clone", "-q", "--depth", "3", "file://" + repo.path, clone])

        let json = try Run.charter(["history", "pay/M1", "--format", "json"], in: clone, environment: repo.environment)
        #expect(json.status == 0, "\(json.output)")
        let ledger = try SlipLedgerCommandTests.decode(Ledger.self, json.stdout)
        #expect(ledger.shallow && ledger.events.isEmpty)
        #expect(ledger.name == "Design" && ledger.summary.name == "Design")
        #expect(ledger.summary.current == "2026-02-01" && ledger.summary.status == "done")

        let text = try Run.charter(["history", "pay/M1"], in: clone, environment: repo.environment)
        #expect(text.status == 0, "\(text.output)")
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "pay/M1 · Design", "\(text.stdout)")
        #expect(lines.dropFirst().first?.hasSuffix("now 2026-02-01 · status done") == true, "\(text.stdout)")
        #expect(text.stdout.contains("no changes since the shallow clone's boundary"), "\(text.stdout)")
        #expect(text.stdout.contains("The clone is shallow"), "\(text.stdout)")
    }
}
