import Foundation
import Testing

/// `charter check`, the CI gate, on real repositories.
@Suite struct CheckCommandTests {
    /// The planned repository and a commit slipping Beta 19 days (policy: 7) with these message paragraphs after the title.
    static func slipped(_ paragraphs: String...) throws -> (repo: HookRepo, base: String, slip: String) {
        let repo = try HookRepo.planned()
        let base = try repo.rev("HEAD")
        try repo.write("programs/pay/milestones.yaml", CRSamples.milestones(beta: "2026-05-20"))
        try repo.run(["add", "-A"])
        try repo.run(["commit", "-q", "--no-verify", "-m", "Slip Beta"] + paragraphs.flatMap { ["-m", $0] })
        return (repo, base, try repo.rev("HEAD"))
    }

    @Test("a slip beyond policy without approval fails, naming the CR, what is missing, and where the milestone's date is")
    func unapprovedSlipFails() throws {
        let (repo, base, slip) = try Self.slipped()
        try repo.commit(["README.md": "readme\n"], "Readme after the slip")
        let result = try repo.charter("check", "\(base)..HEAD")
        #expect(result.status == 1, "\(result.output)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("[approval-missing]") })
        #expect(line.hasPrefix("\(CRSamples.betaDate): error: CR-\(slip.prefix(12))"), "\(line)")
        #expect(line.contains("M2 slips 19 days (2026-05-01 → 2026-05-20); policy: more than 7"))
        #expect(line.contains("needs an 'Approved-by: Name <email>' trailer"))
        #expect(result.stdout.contains("1 error"))

        // Outside the range, the slip is not judged.
        #expect(try repo.charter("check", "HEAD~1..HEAD").status == 0)
    }

    @Test func approvedByTrailerPasses() throws {
        let (repo, base, _) = try Self.slipped("Approved-by: Carol Diaz <carol@example.com>")
        let result = try repo.charter("check", "\(base)..HEAD")
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.stdout.contains("approval-missing"))
    }

    @Test("a late approval with charter approve (a note, no history rewrite) makes the range pass")
    func lateApprovalPasses() throws {
        let (repo, base, slip) = try Self.slipped()
        try repo.commit(["README.md": "readme\n"], "Readme after the slip")
        let commitsBefore = try repo.gitOK("rev-list", "--exclude=refs/notes/*", "--all")
        #expect(try repo.charter("check", "\(base)..HEAD").status == 1)

        let approve = try repo.charter("approve", String(slip.prefix(8)), "--as", "carol")
        #expect(approve.status == 0, "\(approve.output)")
        #expect(approve.stdout.contains("CR-\(slip.prefix(12))"))
        #expect(try repo.gitOK("notes", "--ref", "charter", "show", slip) == "Approved-by: Carol Diaz <carol@example.com>\n")

        let result = try repo.charter("check", "\(base)..HEAD")
        #expect(result.status == 0, "\(result.output)")
        #expect(try repo.gitOK("rev-list", "--exclude=refs/notes/*", "--all") == commitsBefore, "no commit was rewritten")
        let record = try #require(try repo.changes().first { $0.commit == slip })
        #expect(record.approved)
        #expect(record.approvals.first?.source == "note")
    }

    @Test("the head of the range must validate")
    func headMustValidate() throws {
        let repo = try HookRepo.planned()
        let base = try repo.rev("HEAD")
        try repo.commit(["programs/pay/milestones.yaml": Samples.brokenMilestones], "Point Beta at M9")
        let result = try repo.charter("check", "\(base)..HEAD")
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(HookSamples.finding): error:"), "\(result.stdout)")
        #expect(result.stdout.contains("[unknown-reference]"))

        // The default range is HEAD: its history and its plans.
        #expect(try repo.charter("check").status == 1)
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones()], "Fix the reference")
        #expect(try repo.charter("check", "\(base)..HEAD").status == 0)
    }

    @Test("--format sarif, json and github carry the same finding")
    func formats() throws {
        let (repo, base, slip) = try Self.slipped()
        let range = "\(base)..HEAD"

        let sarif = try repo.charter("check", range, "--format", "sarif")
        #expect(sarif.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first { $0["ruleId"] as? String == "approval-missing" })
        #expect(result["level"] as? String == "error")
        let location = try #require(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "programs/pay/milestones.yaml")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 3)
        #expect((location["region"] as? [String: Any])?["startColumn"] as? Int == 33)
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(rules.contains { $0["id"] as? String == "approval-missing" }, "the rule is described for code scanning")

        let json = try repo.charter("check", range, "--format", "json")
        #expect(json.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let diagnostic = try #require((report["diagnostics"] as? [[String: Any]])?.first { $0["rule"] as? String == "approval-missing" })
        #expect(diagnostic["path"] as? String == "programs/pay/milestones.yaml")
        #expect(diagnostic["line"] as? Int == 3 && diagnostic["column"] as? Int == 33)
        #expect((diagnostic["message"] as? String)?.contains("CR-\(slip.prefix(12))") == true)
        #expect((report["summary"] as? [String: Any])?["errors"] as? Int == 1)

        let github = try repo.charter("check", range, "--format", "github")
        #expect(github.status == 1)
        #expect(github.stdout.contains("::error file=programs/pay/milestones.yaml,line=3,col=33,title=approval-missing::CR-\(slip.prefix(12))"),
                "\(github.stdout)")
    }

    @Test("an impact claim the change contradicts fails; the same change without the claim passes")
    func contradictedClaim() throws {
        let repo = try HookRepo.planned()
        let base = try repo.rev("HEAD")
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-03")], "Nudge Beta", "Schedule-Impact: none")
        let result = try repo.charter("check", "\(base)..HEAD")
        #expect(result.status == 1, "\(result.output)")
        #expect(result.stdout.contains("[impact-claim-contradicted]"))
        #expect(result.stdout.contains("'Schedule-Impact: none', but pay/M2 slipped"), "\(result.stdout)")

        try repo.run(["commit", "-q", "--amend", "--no-verify", "-m", "Nudge Beta", "-m", "Budget-Impact: none"])
        #expect(try repo.charter("check", "\(base)..HEAD").status == 0, "a true claim passes")
    }

    @Test("--merge: two branches that each validate but both add M7 conflict; nothing in the repository changes")
    func mergeConflictFails() throws {
        let repo = try HookRepo.planned()
        try repo.run(["checkout", "-q", "-b", "left"])
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(extra: "  - { id: M7, name: Left, date: 2026-09-01 }\n")], "Left adds M7")
        try repo.run(["checkout", "-q", "-b", "right", "main"])
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(extra: "  - { id: M7, name: Right, date: 2026-09-15 }\n")], "Right adds M7")
        try repo.run(["checkout", "-q", "main"])
        try repo.write("scratch.txt", "untracked\n")
        #expect(try repo.charter("validate", "--rev", "left").status == 0)
        #expect(try repo.charter("validate", "--rev", "right").status == 0)

        let before = try repo.state(exactIndex: true)
        let result = try repo.charter("check", "--merge", "left", "right")
        #expect(result.status == 1, "\(result.output)")
        #expect(result.stdout.contains("programs/pay/milestones.yaml"), "\(result.stdout)")
        #expect(result.stdout.contains("conflicts"))
        #expect(try repo.state(exactIndex: true) == before, "worktree, index and refs untouched")
        #expect(!repo.exists(".git/MERGE_HEAD"))

        // Either branch alone merges into main cleanly.
        #expect(try repo.charter("check", "--merge", "main", "left").status == 0)
    }

    @Test("--merge: one branch removes a milestone the other starts depending on; the merge has a dangling reference")
    func mergeDanglingReferenceFails() throws {
        let milestones = """
        milestones:
          - { id: M1, name: Design, date: 2026-02-01, status: done, done_on: 2026-02-01 }
          - { id: M2, name: Beta, date: 2026-05-01 }
          - { id: M3, name: Pilot, date: 2026-06-01 }
          - { id: M4, name: GA, date: 2026-07-01 }

        """
        let repo = try HookRepo.planned(policy: "version: 1\n")
        try repo.commit(["programs/pay/milestones.yaml": milestones], "Four milestones")
        try repo.run(["checkout", "-q", "-b", "uses-m2"])
        try repo.commit(["programs/pay/milestones.yaml": milestones + "  - { id: M5, name: Launch, date: 2026-08-01, depends_on: [M2] }\n"],
                        "M5 depends on M2")
        try repo.run(["checkout", "-q", "-b", "drops-m2", "main"])
        try repo.commit(["programs/pay/milestones.yaml": milestones.replacingOccurrences(of: "  - { id: M2, name: Beta, date: 2026-05-01 }\n", with: "")],
                        "Drop M2")
        try repo.run(["checkout", "-q", "main"])
        #expect(try repo.charter("check", "main..uses-m2").status == 0)
        #expect(try repo.charter("check", "main..drops-m2").status == 0)

        let before = try repo.state(exactIndex: true)
        let result = try repo.charter("check", "--merge", "uses-m2", "drops-m2")
        #expect(result.status == 1, "\(result.output)")
        #expect(result.stdout.contains("[unknown-reference]"), "\(result.stdout)")
        #expect(result.stdout.contains("programs/pay/milestones.yaml:5:"), "the dangling reference in the merged file: \(result.stdout)")
        #expect(!result.stdout.contains("conflicts"))
        #expect(try repo.state(exactIndex: true) == before)
        #expect(try repo.charter("check", "--merge", "drops-m2", "uses-m2", "--format", "json").status == 1)
    }

    @Test("a date change made during a freeze needs a Freeze-exception trailer")
    func freezeWindow() throws {
        let policy = CRSamples.policy + """
          freezes:
            - { name: Q2 release freeze, from: 2026-06-01, to: 2026-06-14 }

        """
        let repo = try HookRepo.planned(policy: policy)
        let base = try repo.rev("HEAD")
        let inside = ["GIT_AUTHOR_DATE": "2026-06-05T10:00:00Z"]
        // Two days: within the slip policy, so only the freeze asks for an exception.
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-03")], "Nudge Beta", environment: inside)
        let frozen = try repo.charter("check", "\(base)..HEAD")
        #expect(frozen.status == 1, "\(frozen.output)")
        #expect(frozen.stdout.contains("during Q2 release freeze (2026-06-01 to 2026-06-14)"), "\(frozen.stdout)")
        #expect(frozen.stdout.contains("Freeze-exception"))

        try repo.run(["commit", "-q", "--amend", "--no-verify", "-m", "Nudge Beta", "-m", "Freeze-exception: Carol Diaz <carol@example.com>"],
                     environment: inside)
        #expect(try repo.gitOK("log", "-1", "--format=%ad", "--date=short") == "2026-06-05\n")
        let excepted = try repo.charter("check", "\(base)..HEAD")
        #expect(excepted.status == 0, "\(excepted.output)")

        // The same change made after the freeze needs nothing.
        try repo.run(["commit", "-q", "--amend", "--no-verify", "--date=2026-06-15T10:00:00Z", "-m", "Nudge Beta"])
        #expect(try repo.charter("check", "\(base)..HEAD").status == 0)
    }

    @Test("a merge of a branch whose slip was approved on the branch passes; a branch with an unapproved slip fails at its merge")
    func mergeCarriesBranchApprovals() throws {
        let repo = try HookRepo.planned()
        let base = try repo.rev("HEAD")
        try repo.run(["checkout", "-q", "-b", "approved"])
        let approved = try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-20")], "Slip Beta",
                                       "Approved-by: Carol Diaz <carol@example.com>")
        try repo.run(["checkout", "-q", "main"])
        try repo.commit(["README.md": "readme\n"], "Readme")
        try repo.run(["merge", "-q", "--no-ff", "--no-verify", "approved", "-m", "Merge branch 'approved'"])
        let passed = try repo.charter("check", "\(base)..HEAD")
        #expect(passed.status == 0, "\(passed.output)")
        let merge = try #require(try repo.changes().first)
        #expect(merge.parents.count == 2 && merge.approved)
        #expect(merge.requirements.first?.satisfiedBy == ["Carol Diaz (CR-\(approved.prefix(12)) on the merged branch)"])

        let middle = try repo.rev("HEAD")
        try repo.run(["checkout", "-q", "-b", "unapproved"])
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-06-20")], "Slip Beta again")
        try repo.run(["checkout", "-q", "main"])
        try repo.run(["merge", "-q", "--no-ff", "--no-verify", "unapproved", "-m", "Merge branch 'unapproved'"])
        let failed = try repo.charter("check", "\(middle)..HEAD")
        #expect(failed.status == 1, "\(failed.output)")
        #expect(failed.stdout.contains("CR-\(try repo.rev("HEAD").prefix(12)) (") && failed.stdout.contains("Merge branch 'unapproved'"),
                "\(failed.stdout)")
    }

    @Test("usage errors exit 2")
    func usageErrors() throws {
        let repo = try HookRepo.planned()
        let unknown = try repo.charter("check", "nosuch..HEAD")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown revision 'nosuch'"), "\(unknown.stderr)")
        #expect(try repo.charter("check", "--merge", "main").status == 2)
        #expect(try repo.charter("check", "HEAD", "HEAD").status == 2)
    }
}

extension CheckCommandTests {
    @Test("check on a branch with no commits yet answers as validate --rev HEAD does")
    func unbornBranch() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        let validate = try Run.charter(["validate", "--rev", "HEAD"], in: fixture.path)
        for arguments in [["check"], ["check", "HEAD"]] {
            let result = try Run.charter(arguments, in: fixture.path)
            #expect(result.status == 2 && result.status == validate.status, "\(result.stderr)")
            #expect(result.stderr == validate.stderr)
            #expect(result.stderr.contains("the branch 'main' has no commits yet"))
        }
        #expect(try Run.charter(["check", "main~1..main"], in: fixture.path).status == 2)
    }
}
