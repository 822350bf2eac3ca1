import CharterCore
import CharterGit
import Foundation
import Testing

@Suite struct IndexSourceTests {
    @Test func readsWhatIsStagedNotTheWorktree() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("plans/programs/p1/program.yaml", "v1\n", in: repo)
            try fixture.write("plans/people.yaml", "people: []\n", in: repo)
            try fixture.commitAll("first", in: repo)

            try fixture.write("plans/programs/p1/program.yaml", "v2 staged\n", in: repo)
            try fixture.git(["add", "plans/programs/p1/program.yaml"], in: repo)
            try fixture.write("plans/programs/p1/program.yaml", "v3 worktree only\n", in: repo)
            try fixture.write("plans/programs/p2/program.yaml", "untracked\n", in: repo)
            try fixture.write("plans/programs/p1/risks.yaml", "intent to add\n", in: repo)
            try fixture.git(["add", "--intent-to-add", "plans/programs/p1/risks.yaml"], in: repo)
            try fixture.git(["rm", "--quiet", "--cached", "plans/people.yaml"], in: repo)

            let repository = try Repository.discover(from: repo, environment: [:])
            let source = try repository.indexSource(prefix: "plans")
            #expect(source.sourceDescription == "index")
            #expect(try source.entries(in: "") == [SourceEntry(name: "programs", kind: .directory)])
            #expect(try source.entries(in: "programs")?.map(\.name) == ["p1"])
            #expect(try source.entries(in: "programs/p1") == [SourceEntry(name: "program.yaml", kind: .file, size: 10)])
            #expect(try source.contents(of: "programs/p1/program.yaml").text == "v2 staged\n")
            #expect(try source.entries(in: "programs/p2") == nil)
            #expect(throws: PlanSourceError.self) { try source.contents(of: "people.yaml") }
            #expect(source.conflictedPaths.isEmpty)
        }
    }

    @Test func prefixSelectsOnlyItsFolder() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("plans/acme/people.yaml", "acme\n", in: repo)
            try fixture.write("plans/acme-old/people.yaml", "old\n", in: repo)
            try fixture.write("plans/acmf.yaml", "sorts after\n", in: repo)
            try fixture.git(["add", "--all"], in: repo)

            let repository = try Repository.open(at: repo)
            let source = try repository.indexSource(prefix: "plans/acme")
            #expect(try source.entries(in: "")?.map(\.name) == ["people.yaml"])
            #expect(try source.contents(of: "people.yaml").text == "acme\n")
            #expect(try repository.indexSource(prefix: "plans/none").entries(in: "") == nil)
            #expect(try repository.indexSource(prefix: "").entries(in: "plans")?.map(\.name) == ["acme", "acme-old", "acmf.yaml"])
        }
    }

    @Test func symlinkIsReportedAsSymlink() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("program.yaml", "id: p\n", in: repo)
            try FileManager.default.createSymbolicLink(atPath: repo + "/link.yaml", withDestinationPath: "program.yaml")
            try fixture.git(["add", "--all"], in: repo)

            let source = try Repository.open(at: repo).indexSource(prefix: "")
            #expect(try source.entries(in: "")?.map(\.kind) == [.symlink, .file])
            #expect(throws: PlanSourceError.self) { try source.contents(of: "link.yaml") }
        }
    }

    @Test func conflictsAreListedNotRead() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("plans/milestones.yaml", "base\n", in: repo)
            try fixture.write("plans/people.yaml", "people\n", in: repo)
            try fixture.commitAll("base", in: repo)
            try fixture.git(["checkout", "--quiet", "-b", "feature"], in: repo)
            try fixture.write("plans/milestones.yaml", "feature\n", in: repo)
            try fixture.commitAll("feature", in: repo)
            try fixture.git(["checkout", "--quiet", "main"], in: repo)
            try fixture.write("plans/milestones.yaml", "main\n", in: repo)
            try fixture.commitAll("main", in: repo)
            #expect(throws: FixtureError.self) { try fixture.git(["merge", "--quiet", "feature"], in: repo) }

            let source = try Repository.open(at: repo).indexSource(prefix: "plans")
            #expect(source.conflictedPaths == ["milestones.yaml"])
            #expect(try source.entries(in: "")?.map(\.name) == ["people.yaml"])
            let error = #expect(throws: PlanSourceError.self) { try source.contents(of: "milestones.yaml") }
            #expect(error?.description.contains("conflict") == true)
        }
    }
}
