import CharterGit
import Foundation
import Testing

@Suite struct RevisionTests {
    @Test func resolvesTheRevisionsGitAccepts() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("a.txt", "1\n", in: repo)
            let first = try fixture.commitAll("first", in: repo)
            try fixture.git(["tag", "-a", "v1", "-m", "release one"], in: repo)
            try fixture.write("a.txt", "2\n", in: repo)
            let second = try fixture.commitAll("Second change\n\nWhy it was made.\n\nReason: test", in: repo)

            let repository = try Repository.open(at: repo)
            #expect(try repository.commit("HEAD").id.hex == second)
            #expect(try repository.commit("main").id.hex == second)
            #expect(try repository.commit("HEAD~1").id.hex == first)
            #expect(try repository.commit("v1").id.hex == first)  // annotated tag, peeled
            #expect(try repository.commit(String(first.prefix(7))).id.hex == first)

            let info = try repository.commit("HEAD")
            #expect(info.parentIDs.map(\.hex) == [first])
            #expect(info.summary == "Second change")
            #expect(info.message == "Second change\n\nWhy it was made.\n\nReason: test\n")
            #expect(info.author.name == "Alice Ng")
            #expect(info.author.email == "alice@example.com")
            #expect(info.author.offsetMinutes == 120)
            #expect(info.committer.name == "Bob Ode")
            #expect(info.committer.time == info.author.time)
            #expect(info.treeID.hex == (try fixture.git(["rev-parse", "HEAD^{tree}"], in: repo)))
        }
    }

    @Test func badRevisionReadsLikeGit() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.commitAll("first", in: repo)
            let repository = try Repository.open(at: repo)

            let error = #expect(throws: GitError.self) { try repository.commit("nope") }
            #expect(error?.kind == .notFound)
            #expect(error?.function == "git_revparse_single")
            #expect(error?.description.hasPrefix("unknown revision 'nope'") == true)
            #expect(error?.description.contains("git_revparse_single") == true)
        }
    }

    @Test func aTreeIsNotACommit() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("a.txt", "1\n", in: repo)
            try fixture.commitAll("first", in: repo)
            let repository = try Repository.open(at: repo)

            let error = #expect(throws: GitError.self) { try repository.commit("HEAD:a.txt") }
            #expect(error?.kind == .notACommit)
            #expect(error?.description.hasPrefix("revision 'HEAD:a.txt' is not a commit") == true)
        }
    }

    @Test func mergeBaseOfTwoBranches() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("a.txt", "1\n", in: repo)
            try fixture.commitAll("root", in: repo)
            try fixture.write("a.txt", "2\n", in: repo)
            let fork = try fixture.commitAll("fork point", in: repo)
            try fixture.git(["checkout", "--quiet", "-b", "feature"], in: repo)
            try fixture.write("b.txt", "feature\n", in: repo)
            let feature = try fixture.commitAll("on feature", in: repo)
            try fixture.git(["checkout", "--quiet", "main"], in: repo)
            try fixture.write("c.txt", "main\n", in: repo)
            let main = try fixture.commitAll("on main", in: repo)

            let repository = try Repository.open(at: repo)
            let base = try repository.mergeBase(ObjectID(hex: main)!, ObjectID(hex: feature)!)
            #expect(base.hex == fork)
            #expect(base.hex == (try fixture.git(["merge-base", "main", "feature"], in: repo)))
        }
    }

    @Test func unrelatedHistoriesHaveNoMergeBase() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("a.txt", "1\n", in: repo)
            let main = try fixture.commitAll("root", in: repo)
            try fixture.git(["checkout", "--quiet", "--orphan", "other"], in: repo)
            try fixture.write("b.txt", "2\n", in: repo)
            let other = try fixture.commitAll("other root", in: repo)

            let repository = try Repository.open(at: repo)
            let error = #expect(throws: GitError.self) {
                try repository.mergeBase(ObjectID(hex: main)!, ObjectID(hex: other)!)
            }
            #expect(error?.kind == .notFound)
            #expect(error?.description.contains("no common ancestor") == true)
        }
    }

    @Test func objectIDAcceptsOnlyFullHex() {
        let id = ObjectID(hex: "1A2B3C4D5E6F708192A3B4C5D6E7F80912345678")
        #expect(id?.hex == "1a2b3c4d5e6f708192a3b4c5d6e7f80912345678")
        #expect(id?.short == "1a2b3c4d")
        #expect(id?.description == id?.hex)
        #expect(ObjectID(hex: "1a2b3c4d") == nil)
        #expect(ObjectID(hex: "zz2b3c4d5e6f708192a3b4c5d6e7f80912345678") == nil)
    }
}
