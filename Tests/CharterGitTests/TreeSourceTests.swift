import CharterCore
import CharterGit
import Foundation
import Testing

@Suite struct TreeSourceTests {
    @Test func listsAndReadsAnOlderCommitUnderAPrefix() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("README.md", "outside the workspace\n", in: repo)
            try fixture.write("plans/acme/charter.yaml", "version: 1\n", in: repo)
            try fixture.write("plans/acme/programs/p1/program.yaml", "id: p1\nname: One\n", in: repo)
            try fixture.write("plans/acme/programs/p2/program.yaml", "id: p2\n", in: repo)
            let old = try fixture.commitAll("first", in: repo)
            try fixture.write("plans/acme/programs/p1/program.yaml", "id: p1\nname: Renamed\n", in: repo)
            try fixture.write("plans/acme/programs/p3/program.yaml", "id: p3\n", in: repo)
            try fixture.commitAll("second", in: repo)

            let repository = try Repository.open(at: repo)
            let commit = try repository.commit("HEAD~1")
            #expect(commit.id.hex == old)
            let source = try repository.treeSource(commit: commit.id, prefix: "plans/acme")
            #expect(source.sourceDescription == "commit \(old.prefix(8))")

            #expect(try source.entries(in: "") == [
                SourceEntry(name: "charter.yaml", kind: .file, size: 11),
                SourceEntry(name: "programs", kind: .directory),
            ])
            #expect(try source.entries(in: "programs")?.map(\.name) == ["p1", "p2"])
            #expect(try source.entries(in: "programs/p1") == [SourceEntry(name: "program.yaml", kind: .file, size: 17)])
            #expect(try source.contents(of: "programs/p1/program.yaml").text == "id: p1\nname: One\n")
            #expect(try source.contents(of: "charter.yaml").text == "version: 1\n")

            let head = try repository.treeSource(commit: try repository.commit("HEAD").id, prefix: "plans/acme")
            #expect(try head.entries(in: "programs")?.map(\.name) == ["p1", "p2", "p3"])
            #expect(try head.contents(of: "programs/p1/program.yaml").text == "id: p1\nname: Renamed\n")

            let root = try repository.treeSource(commit: commit.id, prefix: "")
            #expect(try root.entries(in: "")?.map(\.name) == ["README.md", "plans"])
            #expect(try root.contents(of: "plans/acme/charter.yaml").text == "version: 1\n")
        }
    }

    @Test func missingFoldersAndFiles() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("plans/charter.yaml", "version: 1\n", in: repo)
            try fixture.write("notes.txt", "not a folder\n", in: repo)
            try fixture.commitAll("first", in: repo)
            let repository = try Repository.open(at: repo)
            let head = try repository.commit("HEAD").id

            let source = try repository.treeSource(commit: head, prefix: "plans")
            #expect(try source.entries(in: "programs") == nil)
            #expect(try source.entries(in: "programs/p1") == nil)
            #expect(try source.entries(in: "charter.yaml") == nil)
            #expect(throws: PlanSourceError.self) { try source.contents(of: "people.yaml") }
            #expect(throws: PlanSourceError.self) { try source.contents(of: "programs/p1/program.yaml") }

            // A workspace folder that does not exist (yet) at that commit.
            #expect(try repository.treeSource(commit: head, prefix: "other/plans").entries(in: "") == nil)
            #expect(try repository.treeSource(commit: head, prefix: "notes.txt").entries(in: "") == nil)
        }
    }

    @Test func symlinksAndSubmodulesAreNotFiles() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("program.yaml", "id: p\n", in: repo)
            try FileManager.default.createSymbolicLink(atPath: repo + "/link.yaml", withDestinationPath: "program.yaml")
            let sub = fixture.path("sub")
            try fixture.makeRepository("sub")
            let subHead = try fixture.commitAll("sub root", in: sub)
            try fixture.git(["add", "--all"], in: repo)
            // A gitlink without a checkout: `add --all` would drop it again, so commit directly.
            try fixture.git(["update-index", "--add", "--cacheinfo", "160000,\(subHead),vendor"], in: repo)
            try fixture.git(["commit", "--quiet", "-m", "first"], in: repo)

            let repository = try Repository.open(at: repo)
            let source = try repository.treeSource(commit: try repository.commit("HEAD").id, prefix: "")
            let entries = try #require(try source.entries(in: ""))
            #expect(entries.map(\.name) == ["link.yaml", "program.yaml", "vendor"])
            #expect(entries.map(\.kind) == [.symlink, .file, .submodule])
            #expect(throws: PlanSourceError.self) { try source.contents(of: "link.yaml") }
            #expect(throws: PlanSourceError.self) { try source.contents(of: "vendor") }
        }
    }

    @Test func manyProgramFolders() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            for number in 1...300 {
                try fixture.write("programs/p\(number)/program.yaml", "id: p\(number)\n", in: repo)
            }
            try fixture.commitAll("many", in: repo)
            let repository = try Repository.open(at: repo)
            let source = try repository.treeSource(commit: try repository.commit("HEAD").id, prefix: "")

            let programs = try #require(try source.entries(in: "programs"))
            #expect(programs.count == 300)
            for program in programs {
                let files = try source.entries(in: "programs/" + program.name)
                #expect(files?.map(\.name) == ["program.yaml"])
            }
            #expect(try source.contents(of: "programs/p250/program.yaml").text == "id: p250\n")
        }
    }
}
