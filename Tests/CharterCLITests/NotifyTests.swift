import Foundation
import Testing

/// `notify` on change-request records: who must hear about a change, judged when shown.
@Suite struct NotifyTests {
    /// A slip of pay/M1 that web/W1 depends on, beyond the policy's 7 days.
    static func slipped() throws -> Fixture {
        let fixture = try StakeholderFixture.repository()
        try fixture.write("programs/pay/milestones.yaml", StakeholderFixture.payMilestones(m1: "2026-05-20"))
        try fixture.commitAll("Slip pay M1 to May 20")
        return fixture
    }

    static func notify(_ json: String, record: Int = 0) throws -> [[String: Any]] {
        let records = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
        return records[record]["notify"] as! [[String: Any]]
    }

    @Test func aCrossProgramSlipTellsTheOwnersTheDependentsAndTheStakeholders() throws {
        let fixture = try Self.slipped()
        let json = try Run.charter(["changes", "--format", "json", "--max-count", "1"], in: fixture.path)
        #expect(json.status == 0, "\(json.stderr)")
        let notify = try Self.notify(json.stdout)
        // carol owns M1; erin owns web/W1, which depends on it; bob is accountable (the slip needs
        // approval) and dave informed. Not alice (pay's owner, consulted only on web), not bob as
        // the owner of W2 (which depends on W1 inside web).
        #expect(notify.map { $0["person"] as! String } == ["bob", "carol", "dave", "erin"])
        #expect(notify.map { $0["login"] as? String } == ["bob-gh", "carol-gh", nil, "erin-gh"])
        let erin = notify[3]["reasons"] as! [[String: Any]]
        #expect(erin.count == 1)
        #expect(erin[0]["kind"] as? String == "dependent-owner" && erin[0]["subject"] as? String == "web/W1"
                && erin[0]["depends_on"] as? String == "pay/M1")
        let bob = notify[0]["reasons"] as! [[String: Any]]
        #expect(bob.map { $0["role"] as? String } == ["accountable"])

        let text = try Run.charter(["changes", "--max-count", "1"], in: fixture.path)
        #expect(text.stdout.contains(
            "  notify: bob-gh (accountable on pay), carol-gh (owns pay/M1), dave (informed on pay), erin-gh (owns web/W1, which depends on pay/M1)\n"),
            "\(text.stdout)")
        #expect(!text.stdout.split(separator: "\n").contains { $0.hasPrefix("  notify:") && $0.contains("@") })
        let mentions = try Run.charter(["changes", "--max-count", "1", "--mentions", "--format", "markdown"], in: fixture.path)
        #expect(mentions.stdout.contains("- Notify: @bob-gh (accountable on pay), @carol-gh (owns pay/M1), dave (informed on pay), @erin-gh (owns web/W1, which depends on pay/M1)\n"),
                "\(mentions.stdout)")
        let plain = try Run.charter(["changes", "--max-count", "1", "--format", "markdown"], in: fixture.path)
        #expect(plain.stdout.contains("- Notify: bob-gh (accountable on pay)"), "\(plain.stdout)")
    }

    @Test func aRenameTellsTheOwnerAndTheInformedButNotTheDependentsNorTheAccountable() throws {
        let fixture = try StakeholderFixture.repository()
        try fixture.write("programs/pay/milestones.yaml", StakeholderFixture.payMilestones(name: "Public beta"))
        try fixture.commitAll("Rename M1")
        let json = try Run.charter(["changes", "--format", "json", "--max-count", "1"], in: fixture.path)
        #expect(try Self.notify(json.stdout).map { $0["person"] as! String } == ["carol", "dave"])
    }

    /// Who is told follows people.yaml as it is now, not as the record was cached.
    @Test func notifyIsJudgedAtReadTimeAndTheSameColdAndWarm() throws {
        let fixture = try Self.slipped()
        for command in [["changes", "--format", "json"], ["changes"], ["changes", "--format", "yaml"],
                        ["digest", "--since", "2026-03-01", "--for", "erin"]] {
            let cold = try Run.charter(command, in: fixture.path, environment: HistoryIndexTests.cold)
            let building = try Run.charter(command, in: fixture.path)
            let warm = try Run.charter(command, in: fixture.path)
            #expect(cold.status == 0, "\(command): \(cold.stderr)")
            #expect(building.stdout == cold.stdout && warm.stdout == cold.stdout, "\(command)")
        }
        try fixture.write("people.yaml", StakeholderFixture.people.replacingOccurrences(of: "carol-gh", with: "carol-new"))
        try fixture.commitAll("Carol's new login")
        let warm = try Run.charter(["changes", "--format", "json"], in: fixture.path)
        let slip = try Self.notify(warm.stdout, record: 1)
        #expect(slip.first { $0["person"] as? String == "carol" }?["login"] as? String == "carol-new")
    }

    @Test func writtenRecordsNameThePeopleToTell() throws {
        let fixture = try Self.slipped()
        let write = try Run.charter(["changes", "--write"], in: fixture.path)
        #expect(write.status == 0, "\(write.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.url("changes").path).sorted()
        let texts = try files.map { try fixture.read("changes/" + $0) }
        #expect(texts.contains { $0.contains("notify:") && $0.contains("login: erin-gh") && $0.contains("depends_on: pay/M1") },
                "\(texts)")
    }
}

extension NotifyTests {
    /// The pull-request comment names who to tell, on the newer side's whole plans: the owner of
    /// web/W1 is found though web did not change.
    @Test func thePullRequestCommentNamesWhoToTell() throws {
        let fixture = try Self.slipped()
        let markdown = try Run.charter(["diff", "--format", "markdown", "HEAD~1..HEAD"], in: fixture.path)
        #expect(markdown.stdout.contains("\n**Notify:** bob-gh (accountable on pay), carol-gh (owns pay/M1), dave (informed on pay), erin-gh (owns web/W1, which depends on pay/M1)\n\n"),
                "\(markdown.stdout)")
        let mentions = try Run.charter(["diff", "--format", "markdown", "--mentions", "HEAD~1..HEAD"], in: fixture.path)
        #expect(mentions.stdout.contains("**Notify:** @bob-gh (accountable on pay), @carol-gh"), "\(mentions.stdout)")
        let text = try Run.charter(["diff", "HEAD~1..HEAD"], in: fixture.path)
        #expect(!text.stdout.lowercased().contains("notify"))
        let none = try Run.charter(["diff", "--format", "markdown", "HEAD..HEAD"], in: fixture.path)
        #expect(!none.stdout.contains("Notify"))
    }
}
