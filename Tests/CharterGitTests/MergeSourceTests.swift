import CharterCore
import CharterGit
import Foundation
import Testing

@Suite struct MergeSourceTests {
    /// main and topic fork from a base with one program; returns the repo and both tips.
    func forked(
        _ fixture: GitFixture, prefix: String = "",
        base: [String: String], main: [String: String?], topic: [String: String?]
    ) throws -> (repo: String, main: String, topic: String) {
        let repo = try fixture.makeRepository()
        func apply(_ files: [String: String?]) throws {
            for (path, text) in files {
                if let text {
                    try fixture.write(prefix + path, text, in: repo)
                } else {
                    try fixture.git(["rm", "--quiet", prefix + path], in: repo)
                }
            }
        }
        try apply(base)
        try fixture.commitAll("base", in: repo)
        try fixture.git(["checkout", "--quiet", "-b", "topic"], in: repo)
        try apply(topic)
        let topicTip = try fixture.commitAll("topic", in: repo)
        try fixture.git(["checkout", "--quiet", "main"], in: repo)
        try apply(main)
        let mainTip = try fixture.commitAll("main", in: repo)
        return (repo, mainTip, topicTip)
    }

    static let program = "id: pay\nname: Payments\nowner: alice\nstatus: active\nstart: 2026-01-12\n"
    static let milestones = "milestones:\n  - id: M1\n    name: Design\n    date: 2026-02-15\n  - id: M2\n    name: Beta\n    date: 2026-05-01\n"

    @Test func cleanMergeHasBothSidesAndTouchesNothing() throws {
        try GitFixture.with { fixture in
            let (repo, main, topic) = try forked(
                fixture,
                base: ["programs/pay/program.yaml": Self.program, "programs/pay/milestones.yaml": Self.milestones],
                main: ["programs/pay/milestones.yaml": Self.milestones.replacingOccurrences(of: "Design", with: "Design review")],
                topic: ["programs/pay/milestones.yaml": Self.milestones.replacingOccurrences(of: "2026-05-01", with: "2026-05-15"),
                        "programs/id/program.yaml": "id: id\n"])
            let status = try fixture.git(["status", "--porcelain"], in: repo)
            let index = try Data(contentsOf: URL(fileURLWithPath: repo + "/.git/index"))

            let repository = try Repository.open(at: repo)
            let merged = try repository.mergeCommits(ours: ObjectID(hex: main)!, theirs: ObjectID(hex: topic)!)
            #expect(!merged.hasConflicts)
            #expect(merged.conflictedPaths.isEmpty)
            #expect(merged.sourceDescription == "merge of \(topic.prefix(8)) into \(main.prefix(8))")
            #expect(try merged.entries(in: "programs")?.map(\.name) == ["id", "pay"])
            let text = try merged.contents(of: "programs/pay/milestones.yaml").text
            #expect(text.contains("Design review"))
            #expect(text.contains("2026-05-15"))
            #expect(try merged.entries(in: "programs/pay") == [
                SourceEntry(name: "milestones.yaml", kind: .file, size: text.utf8.count),
                SourceEntry(name: "program.yaml", kind: .file, size: Self.program.utf8.count),
            ])

            // Nothing moved: the worktree, the index and HEAD are as they were.
            #expect(try Data(contentsOf: URL(fileURLWithPath: repo + "/.git/index")) == index)
            #expect(try fixture.git(["status", "--porcelain"], in: repo) == status)
            #expect(try fixture.git(["rev-parse", "main"], in: repo) == main)

            // The same as git's own merge, file for file.
            try fixture.git(["checkout", "--quiet", "-b", "check"], in: repo)
            try fixture.git(["merge", "--quiet", "--no-edit", "topic"], in: repo)
            #expect(text == (try String(contentsOfFile: repo + "/programs/pay/milestones.yaml", encoding: .utf8)))
            try fixture.git(["checkout", "--quiet", "main"], in: repo)

            // And the result loads as a workspace.
            let loaded = WorkspaceLoader.load(from: merged)
            #expect(!loaded.findings.keys.contains(RuleID.fileUnreadable))
        }
    }

    @Test func conflictsAreListedAndExplained() throws {
        try GitFixture.with { fixture in
            let (repo, main, topic) = try forked(
                fixture, prefix: "plans/",
                base: ["programs/pay/program.yaml": Self.program, "programs/pay/milestones.yaml": Self.milestones,
                       "programs/pay/risks.yaml": "risks: []\n"],
                main: ["programs/pay/milestones.yaml": Self.milestones.replacingOccurrences(of: "2026-05-01", with: "2026-06-01"),
                       "programs/pay/budget.yaml": "lines: []\n",
                       "programs/pay/risks.yaml": nil],
                topic: ["programs/pay/milestones.yaml": Self.milestones.replacingOccurrences(of: "2026-05-01", with: "2026-05-15"),
                        "programs/pay/budget.yaml": "lines:\n  - { id: B1, amount: 10 }\n",
                        "programs/pay/risks.yaml": "risks:\n  - id: R1\n",
                        "README.md": "outside the workspace\n"])
            let repository = try Repository.open(at: repo)
            let merged = try repository.mergeCommits(ours: ObjectID(hex: main)!, theirs: ObjectID(hex: topic)!, prefix: "plans")
            #expect(merged.hasConflicts)
            #expect(merged.conflictedPaths == [
                "programs/pay/budget.yaml", "programs/pay/milestones.yaml", "programs/pay/risks.yaml",
            ])
            #expect(merged.conflicts.map(\.summary) == ["both added", "both modified", "deleted by us"])
            // Conflicted files are listed, so a loader reports them instead of missing files.
            #expect(try merged.entries(in: "programs/pay")?.map(\.name) == ["budget.yaml", "milestones.yaml", "program.yaml", "risks.yaml"])
            let error = #expect(throws: PlanSourceError.self) { try merged.contents(of: "programs/pay/milestones.yaml") }
            #expect(error?.description.contains("merge conflict (both modified)") == true)
            #expect(try merged.contents(of: "programs/pay/program.yaml").text == Self.program)
            #expect(try merged.entries(in: "")?.map(\.name) == ["README.md", "programs"])

            let loaded = WorkspaceLoader.load(from: merged)
            #expect(loaded.findings[RuleID.fileUnreadable]?.count == 3)
        }
    }

    @Test func renamedProgramFolderMeetsAnEdit() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("programs/pay/program.yaml", Self.program, in: repo)
            try fixture.write("programs/pay/milestones.yaml", Self.milestones, in: repo)
            try fixture.commitAll("base", in: repo)
            try fixture.git(["checkout", "--quiet", "-b", "topic"], in: repo)
            try fixture.write("programs/pay/milestones.yaml", Self.milestones.replacingOccurrences(of: "Beta", with: "Public beta"), in: repo)
            let topic = try fixture.commitAll("edit", in: repo)
            try fixture.git(["checkout", "--quiet", "main"], in: repo)
            try fixture.git(["mv", "programs/pay", "programs/payments"], in: repo)
            let main = try fixture.commitAll("rename", in: repo)

            let repository = try Repository.open(at: repo)
            let merged = try repository.mergeCommits(ours: ObjectID(hex: main)!, theirs: ObjectID(hex: topic)!)
            #expect(!merged.hasConflicts)
            #expect(try merged.entries(in: "programs")?.map(\.name) == ["payments"])
            #expect(try merged.contents(of: "programs/payments/milestones.yaml").text.contains("Public beta"))
        }
    }

    @Test func mergeTreesWithAndWithoutABase() throws {
        try GitFixture.with { fixture in
            let (repo, main, topic) = try forked(
                fixture,
                base: ["people.yaml": "people: []\n"],
                main: ["programs/a/program.yaml": "id: a\n"],
                topic: ["programs/b/program.yaml": "id: b\n"])
            let repository = try Repository.open(at: repo)
            let base = try repository.mergeBase(ObjectID(hex: main)!, ObjectID(hex: topic)!)
            let merged = try repository.mergeTrees(base: base, ours: ObjectID(hex: main)!, theirs: ObjectID(hex: topic)!)
            #expect(try merged.entries(in: "programs")?.map(\.name) == ["a", "b"])
            #expect(try merged.entries(in: "")?.map(\.name) == ["people.yaml", "programs"])

            // No base: people.yaml is "added" on both sides, identically, so no conflict.
            let unrelated = try repository.mergeTrees(base: nil, ours: ObjectID(hex: main)!, theirs: ObjectID(hex: topic)!)
            #expect(!unrelated.hasConflicts)
            #expect(try unrelated.contents(of: "people.yaml").text == "people: []\n")
        }
    }

    @Test func worksInABareRepository() throws {
        try GitFixture.with { fixture in
            let (repo, main, topic) = try forked(
                fixture,
                base: ["programs/pay/milestones.yaml": Self.milestones],
                main: ["programs/pay/milestones.yaml": Self.milestones.replacingOccurrences(of: "M2", with: "M7")],
                topic: ["programs/pay/milestones.yaml": Self.milestones.replacingOccurrences(of: "M2", with: "M8")])
            try fixture.git(["clone", "--quiet", "--bare", repo, fixture.path("server.git")], in: fixture.root)
            let bare = try Repository.open(at: fixture.path("server.git"))
            let merged = try bare.mergeCommits(ours: ObjectID(hex: main)!, theirs: ObjectID(hex: topic)!)
            #expect(merged.conflictedPaths == ["programs/pay/milestones.yaml"])
            #expect(merged.conflicts.first?.inBase == true)
        }
    }

    @Test func unknownCommitThrows() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let head = try fixture.commitAll("first", in: repo)
            let repository = try Repository.open(at: repo)
            let missing = ObjectID(hex: String(repeating: "cd", count: 20))!
            let error = #expect(throws: GitError.self) { try repository.mergeCommits(ours: ObjectID(hex: head)!, theirs: missing) }
            #expect(error?.function == "git_commit_lookup")
        }
    }
}
