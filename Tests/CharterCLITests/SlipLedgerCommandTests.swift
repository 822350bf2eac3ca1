import Foundation
import Testing

/// `charter history` and `charter slips` run as a user would: the built binary on a real
/// repository whose history slips a milestone several times, pulls it in, merges a branch that
/// slips it, moves it to another program, and re-scores and closes risks.
@Suite struct SlipLedgerCommandTests {
    static func day(_ date: String) -> [String: String] {
        ["GIT_AUTHOR_DATE": date + "T10:00:00Z", "GIT_COMMITTER_DATE": date + "T10:00:00Z"]
    }

    static func risks(r1Probability: Int = 3, r2Status: String = "open") -> String {
        """
        risks:
          - { id: R1, title: Vendor late, owner: alice, probability: \(r1Probability), impact: 4, status: open, mitigation: Second vendor }
          - { id: R2, title: Staff leave, owner: carol, probability: 2, impact: 2, status: \(r2Status) }

        """
    }

    static let webMilestones = """
    milestones:
      - { id: M2, name: Beta, date: DATE, depends_on: [pay/M1] }

    """

    static let payWithoutBeta = """
    milestones:
      - { id: M1, name: Design, date: 2026-02-01, status: done, done_on: 2026-02-01 }

    """

    /// The history the tests read; returns the repository and the commit ids by step name.
    static func history() throws -> (HookRepo, [String: String]) {
        let repo = try HookRepo(fixture: nil)
        try repo.fixture.writeWorkspace(in: repo.name, ["charter.yaml": CRSamples.policy])
        var ids: [String: String] = [:]
        ids["plans"] = try repo.commit([:], "Plans", environment: day("2026-01-05"))
        ids["risks"] = try repo.commit(["programs/pay/risks.yaml": risks()].merging(CRSamples.webProgram) { $1 }, "Risk register and web program",
                                       environment: day("2026-02-01"))
        ids["slip1"] = try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-20")], "Slip Beta",
                                       "Approved-by: Carol Diaz <carol@example.com>", environment: day("2026-02-10"))
        ids["slip2"] = try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-06-01")], "Slip Beta again",
                                       "Reason: Vendor SDK late", environment: day("2026-02-20"))
        ids["pullIn"] = try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-25"),
                                         "programs/pay/risks.yaml": risks(r1Probability: 4)], "Pull Beta in; vendor risk up",
                                        environment: day("2026-03-01"))
        try repo.run(["checkout", "-q", "-b", "feature"])
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-06-15")], "Slip Beta on a branch",
                        environment: day("2026-03-05"))
        try repo.run(["checkout", "-q", "main"])
        try repo.run(["merge", "-q", "--no-ff", "feature", "-m", "Merge pull request #9 from acme/feature"], environment: day("2026-03-10"))
        ids["merge"] = try repo.rev("HEAD")
        ids["move"] = try repo.commit(["programs/pay/milestones.yaml": payWithoutBeta,
                                       "programs/web/milestones.yaml": webMilestones.replacingOccurrences(of: "DATE", with: "2026-06-15"),
                                       "programs/pay/risks.yaml": risks(r1Probability: 4, r2Status: "closed")],
                                      "Beta moves to the web program; staffing risk closed", environment: day("2026-03-15"))
        ids["slip4"] = try repo.commit(["programs/web/milestones.yaml": webMilestones.replacingOccurrences(of: "DATE", with: "2026-06-25")],
                                       "Slip Beta in web", environment: day("2026-03-20"))
        return (repo, ids)
    }

    struct Ledger: Decodable {
        struct Event: Decodable {
            struct Commit: Decodable {
                var commit: String
                var why: String
                var approved: String
                var date: String
            }

            var kinds: [String]
            var milestone: String
            var commit: Commit
            var dateFrom: String?
            var dateTo: String?
            var days: Int?
            var movedFrom: String?
            var withProgram: Bool
        }

        struct Summary: Decodable {
            var slips: Int
            var pullIns: Int
            var daysSlipped: Int
            var largestSlip: Int
            var firstPlanned: String?
            var current: String?
            var netDrift: Int?
        }

        var milestone: String
        var formerRefs: [String]
        var shallow: Bool
        var summary: Summary
        var events: [Event]
    }

    struct Report: Decodable {
        struct Risk: Decodable {
            var risk: String
            var openSince: String
            var openSinceKnown: Bool
            var ageDays: Int
            var timesRescored: Int
            var scoreThen: Int?
            var scoreNow: Int?
            var closedOn: String?
        }

        var shallow: Bool
        var milestones: [Ledger.Summary]
        var openRisks: [Risk]
        var closedRisks: [Risk]
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: Data(json.utf8))
    }

    @Test("history lists every commit that moved a milestone, oldest first, and follows it to another program")
    func ledgerFollowsTheMilestone() throws {
        let (repo, ids) = try Self.history()
        let result = try repo.charter("history", "pay/M2", "--format", "json")
        #expect(result.status == 0, "\(result.output)")
        let ledger = try Self.decode(Ledger.self, result.stdout)
        #expect(ledger.milestone == "web/M2")
        #expect(ledger.formerRefs == ["pay/M2"])
        #expect(ledger.events.map(\.kinds) == [["added"], ["slipped"], ["slipped"], ["pulled-in"], ["slipped"], ["moved", "edited"], ["slipped"]])
        #expect(ledger.events.map(\.commit.commit) == [ids["plans"], ids["slip1"], ids["slip2"], ids["pullIn"], ids["merge"], ids["move"], ids["slip4"]])
        #expect(ledger.events.map(\.days) == [nil, 19, 12, -7, 21, nil, 10])
        #expect(ledger.events.first?.withProgram == true)
        #expect(ledger.events.first?.dateTo == "2026-05-01")
        #expect(ledger.events[1].commit.approved == "yes")
        #expect(ledger.events[2].commit.approved == "no", "a 12-day slip needs approval and had none")
        #expect(ledger.events[2].commit.why == "Vendor SDK late")
        #expect(ledger.events[3].commit.approved == "not required")
        #expect(ledger.events[4].commit.why == "Merge pull request #9 from acme/feature", "no reason: the title")
        #expect(ledger.events[5].movedFrom == "pay")
        #expect(ledger.summary.slips == 4)
        #expect(ledger.summary.pullIns == 1)
        #expect(ledger.summary.daysSlipped == 62)
        #expect(ledger.summary.largestSlip == 21)
        #expect(ledger.summary.firstPlanned == "2026-05-01")
        #expect(ledger.summary.current == "2026-06-25")
        #expect(ledger.summary.netDrift == 55)

        // The bare id finds it where it is now; the text says who, why and the approval.
        let text = try repo.charter("history", "M2")
        #expect(text.status == 0, "\(text.output)")
        #expect(text.stdout.contains("web/M2 · Beta (formerly pay/M2)"), "\(text.stdout)")
        #expect(text.stdout.contains("2026-02-20  CR-\(ids["slip2"]!.prefix(12))  slipped +12d: 2026-05-20 → 2026-06-01"), "\(text.stdout)")
        #expect(text.stdout.contains("why: Vendor SDK late"))
        #expect(text.stdout.contains("moved from pay to web"))

        let markdown = try repo.charter("history", "web/M2", "--format", "markdown")
        #expect(markdown.stdout.contains("| 2026-03-01 | `CR-\(ids["pullIn"]!.prefix(12))` | pulled in -7d: 2026-06-01 → 2026-05-25 |"), "\(markdown.stdout)")

        // A range: only the moves in it.
        let recent = try Self.decode(Ledger.self, try repo.charter("history", "web/M2", "\(ids["merge"]!)..HEAD", "--format", "json").stdout)
        #expect(recent.events.map(\.commit.commit) == [ids["move"], ids["slip4"]])
    }

    @Test("a milestone older than the range and unchanged in it: the ledger says it predates the range")
    func milestonePredatesTheRange() throws {
        let fixture = try KPIsCommandTests.history() // M1 comes with the plans; the last commit renames M2
        let text = try Run.charter(["history", "pay/M1", "HEAD~1..HEAD"], in: fixture.path)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasSuffix("\nno changes in HEAD~1..HEAD; it predates the range\n"), "\(text.stdout)")
        let markdown = try Run.charter(["history", "pay/M1", "HEAD^!", "--format", "markdown"], in: fixture.path)
        // Markdown escapes `!` (it could start an image), so GitHub shows HEAD^! again.
        #expect(markdown.stdout.contains("\nno changes in HEAD^\\!; it predates the range\n"), "\(markdown.stdout)")
        let whole = try Run.charter(["history", "pay/M1"], in: fixture.path)
        #expect(whole.stdout.contains("added with its program for 2026-02-01"), "\(whole.stdout)")
        #expect(!whole.stdout.contains("predates"))
    }

    @Test("a milestone that does not exist gets 'did you mean' and exit 2")
    func unknownMilestone() throws {
        let (repo, _) = try Self.history()
        let typo = try repo.charter("history", "web/M22")
        #expect(typo.status == 2)
        #expect(typo.stdout.isEmpty)
        #expect(typo.stderr.contains("no milestone 'web/M22'"), "\(typo.stderr)")
        #expect(typo.stderr.contains("did you mean 'web/M2'?"), "\(typo.stderr)")
        let program = try repo.charter("history", "wbe/M2")
        #expect(program.status == 2)
        #expect(program.stderr.contains("did you mean 'web/M2'?"), "\(program.stderr)")
        #expect(try repo.charter("history", "nothing/M9").status == 2)
    }

    @Test("without a Reason: trailer, a ledger line's why is the body's first paragraph; JSON keeps the whole body")
    func whyIsTheFirstParagraph() throws {
        let (repo, _) = try Self.history()
        try repo.commit(["programs/web/milestones.yaml": Self.webMilestones.replacingOccurrences(of: "DATE", with: "2026-07-01")],
                        "Slip Beta in web again", "The vendor SDK is late\nby a week.",
                        "Long notes from the vendor call:\n- item one\n- item two", environment: Self.day("2026-03-25"))
        let text = try repo.charter("history", "web/M2")
        #expect(text.status == 0, "\(text.output)")
        #expect(text.stdout.hasSuffix("    why: The vendor SDK is late by a week. …\n"), "\(text.stdout)")
        #expect(!text.stdout.contains("item one"))
        let markdown = try repo.charter("history", "web/M2", "--format", "markdown")
        #expect(markdown.stdout.contains("| The vendor SDK is late by a week. … |"), "\(markdown.stdout)")
        let ledger = try Self.decode(Ledger.self, try repo.charter("history", "web/M2", "--format", "json").stdout)
        #expect(ledger.events.last?.commit.why.contains("- item two") == true)
    }

    @Test("slips ranks chronic slips first and ages risks from the commit that opened them")
    func slipsRanking() throws {
        let (repo, ids) = try Self.history()
        let result = try repo.charter("slips", "--format", "json")
        #expect(result.status == 0, "\(result.output)")
        let report = try Self.decode(Report.self, result.stdout)
        #expect(report.shallow == false)
        #expect(report.milestones.count == 1)
        #expect(report.milestones.first?.slips == 4)
        #expect(report.milestones.first?.daysSlipped == 62)
        let r1 = try #require(report.openRisks.first)
        #expect(report.openRisks.map(\.risk) == ["pay/R1"])
        #expect(r1.openSince == "2026-02-01")
        #expect(r1.openSinceKnown)
        #expect(r1.ageDays == 47)
        #expect(r1.timesRescored == 1)
        #expect(r1.scoreThen == 12)
        #expect(r1.scoreNow == 16)
        #expect(report.closedRisks.map(\.risk) == ["pay/R2"])
        #expect(report.closedRisks.first?.closedOn == "2026-03-15")
        #expect(report.closedRisks.first?.ageDays == 42)

        let text = try repo.charter("slips")
        #expect(text.status == 0)
        #expect(text.stdout.contains("web/M2     4      +62d     +21d     1         2026-05-01     2026-06-25  +55d   Beta"), "\(text.stdout)")
        #expect(text.stdout.contains("pay/R1  2026-02-01  47d  1          2026-03-01      12 → 16"), "\(text.stdout)")

        // Up to the pull-in: two slips so far, and the risk ages at that commit's day.
        let earlier = try Self.decode(Report.self, try repo.charter("slips", ids["pullIn"]!, "--format", "json").stdout)
        #expect(earlier.milestones.first?.slips == 2)
        #expect(earlier.openRisks.map(\.risk) == ["pay/R1", "pay/R2"])
        #expect(earlier.openRisks.first?.ageDays == 28)

        let markdown = try repo.charter("slips", "--format", "markdown", "--top", "1")
        #expect(markdown.stdout.contains("| web/M2 | 4 | +62d | +21d | 1 |"), "\(markdown.stdout)")
        #expect(try repo.charter("slips", "--top", "0").status == 2)
        #expect(try repo.charter("slips", "--since", "March").status == 2)
    }

    @Test("in a shallow clone, slips says the history stops at the boundary")
    func shallowClone() throws {
        let (repo, _) = try Self.history()
        try repo.run(["clone", "-q", "--depth", "2", "file://" + repo.path, repo.fixture.url("shallow").path])
        let result = try Run.charter(["slips", "--format", "json"], in: repo.fixture.url("shallow").path, environment: repo.environment)
        #expect(result.status == 0, "\(result.output)")
        let report = try Self.decode(Report.self, result.stdout)
        #expect(report.shallow)
        #expect(report.openRisks.first?.openSinceKnown == false, "opened before the boundary")
        let text = try Run.charter(["slips"], in: repo.fixture.url("shallow").path, environment: repo.environment)
        #expect(text.stdout.contains("The clone is shallow"), "\(text.stdout)")
        let history = try Run.charter(["history", "web/M2"], in: repo.fixture.url("shallow").path, environment: repo.environment)
        #expect(history.status == 0, "\(history.output)")
        #expect(history.stdout.contains("The clone is shallow"))
    }
}
