import CharterCore
import CharterGit
import Foundation
import Testing

@Suite struct InMemoryMergerTests {
    static let milestones = "milestones:\n  - id: M1\n    name: Design\n    date: 2026-02-15\n  - id: M2\n    name: Beta\n    date: 2026-05-01\n"

    /// main, and three branches off it that each change a different line of one file.
    func branches(_ fixture: GitFixture) throws -> (repo: String, tips: [String: String]) {
        let repo = try fixture.makeRepository()
        try fixture.write("programs/pay/milestones.yaml", Self.milestones, in: repo)
        var tips = ["main": try fixture.commitAll("base", in: repo)]
        for (name, old, new) in [("a", "Design", "Design review"), ("b", "2026-05-01", "2026-05-15"), ("c", "Beta", "Public beta")] {
            try fixture.git(["checkout", "--quiet", "-b", name, "main"], in: repo)
            try fixture.write("programs/pay/milestones.yaml", Self.milestones.replacingOccurrences(of: old, with: new), in: repo)
            tips[name] = try fixture.commitAll(name, in: repo)
            try fixture.git(["checkout", "--quiet", "main"], in: repo)
        }
        return (repo, tips)
    }

    @Test("merging onto an earlier merge keeps both changes; no object, ref or file is written")
    func chainedMergeWritesNothing() throws {
        try GitFixture.with { fixture in
            let (repo, tips) = try branches(fixture)
            let before = try fixture.git(["count-objects", "-v"], in: repo) + fixture.git(["for-each-ref"], in: repo)
                + fixture.git(["status", "--porcelain"], in: repo)
            let loose = try FileManager.default.subpathsOfDirectory(atPath: repo + "/.git/objects").sorted()

            let merger = try InMemoryMerger(repository: try Repository.open(at: repo))
            let first = try merger.merge(ours: ObjectID(hex: tips["main"]!)!, theirs: ObjectID(hex: tips["a"]!)!)
            let firstCommit = try #require(first.commit)
            let second = try merger.merge(ours: firstCommit, theirs: ObjectID(hex: tips["b"]!)!)
            #expect(second.commit != nil)
            let text = String(decoding: try second.source.contents(of: "programs/pay/milestones.yaml"), as: UTF8.self)
            #expect(text == Self.milestones.replacingOccurrences(of: "Design", with: "Design review")
                .replacingOccurrences(of: "2026-05-01", with: "2026-05-15"))
            // The blob of the first merge is still readable after the second.
            #expect(try first.source.contents(of: "programs/pay/milestones.yaml").count > 0)

            #expect(try fixture.git(["count-objects", "-v"], in: repo) + fixture.git(["for-each-ref"], in: repo)
                + fixture.git(["status", "--porcelain"], in: repo) == before)
            #expect(try FileManager.default.subpathsOfDirectory(atPath: repo + "/.git/objects").sorted() == loose)
            // git has never heard of the in-memory commit.
            #expect(throws: (any Error).self) { try fixture.git(["cat-file", "-e", firstCommit.hex], in: repo) }
        }
    }

    @Test("a conflict on the chain has no commit to build on, and names the file as git does")
    func conflictOnTheChain() throws {
        try GitFixture.with { fixture in
            let (repo, tips) = try branches(fixture)
            let merger = try InMemoryMerger(repository: try Repository.open(at: repo))
            let first = try merger.merge(ours: ObjectID(hex: tips["main"]!)!, theirs: ObjectID(hex: tips["b"]!)!)
            // c changes the line next to b's: git cannot merge them.
            let second = try merger.merge(ours: try #require(first.commit), theirs: ObjectID(hex: tips["c"]!)!)
            #expect(second.commit == nil)
            #expect(second.source.conflicts == [MergeConflict(path: "programs/pay/milestones.yaml", inBase: true, inOurs: true, inTheirs: true)])
            #expect(second.source.objectID(of: "programs/pay/milestones.yaml") == nil)
        }
    }
}
