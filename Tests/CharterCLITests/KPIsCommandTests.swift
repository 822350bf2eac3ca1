import Foundation
import Testing

/// `charter kpis` and KPIs in `charter diff`, from the built binary, on real histories.
@Suite struct KPIsCommandTests {
    static func kpis(current: String, asOf: String) -> String {
        """
        kpis:
          - { id: K1, name: Checkout p99 latency, unit: ms, baseline: 420, target: 300, current: \(current), as_of: \(asOf), direction: decrease, owner: carol }
          - { id: K2, name: Card auth success rate, unit: "%", baseline: 96.5, target: 98.5 }

        """
    }

    /// Three commits: KPIs introduced, measured again, then an unrelated milestone edit.
    static func history() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace(["programs/pay/kpis.yaml": kpis(current: "420", asOf: "2026-02-01")])
        try fixture.commitAll("Add KPIs")
        try fixture.write("programs/pay/kpis.yaml", kpis(current: "380", asOf: "2026-03-01"))
        try fixture.commitAll("Measure K1")
        try fixture.write("programs/pay/milestones.yaml", Samples.workspace["programs/pay/milestones.yaml"]!.replacingOccurrences(of: "Beta", with: "Public beta"))
        try fixture.commitAll("Rename M2")
        return fixture
    }

    static func json(_ text: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return object?["kpis"] as? [[String: Any]] ?? []
    }

    @Test("a kpis.yaml that cannot be parsed is named with its position, not shown as 'no KPIs' in silence")
    func unreadableFileIsNamed() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(["programs/pay/kpis.yaml": "kpis:\n  - { id: K1, name: [Checkout }\n"])
        let result = try Run.charter(["kpis"], in: fixture.path)
        #expect(result.status == 0)
        #expect(result.stderr.contains("charter: warning: programs/pay/kpis.yaml:2:"), "\(result.stderr)")
        #expect(result.stderr.contains("could not be read"), "\(result.stderr)")
        let export = try Run.charter(["export", "--format", "csv"], in: fixture.path)
        #expect(!export.stderr.contains("milestones.yaml"), "only the unreadable file is named: \(export.stderr)")
    }

    @Test func tableShowsProgressAgainstTarget() throws {
        let fixture = try Self.history()
        let result = try Run.charter(["kpis"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(2)) == ["charter kpis · worktree", "pay · Payments"], "\(result.stdout)")
        let k1 = try #require(lines.first { $0.hasPrefix("  K1") })
        #expect(k1.contains("420 → 380 ms") && k1.contains("target 300 ms") && k1.contains("33%") && k1.contains("as of 2026-03-01"))
        #expect(lines.contains { $0.hasPrefix("  K2") && $0.contains("no measurement") && $0.contains("unknown") })
    }

    @Test("the header says what was read: the worktree, or a revision with its commit, and whose history")
    func headerNamesWhatWasRead() throws {
        let fixture = try Self.history()
        let head = String(try fixture.git("rev-parse", "HEAD~1").prefix(8))
        let revision = try Run.charter(["kpis", "--rev", "HEAD~1"], in: fixture.path)
        #expect(revision.stdout.hasPrefix("charter kpis · HEAD~1 (commit \(head))\n\npay · Payments\n"), "\(revision.stdout)")
        let history = try Run.charter(["kpis", "--history"], in: fixture.path)
        #expect(history.stdout.hasPrefix("charter kpis · worktree · history of HEAD\n\n"), "\(history.stdout)")
    }

    @Test("--format markdown: a heading, what was read, a table of KPIs and one of the committed measurements")
    func markdownForAPullRequest() throws {
        let fixture = try Self.history()
        let help = try Run.charter(["kpis", "--help"], in: fixture.path).stdout
        #expect(help.contains("(values: text, markdown, json;"), "\(help)")
        let result = try Run.charter(["kpis", "--history", "--format", "markdown"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(3)) == ["### KPIs", "", "Plans read: `worktree`; history of `HEAD`."], "\(result.stdout)")
        #expect(lines.contains("| pay · Payments | K1 · Checkout p99 latency | 420 → 380 ms | 300 ms | 33% | on-track | 2026-03-01 |"),
                "\(result.stdout)")
        #expect(lines.contains("| pay · Payments | K2 · Card auth success rate | 96.5% (no measurement) | 98.5% | - | unknown | — |"))
        let commit = String(try fixture.git("rev-parse", "HEAD~1").prefix(8))
        #expect(lines.contains("| pay/K1 | 2026-03-01 | 380 ms | `\(commit)` |"), "\(result.stdout)")
    }

    @Test("kpis --format json names the plans it read, as schedule does")
    func jsonNamesItsSource() throws {
        let fixture = try Self.history()
        for (arguments, source, historyOf) in [([String](), "worktree", nil), (["--rev", "HEAD~1"], "HEAD~1", nil),
                                               (["--history"], "worktree", "HEAD")] as [([String], String, String?)] {
            let result = try Run.charter(["kpis", "--format", "json"] + arguments, in: fixture.path)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let named = try #require(object["source"] as? String)
            #expect(named.hasPrefix(source), "\(result.stdout)")
            #expect((object["history_of"] as? String) == historyOf)
            #expect(object.keys.contains("history_of"), "the key is always there, null without --history")
            let schedule = try #require(try JSONSerialization.jsonObject(
                with: Data(try Run.charter(["schedule", "--format", "json"] + arguments.filter { $0 != "--history" }, in: fixture.path).stdout.utf8)) as? [String: Any])
            if historyOf == nil { #expect(schedule["source"] as? String == named) }
        }
    }

    @Test func historyListsEveryCommittedMeasurementOnce() throws {
        let fixture = try Self.history()
        let commits = try fixture.git("rev-list", "HEAD").split(separator: "\n").map(String.init)
        let result = try Run.charter(["kpis", "--history", "--format", "json", "pay"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        let entries = try Self.json(result.stdout)
        #expect(entries.map { $0["id"] as? String } == ["K1", "K2"])
        let points = try #require(entries[0]["history"] as? [[String: Any]])
        #expect(points.map { $0["value"] as? Int } == [420, 380])
        #expect(points.map { $0["date"] as? String } == ["2026-02-01", "2026-03-01"])
        #expect(points.map { $0["commit"] as? String } == [commits[2], commits[1]])
        #expect((entries[1]["history"] as? [Any])?.isEmpty == true)
        #expect(entries[0]["status"] as? String == "on-track")

        let older = try Self.json(try Run.charter(["kpis", "--history", "--format", "json", "--rev", "HEAD~2"], in: fixture.path).stdout)
        #expect((older.first?["history"] as? [[String: Any]])?.count == 1)
        #expect(older.first?["current"] as? Int == 420)
    }

    @Test func unknownProgramIsAUsageError() throws {
        let fixture = try Self.history()
        let result = try Run.charter(["kpis", "paymnts"], in: fixture.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no program 'paymnts'"))
    }

    @Test func historyOutsideGitIsAUsageError() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(["programs/pay/kpis.yaml": Self.kpis(current: "400", asOf: "2026-02-01")])
        #expect(try Run.charter(["kpis"], in: fixture.path).status == 0)
        let result = try Run.charter(["kpis", "--history"], in: fixture.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not in a git repository"))
    }

    @Test func diffReadsANewMeasurement() throws {
        let fixture = try Self.history()
        let text = try Run.charter(["diff", "HEAD~2..HEAD~1"], in: fixture.path).stdout
        #expect(text.contains("~ KPI K1 · Checkout p99 latency\n      current: 420 → 380 ms (target 300, better)\n      as_of: 2026-02-01 → 2026-03-01"))
        #expect(text.contains("summary       pay: 1 KPI measured (K1 420 → 380 ms)"))
        let records = try Run.charter(["changes", "--format", "json", "HEAD~1^!"], in: fixture.path).stdout
        let array = try JSONSerialization.jsonObject(with: Data(records.utf8)) as? [[String: Any]]
        #expect(array?.first?["change_types"] as? [String] == ["objectives"])
        #expect(array?.first?["approval_required"] as? Bool == false)
    }

    @Test("the example history's KPIs have a four-point trend")
    func exampleTrend() throws {
        let fixture = try DiffHistoryTests.exampleHistory()
        let acme = fixture.url("acme").path
        let entries = try Self.json(try Run.charter(["kpis", "--history", "--format", "json"], in: acme).stdout)
        #expect(entries.map { "\($0["program"] ?? "")/\($0["id"] ?? "")" } == ["payments-v2/K1", "payments-v2/K2"])
        let latency = try #require(entries.first?["history"] as? [[String: Any]])
        #expect(latency.map { $0["value"] as? Int } == [420, 395, 380, 362])
        #expect(try Run.charter(["validate", "--as-of", "2026-04-27"], in: acme).stdout == "no problems found\n")
    }
}
