import Foundation
import Testing

/// `--since DAY` judges each commit's day as the commit records it: in its committer's own
/// time zone, the day `charter changes` shows.
@Suite struct ChangesSinceTests {
    static func at(_ date: String) -> [String: String] {
        ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]
    }

    @Test func aCommitsDayIsItsOwnTimeZones() throws {
        let repo = try HookRepo.planned()
        let plans = try repo.rev("HEAD")   // 2026-03-02T10:00Z
        // 23:30 in New York on March 1st is March 2nd in UTC; 01:00 in Tokyo on March 2nd is
        // still March 1st in UTC.
        let newYork = try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-03")], "Late in New York",
                                      environment: Self.at("2026-03-01T23:30:00-05:00"))
        let tokyo = try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-04")], "Early in Tokyo",
                                    environment: Self.at("2026-03-02T01:00:00+09:00"))
        for (since, expected) in [("2026-03-01", [tokyo, newYork, plans]), ("2026-03-02", [tokyo, plans]), ("2026-03-03", [])] {
            for extra in [[String: String](), HistoryIndexTests.cold] {
                let ids = try Run.charter(["changes", "--ids", "--since", since], in: repo.path,
                                          environment: repo.environment.merging(extra) { $1 })
                #expect(ids.stdout.split(separator: "\n").map(String.init) == expected, "--since \(since)")
                let records = try Run.charter(["changes", "--format", "csv", "--since", since], in: repo.path,
                                              environment: repo.environment.merging(extra) { $1 })
                let lines = records.stdout.unicodeScalars.filter { $0 == "\n" }.count
                #expect(lines == expected.count + 1, "--since \(since): \(records.stdout)")
            }
        }
        let slips = try repo.charter("slips", "--since", "2026-03-02", "--format", "json")
        #expect(slips.stdout.contains("\"commits\" : 2"), "\(slips.stdout)")
    }
}
