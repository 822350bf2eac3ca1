import Foundation
import Testing

/// `charter diff` as a user runs it: the built binary on real repositories with real history.
@Suite struct DiffCommandTests {
    static let milestones = "programs/pay/milestones.yaml"
    static let slipped = Samples.workspace[milestones]!.replacingOccurrences(of: "date: 2026-05-01", with: "date: 2026-05-15")
    static let slipLine = "pay: M2 slipped 14d (2026-05-01 → 2026-05-15)"

    /// A repository with the sample workspace committed once.
    static func repository() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.commitAll("plans")
        return fixture
    }

    static func json(_ arguments: [String], in folder: String, expect status: Int32 = 0) throws -> [String: Any] {
        let result = try Run.charter(["diff", "--format", "json"] + arguments, in: folder)
        #expect(result.status == status, "\(result.stdout)\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    static func line(_ document: [String: Any]) -> String? {
        (document["summary"] as? [String: Any])?["line"] as? String
    }

    @Test("default: HEAD against the worktree; --exit-code says whether they differ")
    func headToWorktree() throws {
        let fixture = try Self.repository()
        let clean = try Run.charter(["diff", "--exit-code"], in: fixture.path)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.hasSuffix("no changes\n"))

        try fixture.write(Self.milestones, Self.slipped)
        let result = try Run.charter(["diff"], in: fixture.path)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("charter diff HEAD ("))
        #expect(result.stdout.contains("→ worktree\n"))
        #expect(result.stdout.contains("date: 2026-05-01 → 2026-05-15 (slipped 14d)"))
        #expect(result.stdout.hasSuffix("summary       \(Self.slipLine)\n"), "\(result.stdout)")
        #expect(!result.stdout.contains("\u{1B}["), "no colour in a pipe")
        #expect(result.stderr.isEmpty)
        #expect(try Run.charter(["diff", "--exit-code"], in: fixture.path).status == 1)
        #expect(try Run.charter(["diff", "--color", "always"], in: fixture.path).stdout.contains("\u{1B}["))
    }

    @Test("--staged compares HEAD with the index, not the worktree")
    func staged() throws {
        let fixture = try Self.repository()
        try fixture.write(Self.milestones, Self.slipped)
        try fixture.git("add", Self.milestones)
        try fixture.write(Self.milestones, Samples.workspace[Self.milestones]!.replacingOccurrences(of: "date: 2026-05-01", with: "date: 2026-06-01"))
        #expect(Self.line(try Self.json(["--staged"], in: fixture.path)) == Self.slipLine)
        #expect(Self.line(try Self.json(["--cached"], in: fixture.path)) == Self.slipLine)
        #expect(Self.line(try Self.json([], in: fixture.path)) == "pay: M2 slipped 31d (2026-05-01 → 2026-06-01)")
    }

    @Test("REV, A..B, A B and REV^! name the same two versions")
    func revisionForms() throws {
        let fixture = try Self.repository()
        try fixture.write(Self.milestones, Self.slipped)
        try fixture.commitAll("slip")
        for arguments in [["HEAD~1", "HEAD"], ["HEAD~1..HEAD"], ["HEAD^!"], ["HEAD~1.."], ["HEAD~1"]] {
            let document = try Self.json(arguments, in: fixture.path)
            #expect(Self.line(document) == Self.slipLine, "\(arguments)")
            let changes = document["changes"] as? [[String: Any]] ?? []
            #expect(changes.count == 1)
            #expect(changes.first?["slip_days"] as? Int == 14)
        }
        let reversed = try Self.json(["HEAD", "HEAD~1"], in: fixture.path)
        #expect(Self.line(reversed) == "pay: M2 pulled in 14d (2026-05-15 → 2026-05-01)")
        #expect(reversed["from"] as? String == "HEAD")
        #expect((reversed["from_commit"] as? String)?.count == 40)
    }

    @Test("A...B diffs from the merge base, as a pull request shows it; a merge commit diffs against its first parent")
    func branchesAndMerges() throws {
        let fixture = try Self.repository()
        try fixture.git("checkout", "-q", "-b", "topic")
        try fixture.write("programs/pay/risks.yaml", "risks:\n  - { id: R7, title: PCI gaps, owner: alice, probability: 4, impact: 5, status: open, mitigation: Audit }\n")
        try fixture.commitAll("risk")
        try fixture.git("checkout", "-q", "main")
        try fixture.writeWorkspace(["programs/pay/program.yaml": Samples.workspace["programs/pay/program.yaml"]!.replacingOccurrences(of: "total: 1000", with: "total: 1200")])
        try fixture.commitAll("budget")

        #expect(Self.line(try Self.json(["main...topic"], in: fixture.path)) == "pay: 1 risk added (R7)")
        #expect(Self.line(try Self.json(["main..topic"], in: fixture.path)) == "pay: 1 risk added (R7); budget -$200 (-16.7%)")
        let base = try Self.json(["main...topic"], in: fixture.path)
        #expect((base["from"] as? String)?.hasPrefix("merge base of main and topic") == true)

        try fixture.git("merge", "-q", "--no-ff", "-m", "Merge topic", "topic")
        #expect(Self.line(try Self.json(["HEAD^!"], in: fixture.path)) == "pay: 1 risk added (R7)")
        #expect(Self.line(try Self.json(["HEAD^2", "HEAD"], in: fixture.path)) == "pay: budget +$200 (+20.0%)")
    }

    @Test("reordering and reformatting is no change; a renamed program folder is one move")
    func reorderAndRename() throws {
        let fixture = try Self.repository()
        try fixture.write(Self.milestones, """
        # Same plan, other order and style.
        milestones:
          - id: M2
            name: "Beta"
            date: 2026-05-01
            depends_on: [M1]
          - { id: M1, name: 'Design', status: done, date: 2026-02-01, done_on: 2026-02-01 }

        """)
        try fixture.commitAll("reformat")
        let reordered = try Run.charter(["diff", "--exit-code", "HEAD^!"], in: fixture.path)
        #expect(reordered.status == 0, "\(reordered.stdout)")
        #expect(reordered.stdout.hasSuffix("no changes\n"))

        try fixture.git("mv", "programs/pay", "programs/payments")
        try fixture.write("programs/payments/program.yaml", Samples.workspace["programs/pay/program.yaml"]!.replacingOccurrences(of: "id: pay", with: "id: payments"))
        try fixture.commitAll("rename")
        let renamed = try Self.json(["HEAD^!"], in: fixture.path, expect: 0)
        #expect(Self.line(renamed) == "payments: program renamed from pay; program changed (id)")
        let changes = renamed["changes"] as? [[String: Any]] ?? []
        #expect(changes.count == 1)
        #expect(changes.first?["change"] as? String == "moved")
        #expect(changes.first?["from_program"] as? String == "pay")
    }

    @Test("a root commit diffs against nothing; there is nothing before it")
    func rootCommit() throws {
        let fixture = try Self.repository()
        let root = try Self.json(["HEAD^!"], in: fixture.path)
        #expect(Self.line(root) == "pay: program added | people: 2 people added (alice, carol) | settings: charter.yaml added")
        #expect(root["from_commit"] is NSNull)
        let before = try Run.charter(["diff", "HEAD~1", "HEAD"], in: fixture.path)
        #expect(before.status == 2)
        #expect(before.stderr.contains("unknown revision 'HEAD~1'"), "\(before.stderr)")
    }

    @Test("an unborn branch compares nothing with the worktree")
    func unbornRepository() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        let result = try Self.json([], in: fixture.path)
        #expect(Self.line(result) == "pay: program added | people: 2 people added (alice, carol) | settings: charter.yaml added")
        #expect(result["from"] as? String == "(no commits yet)")
        let head = try Run.charter(["diff", "HEAD"], in: fixture.path)
        #expect(head.status == 2)
        #expect(head.stderr.contains("no commits yet"), "\(head.stderr)")
        let empty = try Fixture()
        try empty.git("init", "-q")
        let nothing = try Run.charter(["diff", "--exit-code"], in: empty.path)
        #expect(nothing.status == 0, "\(nothing.stdout)\(nothing.stderr)")
    }

    @Test("a bad revision is exit 2 with git's words")
    func badRevision() throws {
        let fixture = try Self.repository()
        for arguments in [["nope"], ["nope..HEAD"], ["HEAD", "nope"], ["main...nope"]] {
            let result = try Run.charter(["diff"] + arguments, in: fixture.path)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("unknown revision 'nope'"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let tooMany = try Run.charter(["diff", "a", "b", "c"], in: fixture.path)
        #expect(tooMany.status == 2)
        let stagedRange = try Run.charter(["diff", "--staged", "HEAD~1..HEAD"], in: fixture.path)
        #expect(stagedRange.status == 2)
        #expect(stagedRange.stderr.contains("--staged"))
    }

    @Test("a bare repository takes every revision form, and refuses the worktree")
    func bareRepository() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q", "repo")
        try fixture.writeWorkspace(in: "repo")
        try fixture.commitAll("plans", in: "repo")
        try fixture.git("checkout", "-q", "-b", "topic", in: "repo")
        try fixture.write("repo/\(Self.milestones)", Self.slipped)
        try fixture.commitAll("slip", in: "repo")
        try fixture.git("clone", "-q", "--bare", "repo", "server.git")
        let bare = fixture.url("server.git").path
        for arguments in [["main", "topic"], ["main..topic"], ["main...topic"], ["topic^!"]] {
            #expect(Self.line(try Self.json(arguments, in: bare)) == Self.slipLine, "\(arguments)")
        }
        let worktree = try Run.charter(["diff"], in: bare)
        #expect(worktree.status == 2)
        #expect(worktree.stderr.contains("bare repository"), "\(worktree.stderr)")
        #expect(try Run.charter(["diff", "--staged"], in: bare).status == 2)
    }

    @Test("a workspace in a subfolder, from any folder below it")
    func workspaceInSubfolder() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace(in: "plans")
        try fixture.write("README.md", "not a plan\n")
        try fixture.commitAll("plans")
        try fixture.write("plans/\(Self.milestones)", Self.slipped)
        try fixture.write("README.md", "still not a plan\n")
        try fixture.commitAll("slip")
        #expect(Self.line(try Self.json(["HEAD^!"], in: fixture.url("plans/programs/pay").path)) == Self.slipLine)
        #expect(Self.line(try Self.json(["-C", "plans", "HEAD~1", "HEAD"], in: fixture.path)) == Self.slipLine)
    }

    @Test("one side unreadable: the rest still diffs, and the file is named")
    func unreadableSide() throws {
        let fixture = try Self.repository()
        try fixture.write(Self.milestones, "milestones:\n  - { id: M1, name: [broken\n")
        try fixture.write("programs/pay/program.yaml", Samples.workspace["programs/pay/program.yaml"]!.replacingOccurrences(of: "total: 1000", with: "total: 1100"))
        let result = try Run.charter(["diff", "--exit-code"], in: fixture.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("budget.total: 1,000 → 1,100"))
        #expect(!result.stdout.contains("milestone M1"), "nothing reported removed from the unreadable file")
        #expect(result.stdout.contains("? programs/pay/milestones.yaml:"), "\(result.stdout)")
        #expect(result.stderr.contains("programs/pay/milestones.yaml"), "\(result.stderr)")
        #expect(result.stderr.contains("could not be read in worktree"))
        let document = try Self.json([], in: fixture.path)
        let unreadable = document["unreadable"] as? [[String: Any]] ?? []
        #expect(unreadable.first?["side"] as? String == "to")
        #expect(unreadable.first?["path"] as? String == Self.milestones)
    }

    @Test("--staged during a merge conflict: the conflicted file is named, not reported emptied")
    func stagedWithConflicts() throws {
        let fixture = try Self.repository()
        try fixture.git("checkout", "-q", "-b", "topic")
        try fixture.write(Self.milestones, Self.slipped)
        try fixture.commitAll("slip on topic")
        try fixture.git("checkout", "-q", "main")
        try fixture.write(Self.milestones, Samples.workspace[Self.milestones]!.replacingOccurrences(of: "date: 2026-05-01", with: "date: 2026-04-20"))
        try fixture.commitAll("pull in on main")
        #expect(throws: FixtureError.self) { try fixture.git("merge", "-q", "topic") }
        let result = try Run.charter(["diff", "--staged", "--exit-code"], in: fixture.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("? programs/pay/milestones.yaml:1:1 could not be read in index"), "\(result.stdout)")
        #expect(result.stdout.contains("unresolved merge conflicts"))
        #expect(!result.stdout.contains("milestone M1"))
    }

    @Test func markdownFormat() throws {
        let fixture = try Self.repository()
        try fixture.write(Self.milestones, Self.slipped)
        let result = try Run.charter(["diff", "--format", "markdown"], in: fixture.path)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("### Plan changes: `HEAD ("))
        #expect(result.stdout.contains("```text\n\(Self.slipLine)\n```"))
        #expect(result.stdout.contains("| modified | milestone **M2** · Beta |"))
    }

    @Test func helpDescribesTheForms() throws {
        let result = try Run.charter(["diff", "--help"], in: FileManager.default.temporaryDirectory.path)
        #expect(result.status == 0)
        for text in ["A...B", "--staged", "--exit-code", "--git-external-diff", "markdown"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
    }
}

/// `charter diff --as-of`: consequences judged as `charter schedule --as-of` judges the newer side.
@Suite struct DiffAsOfCommandTests {
    static let milestones = "programs/pay/milestones.yaml"
    static func plan(design: String) -> String {
        """
        milestones:
          - { id: M1, name: Design, date: \(design) }
          - { id: M2, name: Beta, start: 2026-03-01, date: 2026-05-01, depends_on: [M1] }

        """
    }

    @Test func consequencesFollowTheAsOfDay() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace([Self.milestones: Self.plan(design: "2026-02-01")])
        try fixture.commitAll("plans")
        try fixture.write(Self.milestones, Self.plan(design: "2026-03-05"))
        try fixture.commitAll("Design slips past Beta's start")

        let early = try Run.charter(["diff", "HEAD~1", "HEAD", "--as-of", "2026-01-15"], in: fixture.path)
        #expect(early.status == 0, "\(early.stderr)")
        #expect(early.stdout.contains("! M2 starts 2026-03-01, before its dependency M1 ends (2026-03-05)"), "\(early.stdout)")
        let schedule = try Run.charter(["schedule", "--rev", "HEAD", "--as-of", "2026-01-15"], in: fixture.path)
        #expect(schedule.stdout.contains("! M2 is planned to start 2026-03-01, but M1 finishes 2026-03-05, 4 days later"), "\(schedule.stdout)")

        // Judged on 2026-04-01, Design is open past its date on both sides: it ends on the
        // as-of day either way, so the change pushes nothing new.
        let late = try Run.charter(["diff", "HEAD~1", "HEAD", "--as-of", "2026-04-01"], in: fixture.path)
        #expect(!late.stdout.contains("! M2"), "\(late.stdout)")

        // Default: the newer commit's date (2026-03-02 here), as charter schedule --rev defaults it.
        let implicit = try Run.charter(["diff", "HEAD~1", "HEAD"], in: fixture.path)
        let explicit = try Run.charter(["diff", "HEAD~1", "HEAD", "--as-of", "2026-03-02"], in: fixture.path)
        #expect(implicit.stdout == explicit.stdout)

        let bad = try Run.charter(["diff", "--as-of", "tomorrow"], in: fixture.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--as-of takes a date as YYYY-MM-DD, not 'tomorrow'"), "\(bad.stderr)")
    }
}
