import CharterGit
import Foundation
import Testing

@Suite struct ChangedPathsTests {
    /// `git diff --name-status -M` for the same trees, in charter's terms. Similarity
    /// scores are left out: libgit2's metric is not git's (99 where git says 98).
    func gitNameStatus(_ fixture: GitFixture, _ repo: String, _ from: String, _ to: String, _ paths: [String]) throws -> [String] {
        lines(try fixture.git(["diff", "--name-status", "-M", from, to, "--"] + paths, in: repo)).map { line in
            let fields = line.split(separator: "\t").map(String.init)
            switch fields[0].prefix(1) {
            case "R": return "renamed \(fields[1]) -> \(fields[2])"
            case "A": return "added \(fields[1])"
            case "D": return "deleted \(fields[1])"
            case "M": return "modified \(fields[1])"
            case "T": return "type-changed \(fields[1])"
            default: return line
            }
        }.sorted()
    }

    func describe(_ changes: [ChangedPath]) -> [String] {
        changes.map { change in
            switch change.status {
            case .renamed: return "renamed \(change.oldPath!) -> \(change.newPath!)"
            case .added: return "added \(change.newPath!)"
            case .deleted: return "deleted \(change.oldPath!)"
            default: return "\(change.status.rawValue) \(change.path)"
            }
        }.sorted()
    }

    @Test func programFolderRenameIsSeenAsRenames() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let milestones = (1...40).map { "  - id: M\($0)\n    name: Milestone \($0)\n    date: 2026-05-\(String(format: "%02d", $0 % 28 + 1))\n" }.joined()
            try fixture.write("programs/pay/program.yaml", "id: pay\nname: Payments\n", in: repo)
            try fixture.write("programs/pay/milestones.yaml", "milestones:\n" + milestones, in: repo)
            try fixture.write("programs/id/program.yaml", "id: id\nname: Identity\n", in: repo)
            try fixture.write("README.md", "hello\n", in: repo)
            let before = try fixture.commitAll("first", in: repo)

            try fixture.git(["mv", "programs/pay", "programs/payments"], in: repo)
            try fixture.write("programs/payments/program.yaml", "id: payments\nname: Payments\n", in: repo)
            try fixture.write("programs/payments/milestones.yaml", "milestones:\n" + milestones + "  - id: M41\n    name: Extra\n", in: repo)
            try fixture.write("programs/id/risks.yaml", "risks: []\n", in: repo)
            try fixture.git(["rm", "--quiet", "programs/id/program.yaml"], in: repo)
            try fixture.write("README.md", "changed\n", in: repo)
            let after = try fixture.commitAll("rename", in: repo)

            let repository = try Repository.open(at: repo)
            let changes = try repository.changedPaths(from: ObjectID(hex: before), to: ObjectID(hex: after), under: ["programs"])
            let gitLimited = try gitNameStatus(fixture, repo, before, after, ["programs"])
            #expect(describe(changes) == gitLimited)
            let rename = try #require(changes.first { $0.newPath == "programs/payments/milestones.yaml" })
            #expect(rename.status == .renamed)
            #expect(rename.oldPath == "programs/pay/milestones.yaml")
            #expect((rename.similarity ?? 0) >= 90)
            #expect(rename.oldBlobID?.hex == (try fixture.git(["rev-parse", "\(before):programs/pay/milestones.yaml"], in: repo)))
            #expect(rename.newBlobID?.hex == (try fixture.git(["rev-parse", "\(after):programs/payments/milestones.yaml"], in: repo)))
            #expect(!changes.contains { $0.path == "README.md" })

            // Without a limit, README is there too; without rename detection, the rename splits.
            let everything = try repository.changedPaths(from: ObjectID(hex: before), to: ObjectID(hex: after))
            let gitAll = try gitNameStatus(fixture, repo, before, after, [])
            #expect(describe(everything) == gitAll)
            let plain = try repository.changedPaths(from: ObjectID(hex: before), to: ObjectID(hex: after), under: ["programs/pay", "programs/payments"], detectRenames: false)
            #expect(plain.allSatisfy { $0.status == .added || $0.status == .deleted })
            #expect(plain.count == 4)
        }
    }

    @Test func rootCommitTreesAndFiles() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("people.yaml", "people: []\n", in: repo)
            try fixture.write("programs/a/program.yaml", "id: a\n", in: repo)
            try fixture.write("other/x.txt", "x\n", in: repo)
            let root = try fixture.commitAll("root", in: repo)
            let repository = try Repository.open(at: repo)
            let commit = try repository.commit(root)

            // nil is the empty tree: everything under the paths is added.
            let added = try repository.changedPaths(from: nil, to: commit.id, under: ["programs", "people.yaml"])
            #expect(added.map(\.path) == ["people.yaml", "programs/a/program.yaml"])
            #expect(added.allSatisfy { $0.status == .added && $0.oldPath == nil && $0.oldBlobID == nil })

            // Trees work as well as commits, and identical trees differ in nothing.
            #expect(try repository.changedPaths(from: commit.treeID, to: commit.id).isEmpty)
            let removed = try repository.changedPaths(from: commit.treeID, to: nil, under: ["people.yaml"])
            #expect(removed == [ChangedPath(status: .deleted, oldPath: "people.yaml", newPath: nil, oldBlobID: removed.first?.oldBlobID)])
        }
    }

    @Test func literalPathsNotGlobs() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("programs/a*/program.yaml", "id: one\n", in: repo)
            try fixture.write("programs/ab/program.yaml", "id: two\n", in: repo)
            let first = try fixture.commitAll("first", in: repo)
            try fixture.write("programs/a*/program.yaml", "id: one!\n", in: repo)
            try fixture.write("programs/ab/program.yaml", "id: two!\n", in: repo)
            let second = try fixture.commitAll("second", in: repo)
            let repository = try Repository.open(at: repo)
            let changes = try repository.changedPaths(from: ObjectID(hex: first), to: ObjectID(hex: second), under: ["programs/a*"])
            #expect(changes.map(\.path) == ["programs/a*/program.yaml"])
        }
    }

    @Test func unknownObjectThrows() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("a.txt", "a\n", in: repo)
            try fixture.commitAll("first", in: repo)
            let repository = try Repository.open(at: repo)
            let missing = ObjectID(hex: String(repeating: "ab", count: 20))!
            let error = #expect(throws: GitError.self) { try repository.changedPaths(from: missing, to: nil) }
            #expect(error?.function == "git_object_lookup")
        }
    }
}
