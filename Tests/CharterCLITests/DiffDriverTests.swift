import Foundation
import Testing

/// Charter as git's external diff driver, through real `git diff` and `git log -p`.
@Suite struct DiffDriverTests {
    /// A repository set up with the shipped recipe (examples/git-diff-driver/setup.sh), as docs/diff.md tells users.
    static func repository() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        let setup = DiffHistoryTests.packageRoot.appendingPathComponent("examples/git-diff-driver/setup.sh").path
        let configured = try Run.process("/bin/sh", [setup, "."], in: fixture.path, environment: ["CHARTER": Run.charterBinary])
        guard configured.status == 0 else { throw FixtureError("setup.sh failed: \(configured.stderr)") }
        #expect(try fixture.read(".gitattributes") == "charter.yaml diff=charter\npeople.yaml diff=charter\nprograms/*/*.yaml diff=charter\n")
        try fixture.commitAll("plans")
        return fixture
    }

    @Test("git diff shows the semantic diff of a changed plan file")
    func gitDiff() throws {
        let fixture = try Self.repository()
        try fixture.write(DiffCommandTests.milestones, DiffCommandTests.slipped)
        let output = try fixture.git("diff")
        #expect(output.contains("charter diff a/programs/pay/milestones.yaml → b/programs/pay/milestones.yaml"), "\(output)")
        #expect(output.contains("  ~ milestone M2 · Beta\n      date: 2026-05-01 → 2026-05-15 (slipped 14d)"))
        #expect(output.contains("summary  \(DiffCommandTests.slipLine)"))
        #expect(!output.contains("@@"), "no line hunks")
        #expect(!output.contains("changes  "), "one file at a time: no summary table")
    }

    @Test("git log -p uses the driver with --ext-diff, and not without it")
    func gitLog() throws {
        let fixture = try Self.repository()
        try fixture.write(DiffCommandTests.milestones, DiffCommandTests.slipped)
        try fixture.commitAll("Slip beta")
        try fixture.write("programs/pay/risks.yaml", "risks:\n  - { id: R7, title: PCI gaps, owner: alice, probability: 4, impact: 5, status: open, mitigation: Audit }\n")
        try fixture.commitAll("Add a risk")
        let semantic = try fixture.git("log", "-p", "--ext-diff", "--format=commit %s")
        #expect(semantic.contains("commit Add a risk"))
        #expect(semantic.contains("  + risk R7 · PCI gaps (score 20, open)"), "\(semantic)")
        #expect(semantic.contains("summary  pay: 1 risk added (R7)"))
        #expect(semantic.contains("summary  \(DiffCommandTests.slipLine)"))
        let riskCommit = semantic.components(separatedBy: "commit Slip beta").first ?? ""
        #expect(!riskCommit.contains("program added"), "a new risks.yaml adds risks, not a program")
        let plain = try fixture.git("log", "-p", "-1", "--format=commit %s")
        #expect(plain.contains("@@"))
        #expect(!plain.contains("summary  "))
    }

    @Test("a renamed program folder (nine arguments) moves its entities; reordering is no change")
    func renamesAndReordering() throws {
        let fixture = try Self.repository()
        try fixture.git("mv", "programs/pay", "programs/payments")
        try fixture.write("programs/payments/program.yaml", Samples.workspace["programs/pay/program.yaml"]!.replacingOccurrences(of: "id: pay", with: "id: payments"))
        try fixture.git("add", "-A")
        let renamed = try fixture.git("diff", "--cached", "-M")
        #expect(renamed.contains("charter diff a/programs/pay/milestones.yaml → b/programs/payments/milestones.yaml"), "\(renamed)")
        #expect(renamed.contains("summary  payments: 2 milestones moved from pay (M1, M2)"))
        #expect(renamed.contains("summary  payments: program renamed from pay; program changed (id)"))
        try fixture.commitAll("rename")

        let lines = Samples.workspace["programs/pay/milestones.yaml"]!.split(separator: "\n")
        try fixture.write("programs/payments/milestones.yaml", "# reordered\n" + [lines[0], lines[2], lines[1]].joined(separator: "\n") + "\n")
        let reordered = try fixture.git("diff")
        #expect(reordered.contains("no changes"), "\(reordered)")
    }

    @Test("new and deleted files (/dev/null) and new programs")
    func addedAndDeleted() throws {
        let fixture = try Self.repository()
        try fixture.write("programs/mobile/program.yaml", "id: mobile\nname: Mobile\nowner: alice\nstatus: proposed\nstart: 2026-02-02\n")
        try fixture.git("rm", "-q", "programs/pay/milestones.yaml")
        try fixture.git("add", "-A")
        let output = try fixture.git("diff", "--cached")
        #expect(output.contains("summary  mobile: program added"), "\(output)")
        #expect(output.contains("summary  pay: 2 milestones removed (M1, M2)"))
    }

    @Test("the driver contract, called directly")
    func directCalls() throws {
        let fixture = try Fixture()
        try fixture.write("new.yaml", Samples.workspace["programs/pay/milestones.yaml"]!)
        let added = try Run.charter(["diff", "--git-external-diff", "programs/pay/milestones.yaml", "/dev/null", ".", ".",
                                     "new.yaml", String(repeating: "0", count: 40), "100644"], in: fixture.path)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("summary  pay: 2 milestones added (M1, M2)"))

        let unmerged = try Run.charter(["diff", "--git-external-diff", "programs/pay/milestones.yaml"], in: fixture.path)
        #expect(unmerged.stdout == "* Unmerged path programs/pay/milestones.yaml\n")

        let wrong = try Run.charter(["diff", "--git-external-diff", "a", "b"], in: fixture.path)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("1, 7 or 9 arguments"))

        try fixture.write("old.txt", "one\ntwo\n")
        try fixture.write("new.txt", "one\nthree\n")
        let text = try Run.charter(["diff", "--git-external-diff", "notes/readme.yaml", "old.txt", String(repeating: "1", count: 40), "100644",
                                    "new.txt", String(repeating: "2", count: 40), "100644"], in: fixture.path)
        #expect(text.status == 0)
        #expect(text.stdout.contains("-two\n+three\n"), "a plain line diff for files that are not plans")
    }
}
