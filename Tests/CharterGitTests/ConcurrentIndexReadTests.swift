import CharterCore
import CharterGit
import Dispatch
import Foundation
import Testing

/// What is staged, read on several threads at once, each through a reader with its own
/// repository handle (`GitIndexSource.makeFileReader()`), as `validate --staged` does for a
/// large workspace: the same folders, bytes and findings as reading one thread at a time.
@Suite struct ConcurrentIndexReadTests {
    /// The same source without its readers: the loader takes turns through it, as it does for
    /// any source below `WorkspaceLoader.UnitReader.concurrentUnitCount` units.
    struct OneThreadAtATime: PlanSource {
        let base: GitIndexSource
        var sourceDescription: String { base.sourceDescription }
        func entries(in directory: String) throws -> [SourceEntry]? { try base.entries(in: directory) }
        func contents(of path: String) throws -> [UInt8] { try base.contents(of: path) }
    }

    /// A repository whose index differs from both HEAD and the worktree: the workspace of
    /// `ConcurrentTreeReadTests` committed, then changes staged, then changes left unstaged.
    static func stagedRepository(_ fixture: GitFixture) throws -> (repo: String, staged: [String: String]) {
        let repo = try fixture.makeRepository()
        var files = ConcurrentTreeReadTests.workspaceFiles()
        for (path, text) in files { try fixture.write("plans/" + path, text, in: repo) }
        try fixture.commitAll("plans", in: repo)
        files["programs/p3/milestones.yaml"] = "milestones:\n  - id: M1\n    name: Staged\n    date: 2026-02-01\n    depends_on: [M4]\n"
        files["programs/p40/program.yaml"] = "id: p40\nname: Staged\nowner: nobody\nstatus: active\nstart: 2026-01-05\n"
        for path in ["programs/p3/milestones.yaml", "programs/p40/program.yaml"] {
            try fixture.write("plans/" + path, files[path]!, in: repo)
            try fixture.git(["add", "plans/" + path], in: repo)
        }
        try fixture.write("plans/programs/p5/milestones.yaml", "milestones: [unstaged\n", in: repo)
        return (repo, files)
    }

    @Test func readersListAndReadWhatTheSourceDoesOnTwoThreads() throws {
        try GitFixture.with { fixture in
            let (repo, staged) = try Self.stagedRepository(fixture)
            let source = try Repository.discover(from: repo, environment: [:]).indexSource(prefix: "plans")
            let folders = try #require(try source.entries(in: "programs")).map { "programs/\($0.name)" }
            let paths = staged.keys.sorted()
            let readers = [try source.makeFileReader(), try source.makeFileReader()]
            let results = UnsafeMutableBufferPointer<(listed: [String: [SourceEntry]], read: [String: [UInt8]])>.allocate(capacity: readers.count)
            results.initialize(repeating: ([:], [:]))
            defer { results.deallocate() }
            nonisolated(unsafe) let slots = results
            nonisolated(unsafe) let shared = readers
            DispatchQueue.concurrentPerform(iterations: readers.count) { index in
                var listed: [String: [SourceEntry]] = [:]
                for folder in folders { listed[folder] = try? shared[index].entries(in: folder) }
                var read: [String: [UInt8]] = [:]
                for path in paths { read[path] = try? shared[index].contents(of: path) }
                slots[index] = (listed, read)
            }
            var expectedListings: [String: [SourceEntry]] = [:]
            for folder in folders { expectedListings[folder] = try source.entries(in: folder) }
            for result in results {
                #expect(result.listed == expectedListings)
                #expect(result.read == staged.mapValues { Array($0.utf8) })
            }
            #expect(try readers[0].entries(in: "programs/nothing") == nil)
            #expect(throws: PlanSourceError.self) { try readers[1].contents(of: "programs/p1/nothing.yaml") }
        }
    }

    @Test func stagedFilesLoadOnEveryCoreAsOneThreadAtATime() throws {
        try GitFixture.with { fixture in
            let (repo, _) = try Self.stagedRepository(fixture)
            let repository = try Repository.discover(from: repo, environment: [:])
            let asOf = PlanDate("2026-03-01")!
            let parallel = WorkspaceLoader.load(from: try repository.indexSource(prefix: "plans"))
            let serial = WorkspaceLoader.load(from: OneThreadAtATime(base: try repository.indexSource(prefix: "plans")))
            #expect(parallel.workspace == serial.workspace)
            #expect(Validator.validate(parallel, asOf: asOf) == Validator.validate(serial, asOf: asOf))
            // What is staged, not the worktree or HEAD.
            #expect(parallel.workspace.program("p40")?.name == "Staged")
            #expect(parallel.workspace.program("p3")?.milestones.map(\.name) == ["Staged"])
            #expect(parallel.findings[RuleID.yamlSyntax]?.contains { $0.location.path == "programs/p5/milestones.yaml" } != true)
        }
    }

    @Test func missingStagedBlobsAreTheSameFindingsInTheSameOrder() throws {
        try GitFixture.with { fixture in
            let (repo, _) = try Self.stagedRepository(fixture)
            // Two staged blobs deleted from the object store (`git add` leaves them loose), read
            // by whichever thread gets their folders.
            let damaged = ["plans/programs/p61/milestones.yaml", "plans/programs/p7/program.yaml"]
            for path in damaged {
                let blob = try fixture.git(["rev-parse", ":" + path], in: repo)
                let object = repo + "/.git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))"
                try #require(FileManager.default.fileExists(atPath: object), "\(path)'s blob is not loose")
                try FileManager.default.removeItem(atPath: object)
            }
            let repository = try Repository.discover(from: repo, environment: [:])
            let serial = WorkspaceLoader.load(from: OneThreadAtATime(base: try repository.indexSource(prefix: "plans")))
            let unreadable = try #require(serial.findings[RuleID.fileUnreadable])
            #expect(unreadable.map(\.location.path) == ["programs/p61/milestones.yaml", "programs/p7/program.yaml"])
            for _ in 0..<3 {
                let parallel = WorkspaceLoader.load(from: try repository.indexSource(prefix: "plans"))
                #expect(parallel.findings == serial.findings)
                #expect(parallel.workspace == serial.workspace)
            }
        }
    }
}
