import Foundation
import Testing

/// The baseline cache (`charter/baselines.idx`: the parsed plans of each baseline's tree) that
/// `variance` and `report` read instead of parsing the baseline again. A cache only: the same
/// bytes cold (`CHARTER_NO_CACHE=1`, `--no-cache`), while it is written and warm; a baseline moved
/// or a tag re-pointed gives the new answer; damaged files, a read-only and a bare repository
/// never change an answer.
@Suite struct BaselineCacheTests {
    static let cold = HistoryIndexTests.cold

    static let commands: [[String]] = [
        ["variance"], ["variance", "--format", "json"], ["variance", "--format", "markdown", "core"],
        ["variance", "--baseline", "q1", "--format", "json"], ["variance", "--baseline", "side"],
        ["variance", "--baseline", "side", "--format", "json", "--rev", "HEAD"], ["variance", "--rev", "HEAD~1"],
        ["report", "--as-of", "2026-03-02", "--format", "markdown"],
        ["report", "core", "--as-of", "2026-03-02", "--format", "markdown", "--baseline", "side"],
    ]

    static func file(_ folder: String) -> String { folder + "/.git/charter/baselines.idx" }

    /// `VarianceCommandTests.history()` (baseline `q1` on the first commit) with the baseline
    /// `side` on a branch that re-planned differently, and the worktree changed past HEAD.
    static func history() throws -> Fixture {
        let fixture = try VarianceCommandTests.history()
        try fixture.git("checkout", "-q", "-b", "side", "HEAD~1")
        try fixture.write("programs/core/milestones.yaml", """
        milestones:
          - { id: C1, name: Schema, date: 2026-02-20 }
          - { id: C2, name: Ledger live, date: 2026-07-01 }
          - { id: C3, name: Archive, date: 2026-07-01 }

        """)
        try fixture.commitAll("Side plan")
        try fixture.git("tag", "-a", "-m", "The side plan", "charter/baseline/side")
        try fixture.git("checkout", "-q", "-")
        try fixture.write("programs/core/budget.yaml", """
        lines:
          - { id: B1, category: people, amount: 61000 }
          - { id: B2, category: vendor, amount: 65000 }

        """)
        return fixture
    }

    static func expectSame(_ folder: String, _ comment: String, quiet: Bool = true) throws {
        for command in commands {
            let warm = try Run.charter(command, in: folder)
            let cold = try Run.charter(command, in: folder, environment: Self.cold)
            #expect(cold.status == 0 && !cold.stdout.isEmpty, "\(comment) \(command): \(cold.stderr)")
            #expect(HistoryIndexTests.outcome(warm) == HistoryIndexTests.outcome(cold), "\(comment) \(command)")
            if quiet { #expect(warm.stderr == cold.stderr, "\(comment) \(command): \(warm.stderr)") }
        }
    }

    @Test func eachCommandGivesTheSameOutputColdBuildingAndWarm() throws {
        let fixture = try Self.history()
        for command in Self.commands {
            try? FileManager.default.removeItem(atPath: Self.file(fixture.path))
            let cold = try Run.charter(command, in: fixture.path, environment: Self.cold)
            let noCache = try Run.charter(command + ["--no-cache"], in: fixture.path)
            #expect(!FileManager.default.fileExists(atPath: Self.file(fixture.path)), "\(command): cold wrote")
            let building = try Run.charter(command, in: fixture.path)
            #expect(FileManager.default.fileExists(atPath: Self.file(fixture.path)), "\(command): not written")
            let warm = try Run.charter(command, in: fixture.path)
            #expect(cold.status == 0 && !cold.stdout.isEmpty, "\(command): \(cold.stderr)")
            for (name, run) in [("--no-cache", noCache), ("building", building), ("warm", warm)] {
                #expect(HistoryIndexTests.outcome(run) == HistoryIndexTests.outcome(cold), "\(command) \(name)")
                #expect(run.stderr == cold.stderr, "\(command) \(name)")
            }
        }
        // Both baselines' trees are kept, and the status says so.
        #expect(try Run.charter(["variance", "--baseline", "q1"], in: fixture.path).status == 0)
        let status = try Run.charter(["cache", "status"], in: fixture.path)
        #expect(status.stdout.contains("baselines.idx (baseline plans): "), "\(status.stdout)")
        #expect(status.stdout.contains(" bytes, 2 trees"), "\(status.stdout)")
        #expect(try Run.charter(["cache", "clear"], in: fixture.path).status == 0)
        #expect(!FileManager.default.fileExists(atPath: Self.file(fixture.path)))
    }

    /// The cache is keyed by the tree a baseline names now, read from the tag on every run.
    @Test func aBaselineMadeAgainOrATagRepointedGivesTheNewAnswer() throws {
        let fixture = try Self.history()
        try Self.expectSame(fixture.path, "built")
        let before = try Run.charter(["variance", "--baseline", "q1", "--format", "json"], in: fixture.path)
        // Made again, on the branch's commit.
        #expect(try Run.charter(["baseline", "delete", "q1"], in: fixture.path).status == 0)
        #expect(try Run.charter(["baseline", "create", "q1", "--rev", "side"], in: fixture.path).status == 0)
        try Self.expectSame(fixture.path, "made again")
        let again = try Run.charter(["variance", "--baseline", "q1", "--format", "json"], in: fixture.path)
        #expect(again.stdout != before.stdout)
        #expect(again.stdout.contains("\"2026-02-20\""), "\(again.stdout)")
        // Re-pointed by hand to HEAD: no variance in the committed plans at all.
        try fixture.git("tag", "-f", "-a", "-m", "moved", "charter/baseline/q1", "HEAD")
        try Self.expectSame(fixture.path, "re-pointed")
        let moved = try Run.charter(["variance", "--baseline", "q1", "--rev", "HEAD", "--format", "json"], in: fixture.path)
        let document = try JSONSerialization.jsonObject(with: Data(moved.stdout.utf8)) as? [String: Any]
        let summary = try #require(document?["summary"] as? [String: Any], "\(moved.stdout)")
        #expect(summary["milestones_slipped"] as? Int == 0 && summary["milestones_added"] as? Int == 0, "\(summary)")
        #expect(moved.stdout != again.stdout)
    }

    @Test(arguments: ["truncated", "garbage", "foreign", "flipped", "empty"])
    func aDamagedFileIsIgnoredWithOneNoteAndRewritten(_ damage: String) throws {
        let fixture = try Self.history()
        try Self.expectSame(fixture.path, "built")
        let path = Self.file(fixture.path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case "truncated": bytes = Array(bytes.prefix(bytes.count / 2))
        case "garbage": bytes = Array("not a cache at all\n".utf8) + Array(repeating: 0xFF, count: 300)
        case "foreign": bytes = Array("charter-cache 1\nbaseline-plans 999\n".utf8) + Array(repeating: 0, count: 40)
        case "flipped": bytes[bytes.count / 2] ^= 0x5A
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let damaged = try Run.charter(["variance", "--format", "json"], in: fixture.path)
        let cold = try Run.charter(["variance", "--format", "json"], in: fixture.path, environment: Self.cold)
        #expect(HistoryIndexTests.outcome(damaged) == HistoryIndexTests.outcome(cold), "\(damage)")
        #expect(damaged.stderr.split(separator: "\n").count == 1, "\(damage): \(damaged.stderr)")
        #expect(damaged.stderr.contains("baselines.idx"), "\(damage): \(damaged.stderr)")
        // Rewritten: read again without a note.
        try Self.expectSame(fixture.path, "\(damage), rewritten")
    }

    @Test func aRepositoryThatCannotBeWrittenIsReadWithoutTheFile() throws {
        let fixture = try Self.history()
        let git = fixture.path + "/.git"
        try Data("occupied".utf8).write(to: URL(fileURLWithPath: git + "/charter"))
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: git)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: git) }
        try Self.expectSame(fixture.path, "read-only")
        #expect(!FileManager.default.fileExists(atPath: Self.file(fixture.path)))
    }

    @Test func aBareRepositoryKeepsTheFileInItself() throws {
        let fixture = try Self.history()
        let elsewhere = try Fixture()
        let bare = elsewhere.url("bare.git").path
        try fixture.git("clone", "-q", "--bare", fixture.path, bare)
        for command in Self.commands where command.first == "variance" {
            let building = try Run.charter(command, in: bare)
            let warm = try Run.charter(command, in: bare)
            let cold = try Run.charter(command, in: bare, environment: Self.cold)
            #expect(cold.status == 0 && !cold.stdout.isEmpty, "\(command): \(cold.stderr)")
            #expect(building.stdout == cold.stdout && warm.stdout == cold.stdout && warm.stderr == cold.stderr, "\(command): \(warm.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: bare + "/charter/baselines.idx"))
    }
}
