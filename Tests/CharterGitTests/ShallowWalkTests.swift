import CharterGit
import Foundation
import Testing

/// libgit2 1.5's walker fails on a shallow clone; these compare charter's walk there with
/// what `git rev-list` says in the same clone (git reads `.git/shallow`).
@Suite struct ShallowWalkTests {
    static func shallowClone(_ fixture: GitFixture, depth: Int) throws -> (history: SampleHistory, clone: String) {
        let history = try SampleHistory(fixture)
        let clone = fixture.path("shallow")
        try fixture.git(
            ["clone", "--quiet", "--no-single-branch", "--depth", "\(depth)", "file://\(history.repo)", clone],
            in: fixture.root)
        for branch in ["feature", "topic"] {
            try fixture.git(["branch", "--quiet", branch, "origin/\(branch)"], in: clone)
        }
        return (history, clone)
    }

    @Test func matchesGitRevListInTheClone() throws {
        try GitFixture.with { fixture in
            let (history, clone) = try Self.shallowClone(fixture, depth: 3)
            let repository = try Repository.open(at: clone)
            #expect(repository.isShallow)
            let middle = try repository.commit(history.ids["c4"]!).committer.time
            var reached = 0
            for range in HistoryWalkTests.ranges where range != "v1" && range != "v1..main" {
                for options in HistoryWalkTests.optionMatrix(since: Date(timeIntervalSince1970: TimeInterval(middle))) {
                    let expected = lines(try fixture.git(revListArguments(range, options), in: clone))
                    let result = try repository.walk(range: range, options: options)
                    let arguments = revListArguments(range, options).joined(separator: " ")
                    if options.order == .topological {
                        // Same commits; the order among unrelated lines is libgit2's, not git's.
                        #expect(Set(result.commits.map(\.id.hex)) == Set(expected), "\(arguments)")
                    } else {
                        #expect(result.commits.map(\.id.hex) == expected, "\(arguments)")
                    }
                    if result.reachedShallowBoundary { reached += 1 }
                }
            }
            #expect(reached > 0)
        }
    }

    @Test func stopsAtTheBoundaryAndSaysSo() throws {
        try GitFixture.with { fixture in
            let (history, clone) = try Self.shallowClone(fixture, depth: 2)
            let repository = try Repository.open(at: clone)
            let boundary = Set(lines(try String(contentsOfFile: clone + "/.git/shallow", encoding: .utf8)))

            let all = try repository.walk()
            #expect(all.reachedShallowBoundary)
            #expect(all.commits.map(\.id.hex) == lines(try fixture.git(["rev-list", "HEAD"], in: clone)))
            #expect(Set(all.shallowBoundaryCommits.map(\.hex)) == boundary.intersection(all.commits.map(\.id.hex)))
            for commit in all.commits where boundary.contains(commit.id.hex) {
                #expect(commit.parentIDs.isEmpty)  // as git shows it
            }

            // A range that ends before the boundary never reaches it.
            let recent = try repository.walk(range: "HEAD~1..HEAD")
            #expect(recent.commits.map(\.id.hex) == [history.ids["c5"]!])
            #expect(!recent.reachedShallowBoundary)

            // The path filter treats a boundary commit like a root commit.
            let plans = try repository.walk(options: WalkOptions(paths: ["programs"]))
            #expect(plans.commits.map(\.id.hex) == lines(try fixture.git(["rev-list", "HEAD", "--", "programs"], in: clone)))
        }
    }

    @Test func symmetricDifferenceWithoutTheMergeBaseInTheClone() throws {
        try GitFixture.with { fixture in
            let (_, clone) = try Self.shallowClone(fixture, depth: 1)
            let repository = try Repository.open(at: clone)
            let result = try repository.walk(range: "main...feature")
            #expect(Set(result.commits.map(\.id.hex)) == Set(lines(try fixture.git(["rev-list", "main...feature"], in: clone))))
            #expect(result.reachedShallowBoundary)
        }
    }
}
