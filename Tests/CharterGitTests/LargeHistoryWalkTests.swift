import CharterGit
import Foundation
import Testing

/// 10,000 real commits over a workspace of 200 programs, 300 of them touching plans: the walk
/// and its subtree-id path filter agree with `git log -- programs/`.
@Suite struct LargeHistoryWalkTests {
    static func generate(_ fixture: GitFixture, commits: Int, planEvery: Int) throws -> String {
        let repo = try fixture.makeRepository()
        var script = "commit refs/heads/main\nmark :1\ncommitter A <a@x> 1767225600 +0000\ndata 4\nroot\n"
        for program in 0..<200 {
            script += "M 644 inline programs/p\(program)/program.yaml\ndata <<END\nid: p\(program)\nname: Program \(program)\nEND\n"
            script += "M 644 inline programs/p\(program)/milestones.yaml\ndata <<END\nmilestones: []\nEND\n"
        }
        script += "\n"
        for index in 2...commits {
            let path = index % planEvery == 0
                ? "programs/p\(index % 200)/milestones.yaml"
                : "src/module\(index % 50).txt"
            script += "commit refs/heads/main\nmark :\(index)\ncommitter A <a@x> \(1_767_225_600 + index * 60) +0000\n"
            script += "data <<END\nchange \(index)\nEND\nfrom :\(index - 1)\nM 644 inline \(path)\ndata <<END\nrevision \(index)\nEND\n\n"
        }
        let file = fixture.path("history.txt")
        try Data(script.utf8).write(to: URL(fileURLWithPath: file))
        try fastImport(fixture, file, in: repo)
        return repo
    }

    /// Correctness on a large history; speed is measured by the benchmarks (docs/performance.md),
    /// not asserted here, so a busy machine cannot fail the suite.
    @Test func tenThousandCommitsMatchGitLog() throws {
        try GitFixture.with { fixture in
            let repo = try Self.generate(fixture, commits: 10_000, planEvery: 33)
            let all = try Repository.open(at: repo).walk()
            #expect(all.commits.count == 10_000)
            let plans = try Repository.open(at: repo).walk(options: WalkOptions(paths: ["programs"]))
            let ranged = try Repository.open(at: repo).walk(range: "HEAD~9000..HEAD", options: WalkOptions(paths: ["programs"]))
            #expect(ranged.visitedCount == 9000)
            let sorted = try Repository.open(at: repo).walk(options: WalkOptions(order: .date, paths: ["programs"]))
            #expect(sorted.commits == plans.commits)
            let gitLog = try fixture.git(["log", "--format=%H", "--", "programs/"], in: repo)
            #expect(plans.commits.map(\.id.hex) == lines(gitLog))
            #expect(plans.commits.count == 10_000 / 33 + 1)
            #expect(plans.visitedCount == 10_000)
        }
    }
}
