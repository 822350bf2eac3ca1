import Foundation
import Testing

/// `charter validate` as a user runs it: the built binary, real repositories.
@Suite struct ValidateCommandTests {
    let asOf = ["--as-of", "2026-03-01"]

    @Test func cleanWorkspacePasses() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace()
        let result = try Run.charter(["validate"] + asOf, in: fixture.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("no problems found"))
    }

    @Test func findingsHavePathLineColumnAndRule() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(["programs/pay/milestones.yaml": Samples.brokenMilestones])
        let result = try Run.charter(["validate"] + asOf, in: fixture.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("programs/pay/milestones.yaml:3:58: error:"), "\(result.stdout)")
        #expect(result.stdout.contains("[unknown-reference]"))
        #expect(result.stdout.contains("1 error"))
        #expect(result.stderr.isEmpty)
    }

    @Test func worksFromAnySubfolder() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(in: "plans", ["programs/pay/milestones.yaml": Samples.brokenMilestones])
        try fixture.git("init", "-q")
        let result = try Run.charter(["validate", "--format", "json"] + asOf, in: fixture.url("plans/programs/pay").path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"path\" : \"programs/pay/milestones.yaml\"") || result.stdout.contains("\"path\":\"programs/pay/milestones.yaml\""))
    }

    @Test("--staged reads exactly the index: a staged broken file fails even when the worktree is fixed")
    func stagedReadsIndex() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.commitAll("plans")
        try fixture.write("programs/pay/milestones.yaml", Samples.brokenMilestones)
        try fixture.git("add", "programs/pay/milestones.yaml")
        try fixture.write("programs/pay/milestones.yaml", Samples.workspace["programs/pay/milestones.yaml"]!)
        let staged = try Run.charter(["validate", "--staged"] + asOf, in: fixture.path)
        #expect(staged.status == 1, "\(staged.stdout)")
        let worktree = try Run.charter(["validate"] + asOf, in: fixture.path)
        #expect(worktree.status == 0)
    }

    @Test("--staged passes when the index is good even if the worktree copy is broken")
    func stagedIgnoresWorktree() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.git("add", "-A")
        try fixture.write("programs/pay/milestones.yaml", Samples.brokenMilestones)
        #expect(try Run.charter(["validate", "--staged"] + asOf, in: fixture.path).status == 0)
        #expect(try Run.charter(["validate"] + asOf, in: fixture.path).status == 1)
    }

    @Test func revisionReadsOldCommitsAndBareClones() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q", "repo")
        try fixture.writeWorkspace(in: "repo", ["programs/pay/milestones.yaml": Samples.brokenMilestones])
        try fixture.commitAll("broken", in: "repo")
        try fixture.writeWorkspace(in: "repo")
        try fixture.commitAll("fixed", in: "repo")
        #expect(try Run.charter(["validate", "--rev", "HEAD~1"], in: fixture.url("repo").path).status == 1)
        #expect(try Run.charter(["validate", "--rev", "HEAD"], in: fixture.url("repo").path).status == 0)
        try fixture.git("clone", "-q", "--bare", "repo", "server.git")
        let bare = try Run.charter(["validate", "--rev", "main~1"], in: fixture.url("server.git").path)
        #expect(bare.status == 1)
        #expect(bare.stdout.contains("programs/pay/milestones.yaml:3:58"))
        let bareStaged = try Run.charter(["validate", "--staged"], in: fixture.url("server.git").path)
        #expect(bareStaged.status == 2)
    }

    @Test func linkedWorktreeAndShallowClone() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q", "repo")
        try fixture.writeWorkspace(in: "repo")
        try fixture.commitAll("good", in: "repo")
        try fixture.writeWorkspace(in: "repo", ["programs/pay/milestones.yaml": Samples.brokenMilestones])
        try fixture.commitAll("broken", in: "repo")
        try fixture.git("worktree", "add", "-q", "--detach", "../linked", "HEAD~1", in: "repo")
        let linked = try Run.charter(["validate", "--staged"] + asOf, in: fixture.url("linked/programs").path)
        #expect(linked.status == 0, "\(linked.stdout)\(linked.stderr)")
        #expect(try Run.charter(["validate", "--rev", "main"], in: fixture.url("linked").path).status == 1)
        try fixture.git("clone", "-q", "--depth", "1", "file://\(fixture.url("repo").path)", "shallow")
        let shallow = try Run.charter(["validate", "--rev", "HEAD"], in: fixture.url("shallow").path)
        #expect(shallow.status == 1)
    }

    @Test func badRevisionIsAUsageError() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.commitAll("plans")
        let result = try Run.charter(["validate", "--rev", "no-such-branch"], in: fixture.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-branch"))
        #expect(result.stdout.isEmpty)
    }

    @Test func unbornBranch() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        let rev = try Run.charter(["validate", "--rev", "HEAD"], in: fixture.path)
        #expect(rev.status == 2)
        #expect(rev.stderr.contains("no commits"), "\(rev.stderr)")
        try fixture.git("add", "-A")
        #expect(try Run.charter(["validate", "--staged"] + asOf, in: fixture.path).status == 0)
    }

    @Test("--staged outside a repository is a usage error")
    func stagedOutsideRepository() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace()
        let result = try Run.charter(["validate", "--staged"], in: fixture.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not in a git repository"))
    }

    @Test func pathsFilterWhatIsReported() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(["programs/pay/milestones.yaml": Samples.brokenMilestones])
        #expect(try Run.charter(["validate", "people.yaml"] + asOf, in: fixture.path).status == 0)
        #expect(try Run.charter(["validate", "programs/pay"] + asOf, in: fixture.path).status == 1)
    }

    @Test("hostile files get findings, not crashes", arguments: [
        ("programs/pay/risks.yaml", "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f]\n", "yaml-syntax"),
        ("programs/pay/risks.yaml", String(repeating: "[", count: 5000), "yaml-syntax"),
        ("programs/pay/risks.yaml", "risks:\n\t- id: R1\n", "yaml-syntax"),
        ("programs/pay/risks.yaml", "risks: [\n", "yaml-syntax"),
        ("programs/pay/risks.yaml", "just text\n", "wrong-type"),
    ])
    func hostileInput(path: String, text: String, rule: String) throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace([path: text])
        let result = try Run.charter(["validate"] + asOf, in: fixture.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("[\(rule)]"), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\(path):"))
    }

    @Test func nonUTF8AndSymlinkAndFolder() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace()
        try Data([0x72, 0x69, 0x73, 0x6B, 0x73, 0x3A, 0x20, 0xFF, 0x0A]).write(to: fixture.url("programs/pay/risks.yaml"))
        try FileManager.default.createSymbolicLink(atPath: fixture.url("programs/pay/budget.yaml").path,
                                                   withDestinationPath: "/etc/hostname")
        try FileManager.default.createDirectory(at: fixture.url("programs/pay/decisions.yaml"), withIntermediateDirectories: true)
        let result = try Run.charter(["validate"] + asOf, in: fixture.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("programs/pay/risks.yaml:1:8: error:"), "\(result.stdout)")
        #expect(result.stdout.contains("[file-encoding]"))
        #expect(result.stdout.contains("programs/pay/budget.yaml:1:1: error: 'programs/pay/budget.yaml' is a symbolic link"))
        #expect(result.stdout.contains("programs/pay/decisions.yaml:1:1: error: 'programs/pay/decisions.yaml' is a folder"))
    }

    @Test func hugeFileIsRefusedQuickly() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace()
        let handle = try FileHandle(forWritingTo: { try Data().write(to: fixture.url("programs/pay/risks.yaml")); return fixture.url("programs/pay/risks.yaml") }())
        let line = Data(String(repeating: "# padding\n", count: 100_000).utf8)
        for _ in 0..<50 { handle.write(line) }
        try handle.close()
        let result = try Run.charter(["validate"] + asOf, in: fixture.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("plan files are limited to 8 MiB"))
    }
}

extension ValidateCommandTests {
    @Test("--staged --changed: errors anywhere, warnings only in the files the commit changes")
    func changedShowsWhatTheCommitIsResponsibleFor() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        // An overdue milestone (a warning) in a file the commit does not touch.
        try fixture.writeWorkspace()
        try fixture.commitAll("plans")
        try fixture.write("programs/pay/risks.yaml", "risks:\n  - { id: R1, title: T, owner: carol, probability: 5, impact: 4, status: open }\n")
        try fixture.git("add", "-A")
        let all = try Run.charter(["validate", "--staged", "--as-of", "2026-06-01"], in: fixture.path)
        #expect(all.stdout.contains("[milestone-overdue]"))
        let changed = try Run.charter(["validate", "--staged", "--changed", "--as-of", "2026-06-01"], in: fixture.path)
        #expect(!changed.stdout.contains("[milestone-overdue]"))
        #expect(changed.stdout.contains("programs/pay/risks.yaml:2:") && changed.stdout.contains("[risk-high-without-mitigation]"))
        // Removing M1, which M2 depends on, breaks an unchanged line: an error is always shown.
        try fixture.write("programs/pay/milestones.yaml", "milestones:\n  - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M1] }\n")
        try fixture.git("add", "-A")
        let broken = try Run.charter(["validate", "--staged", "--changed", "--as-of", "2026-01-01"], in: fixture.path)
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("[unknown-reference]"))
    }
}
