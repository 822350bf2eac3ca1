import CharterGit
import Foundation
import Testing

/// A history with branches, merges, a tag and commits on and off the plan folders.
///
///     c1 - c2 - c3 ---------- m1 - c4 ------ m2 - c5 (main)
///           \    \   (v1)    /              /
///            \    t1 - t2 --/------ t3 ----'          (topic)
///             f1 - f2 -----'  - f3                    (feature)
struct SampleHistory {
    let repo: String
    var ids: [String: String] = [:]

    init(_ fixture: GitFixture, at relative: String = "repo") throws {
        repo = try fixture.makeRepository(relative)
        func commit(_ name: String, _ files: [String: String]) throws {
            for (path, text) in files { try fixture.write(path, text, in: repo) }
            ids[name] = try fixture.commitAll("\(name)\n\nReason: step \(name)\n", in: repo)
        }
        try commit("c1", ["programs/a/program.yaml": "id: a\n", "README.md": "v1\n"])
        try commit("c2", ["README.md": "v2\n"])
        try fixture.git(["checkout", "--quiet", "-b", "feature"], in: repo)
        try commit("f1", ["programs/a/milestones.yaml": "milestones: []\n"])
        try commit("f2", ["docs/notes.md": "feature notes\n"])
        try fixture.git(["checkout", "--quiet", "main"], in: repo)
        try commit("c3", ["programs/b/program.yaml": "id: b\n"])
        try fixture.git(["tag", "v1"], in: repo)
        try fixture.git(["checkout", "--quiet", "-b", "topic"], in: repo)
        try commit("t1", ["people.yaml": "people: []\n"])
        try commit("t2", ["README.md": "topic readme\n"])
        try fixture.git(["checkout", "--quiet", "main"], in: repo)
        try fixture.git(["merge", "--quiet", "--no-ff", "-m", "Merge branch 'feature'", "feature"], in: repo)
        ids["m1"] = try fixture.git(["rev-parse", "HEAD"], in: repo)
        try commit("c4", ["docs/main.md": "main docs\n"])
        try fixture.git(["checkout", "--quiet", "topic"], in: repo)
        try commit("t3", ["programs/c/program.yaml": "id: c\n"])
        try fixture.git(["checkout", "--quiet", "main"], in: repo)
        try fixture.git(["merge", "--quiet", "--no-ff", "-m", "Merge pull request #4 from acme/topic", "topic"], in: repo)
        ids["m2"] = try fixture.git(["rev-parse", "HEAD"], in: repo)
        try commit("c5", [:])  // empty commit
        try fixture.git(["checkout", "--quiet", "feature"], in: repo)
        try commit("f3", ["programs/a/program.yaml": "id: a\nname: A\n"])
        try fixture.git(["checkout", "--quiet", "main"], in: repo)
    }
}

/// `git rev-list` arguments for the same walk.
func revListArguments(_ range: String, _ options: WalkOptions) -> [String] {
    var arguments = ["rev-list"]
    switch options.order {
    case .default: break
    case .date: arguments.append("--date-order")
    case .topological: arguments.append("--topo-order")
    }
    if options.reverse { arguments.append("--reverse") }
    if options.firstParentOnly { arguments.append("--first-parent") }
    if let since = options.since { arguments.append("--max-age=\(Int(since.timeIntervalSince1970))") }
    if let maxCount = options.maxCount { arguments.append("--max-count=\(maxCount)") }
    arguments.append(range)
    if !options.paths.isEmpty { arguments += ["--"] + options.paths }
    return arguments
}

func lines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init)
}

@Suite struct HistoryWalkTests {
    static let ranges = [
        "HEAD", "main", "feature", "main..feature", "feature..main", "main...feature",
        "HEAD~2..HEAD", "v1..main", "topic...feature", "v1", "feature..", "...topic",
    ]

    static func optionMatrix(since: Date) -> [WalkOptions] {
        var all: [WalkOptions] = []
        for order in [WalkOptions.Order.default, .date, .topological] {
            for reverse in [false, true] {
                for firstParent in [false, true] {
                    for limit in [nil, 3] as [Int?] {
                        for since in [nil, since] as [Date?] {
                            all.append(WalkOptions(order: order, reverse: reverse, firstParentOnly: firstParent, since: since, maxCount: limit))
                        }
                    }
                }
            }
        }
        return all
    }

    @Test func listsWhatGitRevListLists() throws {
        try GitFixture.with { fixture in
            let history = try SampleHistory(fixture)
            let repository = try Repository.open(at: history.repo)
            let middle = try repository.commit(history.ids["t1"]!).committer.time
            var compared = 0
            for range in Self.ranges {
                for options in Self.optionMatrix(since: Date(timeIntervalSince1970: TimeInterval(middle))) {
                    let expected = lines(try fixture.git(revListArguments(range, options), in: history.repo))
                    let result = try repository.walk(range: range, options: options)
                    #expect(result.commits.map(\.id.hex) == expected, "\(revListArguments(range, options).joined(separator: " "))")
                    #expect(!result.reachedShallowBoundary)
                    compared += 1
                }
            }
            #expect(compared == Self.ranges.count * 48)
        }
    }

    @Test func pathLimitOnTheMainlineMatchesGit() throws {
        try GitFixture.with { fixture in
            let history = try SampleHistory(fixture)
            let repository = try Repository.open(at: history.repo)
            for paths in [["programs"], ["programs/a"], ["people.yaml"], ["programs/b", "people.yaml"], ["docs"], ["nothing-here"]] {
                for range in ["HEAD", "v1..HEAD", "feature"] {
                    let options = WalkOptions(firstParentOnly: true, paths: paths)
                    let expected = lines(try fixture.git(revListArguments(range, options), in: history.repo))
                    let result = try repository.walk(range: range, options: options)
                    #expect(result.commits.map(\.id.hex) == expected, "\(paths) in \(range)")
                }
            }
        }
    }

    @Test func pathLimitComparesEveryCommitWithItsFirstParent() throws {
        try GitFixture.with { fixture in
            let history = try SampleHistory(fixture)
            let repository = try Repository.open(at: history.repo)
            let emptyTree = try fixture.git(["hash-object", "-t", "tree", "/dev/null"], in: history.repo)
            for paths in [["programs"], ["programs/a", "people.yaml"], ["README.md"]] {
                let all = lines(try fixture.git(["rev-list", "HEAD"], in: history.repo))
                let expected = try all.filter { id in
                    let parents = lines(try fixture.git(["rev-list", "--parents", "-n", "1", id], in: history.repo))[0]
                        .split(separator: " ").dropFirst()
                    let base = parents.first.map(String.init) ?? emptyTree
                    return !(try fixture.git(["diff", "--name-only", base, id, "--"] + paths, in: history.repo)).isEmpty
                }
                let result = try repository.walk(range: "HEAD", options: WalkOptions(paths: paths))
                #expect(result.commits.map(\.id.hex) == expected, "\(paths)")
                #expect(result.visitedCount == all.count)
            }
            // The merges stand for their branches: m1 brought feature's plan change in.
            let mainline = try repository.walk(range: "HEAD", options: WalkOptions(firstParentOnly: true, paths: ["programs"]))
            #expect(mainline.commits.map(\.id.hex) == [history.ids["m2"]!, history.ids["m1"]!, history.ids["c3"]!, history.ids["c1"]!])
            #expect(mainline.commits[0].isMerge)
            #expect(try repository.commitChanges(ObjectID(hex: history.ids["m1"]!)!, under: ["programs"]))
            #expect(try !repository.commitChanges(ObjectID(hex: history.ids["c4"]!)!, under: ["programs"]))
            #expect(try repository.commitChanges(ObjectID(hex: history.ids["c1"]!)!, under: ["programs"]))
        }
    }

    @Test func commitInfoIsComplete() throws {
        try GitFixture.with { fixture in
            let history = try SampleHistory(fixture)
            let repository = try Repository.open(at: history.repo)
            let result = try repository.walk(range: "v1..main", options: WalkOptions(firstParentOnly: true))
            let merge = try #require(result.commits.first { $0.id.hex == history.ids["m2"] })
            #expect(merge.parentIDs.map(\.hex) == [history.ids["c4"]!, history.ids["t3"]!])
            #expect(merge.summary == "Merge pull request #4 from acme/topic")
            let plain = try #require(result.commits.first { $0.id.hex == history.ids["c4"] })
            #expect(plain.message == "c4\n\nReason: step c4\n")
            #expect(plain.author.email == "alice@example.com")
            #expect(plain.treeID.hex == (try fixture.git(["rev-parse", "\(history.ids["c4"]!)^{tree}"], in: history.repo)))
        }
    }

    @Test func parsesRangesLikeGit() {
        #expect(RevisionRange("main..feature") == .between("main", "feature"))
        #expect(RevisionRange("main..") == .between("main", "HEAD"))
        #expect(RevisionRange("..main") == .between("HEAD", "main"))
        #expect(RevisionRange("a...b") == .symmetricDifference("a", "b"))
        #expect(RevisionRange("...b") == .symmetricDifference("HEAD", "b"))
        #expect(RevisionRange("HEAD~3") == .ancestors(of: "HEAD~3"))
        #expect(RevisionRange("") == .head)
        #expect(RevisionRange("a...b").description == "a...b")
    }

    @Test func generalFormIncludesAndExcludes() throws {
        try GitFixture.with { fixture in
            let history = try SampleHistory(fixture)
            let repository = try Repository.open(at: history.repo)
            let result = try repository.walk(range: .revisions(including: ["feature", "topic"], excluding: ["v1"]))
            let expected = lines(try fixture.git(["rev-list", "feature", "topic", "^v1"], in: history.repo))
            #expect(result.commits.map(\.id.hex) == expected)
        }
    }

    @Test func unbornBranchWalksNothing() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let repository = try Repository.open(at: repo)
            #expect(try repository.walk().commits.isEmpty)
            #expect(try repository.walk(range: "main").commits.isEmpty)
            #expect(try repository.walk(range: "HEAD~1..HEAD").commits.isEmpty)
            #expect(try repository.walk(range: "HEAD...main", options: WalkOptions(paths: ["programs"])).commits.isEmpty)
        }
    }

    @Test func excludingAnUnbornBranchExcludesNothing() throws {
        try GitFixture.with { fixture in
            let history = try SampleHistory(fixture)
            try fixture.git(["checkout", "--quiet", "--orphan", "fresh"], in: history.repo)
            let repository = try Repository.open(at: history.repo)
            #expect(try repository.walk().commits.isEmpty)
            let all = try repository.walk(range: "HEAD..main")
            #expect(all.commits.count == lines(try fixture.git(["rev-list", "main"], in: history.repo)).count)
        }
    }

    @Test func unknownRevisionThrows() throws {
        try GitFixture.with { fixture in
            let history = try SampleHistory(fixture)
            let repository = try Repository.open(at: history.repo)
            let error = #expect(throws: GitError.self) { try repository.walk(range: "main..nope") }
            #expect(error?.kind == .notFound)
            #expect(error?.description.hasPrefix("unknown revision 'nope'") == true)
        }
    }

    @Test func detachedHeadAndBareRepository() throws {
        try GitFixture.with { fixture in
            let history = try SampleHistory(fixture)
            try fixture.git(["checkout", "--quiet", "--detach", history.ids["t2"]!], in: history.repo)
            let detached = try Repository.open(at: history.repo)
            #expect(detached.isHeadDetached)
            #expect(try detached.walk().commits.map(\.id.hex) == lines(try fixture.git(["rev-list", "HEAD"], in: history.repo)))

            try fixture.git(["clone", "--quiet", "--bare", history.repo, fixture.path("bare.git")], in: fixture.root)
            let bare = try Repository.open(at: fixture.path("bare.git"))
            #expect(bare.isBare)
            let result = try bare.walk(range: "main", options: WalkOptions(firstParentOnly: true, paths: ["programs"]))
            #expect(result.commits.count == 4)
        }
    }

    @Test func linkedWorktreeWalksItsOwnHead() throws {
        try GitFixture.with { fixture in
            let history = try SampleHistory(fixture)
            try fixture.git(["worktree", "add", "--quiet", fixture.path("wt"), "topic"], in: history.repo)
            let repository = try Repository.discover(from: fixture.path("wt"), environment: [:])
            #expect(try repository.walk().commits.map(\.id.hex) == lines(try fixture.git(["rev-list", "topic"], in: history.repo)))
        }
    }
}
