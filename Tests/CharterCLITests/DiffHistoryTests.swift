import Foundation
import Testing

/// `charter diff` over whole histories: the bundled example (branches, a merge, a renamed
/// program) and generated ones. Reading only what changed must give exactly what comparing
/// two full loads gives.
@Suite struct DiffHistoryTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func exampleHistory() throws -> Fixture {
        let fixture = try Fixture()
        let script = packageRoot.appendingPathComponent("examples/build-history.sh").path
        let built = try Run.process("/bin/bash", [script, fixture.url("acme").path], in: fixture.path)
        guard built.status == 0 else { throw FixtureError("build-history.sh failed: \(built.stderr)") }
        return fixture
    }

    static func generatedHistory(programs: Int, commits: Int) throws -> Fixture {
        let fixture = try Fixture()
        let script = packageRoot.appendingPathComponent("Benchmarks/generate.py").path
        let built = try Run.process("/usr/bin/env", ["python3", script, "history", fixture.url("repo").path,
                                                     "--programs", String(programs), "--commits", String(commits)], in: fixture.path)
        guard built.status == 0 else { throw FixtureError("generate.py failed: \(built.stderr)") }
        return fixture
    }

    static func commits(in folder: String, _ fixture: Fixture) throws -> [String] {
        try fixture.git("rev-list", "--topo-order", "HEAD", in: folder).split(separator: "\n").map(String.init)
    }

    static func summaryLine(_ arguments: [String], in folder: String) throws -> String {
        let result = try Run.charter(["diff", "--format", "json"] + arguments, in: folder)
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (document?["summary"] as? [String: Any])?["line"] as? String ?? "(\(result.status): \(result.stderr))"
    }

    @Test("the example history reads as its README tells it")
    func exampleStory() throws {
        let fixture = try Self.exampleHistory()
        let acme = fixture.url("acme").path
        #expect(try Self.summaryLine(["7ab9dfa^!"], in: acme)
                == "payments-v2: M2 slipped 14d (2026-05-01 → 2026-05-15); M3 slipped 14d (2026-05-20 → 2026-06-03)")
        #expect(try Self.summaryLine(["abb82bf~1", "abb82bf"], in: acme)
                == "payments-v2: budget +$100,000 (+8.0%); 1 budget line added (B6); 1 budget line changed (B5)")
        #expect(try Self.summaryLine(["416d753^!"], in: acme) == "payments-v2: 1 risk added (R4)")
        // Removing wallets (M6) leaves mobile-app/M5 depending on nothing: the error commit 12 is known for.
        #expect(try Self.summaryLine(["56f682f^!"], in: acme).hasPrefix(
            "mobile-app: 1 milestone lost a dependency (M5) | payments-v2: 1 milestone removed (M6);"))
        // The merge of the mobile branch: against its first parent, one program added.
        #expect(try Self.summaryLine(["d7c64a8^!"], in: acme) == "mobile-app: program added")
        // On the branch, the draft program's folder was renamed: one move, not a removal and an addition.
        #expect(try Self.summaryLine(["b3313af^!"], in: acme).hasPrefix("mobile-app: program renamed from mobile;"))
        // What the pull request showed: everything the branch did, from the merge base.
        #expect(try Self.summaryLine(["06a37fc...b3313af"], in: acme) == "mobile-app: program added")
    }

    @Test("docs/diff.md shows real output of the built binary on the example history")
    func documentedOutputIsCurrent() throws {
        let fixture = try Self.exampleHistory()
        let acme = fixture.url("acme").path
        let doc = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/diff.md"), encoding: .utf8)
        let markdown = try Run.charter(["diff", "--format", "markdown", "d7c64a8..e480439"], in: acme).stdout
        #expect(doc.contains("````markdown\n" + markdown + "````\n"), "update the markdown example in docs/diff.md")
        let text = try Run.charter(["diff", "56f682f^!"], in: acme).stdout
        #expect(doc.contains("$ charter diff 56f682f^!          # in the example history (examples/README.md)\n" + text + "```"),
                "update the text example in docs/diff.md")
    }

    @Test("reading only what changed gives what reading everything gives, for every commit of the example")
    func exampleIncrementalEqualsFull() throws {
        let fixture = try Self.exampleHistory()
        let acme = fixture.url("acme").path
        let commits = try Self.commits(in: "acme", fixture)
        #expect(commits.count == 16)   // 14 before the pilot's retrospective and the second Beta slip (issue 17, docs/commands.md)
        for commit in commits + ["\(commits.last!)..HEAD", "HEAD~5...HEAD"] {
            let arguments = commit.contains(".") ? [commit] : [commit + "^!"]
            let fast = try Run.charter(["diff", "--format", "json"] + arguments, in: acme)
            let full = try Run.charter(["diff", "--format", "json", "--no-incremental"] + arguments, in: acme)
            #expect(fast.status == 0, "\(commit): \(fast.stderr)")
            #expect(fast.stdout == full.stdout, "\(commit)")
        }
    }

    @Test("…and for a generated history with cross-program dependencies, merges and bulk changes")
    func generatedIncrementalEqualsFull() throws {
        let fixture = try Self.generatedHistory(programs: 40, commits: 60)
        let repo = fixture.url("repo").path
        let commits = try Self.commits(in: "repo", fixture)
        var ranges = commits.dropLast().map { $0 + "^!" }
        ranges += ["\(commits[30])..\(commits[0])", "\(commits[commits.count - 2]) HEAD"]
        for range in ranges {
            let arguments = range.split(separator: " ").map(String.init)
            let fast = try Run.charter(["diff", "--format", "json"] + arguments, in: repo)
            let full = try Run.charter(["diff", "--format", "json", "--no-incremental"] + arguments, in: repo)
            #expect(fast.status == 0, "\(range): \(fast.stderr)")
            #expect(fast.stdout == full.stdout, "\(range)")
        }
    }

    @Test("two revisions of a large workspace: only what differs is read")
    func largeWorkspaceIsFast() throws {
        let fixture = try Self.generatedHistory(programs: 300, commits: 8)
        let repo = fixture.url("repo").path
        let start = Date()
        let result = try Run.charter(["diff", "HEAD~1", "HEAD"], in: repo)
        let seconds = Date().timeIntervalSince(start)
        #expect(result.status == 0, "\(result.stderr)")
        // Reading all 300 programs twice takes several seconds in a debug build; the changed ones, a fraction of one.
        #expect(seconds < 1.5, "took \(seconds) s")
    }
}
