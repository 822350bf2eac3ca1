import Foundation
import Testing

/// The commit table (`charter/commits.idx`: parents and what each commit changed under the plan
/// roots) and the KPI readings index (`charter/kpis.idx`): caches only. `changes --ids` and
/// `kpis --history` print the same bytes cold (`CHARTER_NO_CACHE=1`, `--no-cache`), while the
/// files are written, and warm; damaged files, rewritten history, shallow clones deepened,
/// read-only and bare repositories never change an answer.
@Suite struct CommitTableTests {
    static let cold = HistoryIndexTests.cold

    static let commands: [[String]] = [
        ["changes", "--ids"], ["changes", "--ids", "--reverse"], ["changes", "--ids", "--max-count", "3"],
        ["changes", "--ids", "--program", "pay"], ["changes", "--ids", "--program", "web"],
        ["changes", "--ids", "--path", "programs/pay/kpis.yaml"], ["changes", "--ids", "--path", "src"],
        ["changes", "--ids", "--path", "programs/pay/"], ["changes", "--ids", "--path", "./programs/web/kpis.yaml"],
        ["changes", "--ids", "HEAD~3"], ["changes", "--ids", "--all-commits"],
        ["kpis", "--history"], ["kpis", "--history", "--format", "json", "pay"], ["kpis", "--history", "--rev", "HEAD~4"],
    ]

    static func files(_ repo: HookRepo, in gitDir: String = ".git") -> [String] {
        ["commits.idx", "kpis.idx"].map { repo.file("\(gitDir)/charter/\($0)") }
    }

    /// Plans whose KPIs are measured again and again, commits that change only `src/`, a
    /// program added later, and a merged branch that measures too.
    static func history() throws -> HookRepo {
        let repo = try HookRepo(fixture: nil)
        try repo.fixture.writeWorkspace(in: repo.name, ["programs/pay/kpis.yaml": KPIsCommandTests.kpis(current: "420", asOf: "2026-02-01")])
        try repo.commit([:], "Plans")
        for step in 1...5 {
            try repo.commit(["src/main.c": "int step = \(step);\n"], "Code \(step)")
            try repo.commit(["programs/pay/kpis.yaml": KPIsCommandTests.kpis(current: "\(420 - step * 10)", asOf: "2026-0\(step + 2)-01")],
                            "Measure K1, \(step)")
            if step == 3 {
                try repo.commit(["programs/web/kpis.yaml": KPIsCommandTests.kpis(current: "400", asOf: "2026-05-02")], "Web KPIs")
            }
        }
        try repo.gitOK("checkout", "-q", "-b", "feature")
        try repo.commit(["programs/web/kpis.yaml": KPIsCommandTests.kpis(current: "390", asOf: "2026-08-02")], "Measure web")
        try repo.commit(["src/main.c": "int step = 9;\n"], "Code on the branch")
        try repo.gitOK("checkout", "-q", "main")
        try repo.commit(["src/other.c": "int other;\n"], "Code on main")
        try repo.gitOK("merge", "-q", "--no-ff", "feature", "-m", "Merge feature")
        try repo.commit(["src/main.c": "int step = 10;\n"], "Code after the merge")
        return repo
    }

    static func expectSame(_ repo: HookRepo, in folder: String? = nil, _ comment: String) throws {
        for command in commands {
            let warm = try Run.charter(command, in: folder ?? repo.path, environment: repo.environment)
            let cold = try Run.charter(command, in: folder ?? repo.path, environment: repo.environment.merging(Self.cold) { $1 })
            #expect(cold.status == 0 || cold.stderr.contains("the clone is shallow"), "\(comment) \(command): \(cold.stderr)")
            #expect(HistoryIndexTests.outcome(warm) == HistoryIndexTests.outcome(cold), "\(comment) \(command)")
            #expect(warm.stderr == cold.stderr, "\(comment) \(command)")
        }
    }

    @Test func eachCommandGivesTheSameOutputColdBuildingAndWarm() throws {
        let repo = try Self.history()
        for command in Self.commands {
            for file in Self.files(repo) { try? FileManager.default.removeItem(atPath: file) }
            let cold = try repo.charter(command, environment: Self.cold)
            let noCache = try repo.charter(command + ["--no-cache"])
            #expect(Self.files(repo).allSatisfy { !FileManager.default.fileExists(atPath: $0) }, "\(command): --no-cache wrote")
            let building = try repo.charter(command)
            let warm = try repo.charter(command)
            #expect(cold.status == 0 && !cold.stdout.isEmpty, "\(command): \(cold.stderr)")
            for (name, run) in [("--no-cache", noCache), ("building", building), ("warm", warm)] {
                #expect(HistoryIndexTests.outcome(run) == HistoryIndexTests.outcome(cold), "\(command) \(name)")
                #expect(run.stderr == cold.stderr, "\(command) \(name)")
            }
        }
        #expect(Self.files(repo).allSatisfy { FileManager.default.fileExists(atPath: $0) })
        // What git says the first-parent line's plan commits are.
        let git = try repo.gitOK("log", "--first-parent", "--format=%H", "--", "programs", "charter.yaml", "people.yaml")
        #expect(try repo.charter("changes", "--ids").stdout == git)
        #expect(git.split(separator: "\n").count == 8)
    }

    @Test func aNewCommitExtendsTheTable() throws {
        let repo = try Self.history()
        #expect(try repo.charter("changes", "--ids").status == 0)
        let size = (try FileManager.default.attributesOfItem(atPath: Self.files(repo)[0])[.size] as? NSNumber)?.intValue ?? 0
        try repo.commit(["programs/pay/kpis.yaml": KPIsCommandTests.kpis(current: "300", asOf: "2026-09-01")], "Measure K1 at target")
        try repo.commit(["src/main.c": "int step = 11;\n"], "More code")
        try Self.expectSame(repo, "after two new commits")
        let grown = (try FileManager.default.attributesOfItem(atPath: Self.files(repo)[0])[.size] as? NSNumber)?.intValue ?? 0
        #expect(grown > size)
    }

    @Test(arguments: ["truncated", "garbage", "foreign", "flipped", "empty"])
    func aDamagedFileIsIgnoredAndRewritten(_ damage: String) throws {
        let repo = try Self.history()
        try Self.expectSame(repo, "built")
        for path in Self.files(repo) {
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            switch damage {
            case "truncated": bytes = Array(bytes.prefix(bytes.count / 2))
            case "garbage": bytes = Array("not an index at all\n".utf8) + Array(repeating: 0xFF, count: 300)
            case "foreign": bytes = Array("charter-cache 1\ncommit-table 999\n".utf8) + Array(repeating: 0, count: 40)
            case "flipped": bytes[bytes.count / 2] ^= 0x5A
            default: bytes = []
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        for command in Self.commands {
            let damaged = try repo.charter(command)
            let cold = try repo.charter(command, environment: Self.cold)
            #expect(HistoryIndexTests.outcome(damaged) == HistoryIndexTests.outcome(cold), "\(damage) \(command)")
            #expect(damaged.stderr.split(separator: "\n").count <= 1, "\(damage) \(command): \(damaged.stderr)")
        }
        // Rewritten: read again without a note.
        for command in Self.commands {
            #expect(try repo.charter(command).stderr.isEmpty, "\(damage) \(command)")
        }
    }

    @Test func amendedAndRebasedCommitsAreReadAsTheyAreNow() throws {
        let repo = try Self.history()
        try Self.expectSame(repo, "built")
        // A commit that changed only code, amended to change plans too.
        try repo.commit(["programs/pay/kpis.yaml": KPIsCommandTests.kpis(current: "333", asOf: "2026-10-01")], "Code after the merge, and a measurement")
        try repo.gitOK("reset", "-q", "--soft", "HEAD~2")
        try repo.gitOK("commit", "-q", "--no-verify", "-m", "Code and a measurement")
        try Self.expectSame(repo, "amended")
        // History rewritten from an older commit: new ids, new parents, other changes.
        let before = try repo.rev("HEAD")
        try repo.gitOK("reset", "-q", "--hard", "HEAD~6")
        try repo.commit(["programs/pay/kpis.yaml": KPIsCommandTests.kpis(current: "350", asOf: "2026-07-15")], "Measure K1 again")
        try repo.commit(["src/main.c": "int rewritten;\n"], "Code, rewritten")
        try Self.expectSame(repo, "rewritten")
        // Back to commits the table has seen, whose facts it keeps.
        try repo.gitOK("reset", "-q", "--hard", before)
        try Self.expectSame(repo, "reset")
    }

    @Test func aShallowCloneDeepenedIsReadWhole() throws {
        let repo = try Self.history()
        let clone = repo.fixture.url("shallow").path
        try repo.gitOK("clone", "-q", "--depth", "3", "file://" + repo.path, clone)
        try Self.expectSame(repo, in: clone, "shallow")
        try repo.gitOK("fetch", "-q", "--deepen", "4", in: clone)
        try Self.expectSame(repo, in: clone, "deepened")
        try repo.gitOK("fetch", "-q", "--unshallow", in: clone)
        try Self.expectSame(repo, in: clone, "unshallowed")
        for command in Self.commands where command.first == "changes" {
            let full = try repo.charter(command, environment: Self.cold)
            let deepened = try Run.charter(command, in: clone, environment: repo.environment)
            #expect(deepened.stdout == full.stdout, "\(command)")
        }
    }

    @Test func aRepositoryThatCannotBeWrittenIsReadWithoutTheFiles() throws {
        let repo = try Self.history()
        try Data("occupied".utf8).write(to: URL(fileURLWithPath: repo.file(".git/charter")))
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: repo.file(".git"))
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.file(".git")) }
        try Self.expectSame(repo, "read-only")
    }

    @Test func aBareRepositoryKeepsTheFilesInItself() throws {
        let repo = try Self.history()
        let bare = repo.fixture.url("bare.git").path
        try repo.gitOK("clone", "-q", "--bare", repo.path, bare)
        for command in Self.commands where command.first == "changes" {
            let warm = try Run.charter(command, in: bare, environment: repo.environment)
            let again = try Run.charter(command, in: bare, environment: repo.environment)
            let cold = try Run.charter(command, in: bare, environment: repo.environment.merging(Self.cold) { $1 })
            #expect(warm.status == 0 && warm.stdout == cold.stdout && again.stdout == cold.stdout, "\(command): \(warm.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: bare + "/charter/commits.idx"))
    }

    @Test func cacheStatusListsTheFilesAndClearDeletesThem() throws {
        let repo = try Self.history()
        #expect(try repo.charter("kpis", "--history").status == 0)
        let status = try repo.charter("cache", "status")
        let commits = try repo.gitOK("rev-list", "--first-parent", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status.stdout.contains("commits.idx (commit table): "), "\(status.stdout)")
        #expect(status.stdout.contains(", \(commits) commits\n"), "\(status.stdout)")
        #expect(status.stdout.contains("kpis.idx (KPI readings): "), "\(status.stdout)")
        #expect(try repo.charter("cache", "clear").status == 0)
        #expect(Self.files(repo).allSatisfy { !FileManager.default.fileExists(atPath: $0) })
    }
}
