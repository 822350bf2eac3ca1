import CharterCore
import CharterGit
import Dispatch
import Foundation
import Testing

/// A commit's files read on several threads, each through a reader with its own repository
/// handle (`GitTreeSource.makeFileReader()`), as `WorkspaceLoader` does for a large workspace.
@Suite struct ConcurrentTreeReadTests {
    /// Enough programs for the loader to read on every core (`WorkspaceLoader` takes turns below 64).
    static let programCount = 90

    /// The files of a workspace of `programCount` programs, some with findings (a dangling
    /// dependency, an unknown owner, a syntax error), so both loads have something to agree on.
    static func workspaceFiles() -> [String: String] {
        var files = ["charter.yaml": "version: 1\n", "people.yaml": "people:\n  - id: ana\n    name: Ana\n"]
        for index in 0..<programCount {
            let folder = "programs/p\(index)"
            files["\(folder)/program.yaml"] = """
                id: p\(index)
                name: Program \(index)
                owner: \(index % 7 == 0 ? "nobody" : "ana")
                status: active
                start: 2026-01-05

                """
            files["\(folder)/milestones.yaml"] = """
                milestones:
                  - id: M1
                    name: Kick-off \(index)
                    date: 2026-02-0\(1 + index % 9)
                  - id: M2
                    name: Done
                    date: 2026-06-01
                    depends_on: [\(index % 11 == 0 ? "M9" : "M1")\(index > 0 ? ", p\(index - 1)/M2" : "")]

                """
            if index % 13 == 5 { files["\(folder)/risks.yaml"] = "risks:\n  - id: R1\n    title: [unclosed\n" }
        }
        return files
    }

    @Test func readersGiveEachFileTheBytesTheSourceGives() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let files = Self.workspaceFiles()
            for (path, text) in files { try fixture.write("plans/" + path, text, in: repo) }
            try fixture.commitAll("plans", in: repo)
            let repository = try Repository.open(at: repo)
            let source = try repository.treeSource(commit: try repository.commit("HEAD").id, prefix: "plans")
            for folder in try source.entries(in: "programs") ?? [] { _ = try source.entries(in: "programs/\(folder.name)") }

            // Two readers on two threads at once, each reading every file.
            let paths = files.keys.sorted()
            let readers = [try source.makeFileReader(), try source.makeFileReader()]
            let results = UnsafeMutableBufferPointer<[String: [UInt8]]>.allocate(capacity: readers.count)
            results.initialize(repeating: [:])
            defer { results.deallocate() }
            nonisolated(unsafe) let slots = results
            nonisolated(unsafe) let shared = readers
            DispatchQueue.concurrentPerform(iterations: readers.count) { index in
                var read: [String: [UInt8]] = [:]
                for path in paths { read[path] = try? shared[index].contents(of: path) }
                slots[index] = read
            }
            for read in results {
                #expect(read == files.mapValues { Array($0.utf8) })
            }
            #expect(throws: PlanSourceError.self) { try readers[0].contents(of: "programs/p1/nothing.yaml") }
        }
    }

    @Test func aCommitLoadsAsTheSameFilesHeldInMemory() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let files = Self.workspaceFiles()
            for (path, text) in files { try fixture.write(path, text, in: repo) }
            try fixture.commitAll("plans", in: repo)
            let repository = try Repository.open(at: repo)
            let source = try repository.treeSource(commit: try repository.commit("HEAD").id, prefix: "")
            let asOf = PlanDate("2026-03-01")!

            let fromGit = Validator.validate(WorkspaceLoader.load(from: source), asOf: asOf)
            let fromMemory = Validator.validate(WorkspaceLoader.load(from: InMemoryPlanSource(files: files)), asOf: asOf)
            #expect(!fromGit.isEmpty)
            #expect(fromGit == fromMemory)
            #expect(source.damage == nil)
        }
    }

    @Test func aReaderSeesTheObjectsOfAPushQuarantine() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("plan.yaml", "v1\n", in: repo)
            let head = try fixture.commitAll("first", in: repo)
            let bare = fixture.path("server.git")
            try fixture.git(["clone", "--quiet", "--bare", repo, bare], in: fixture.root)
            let quarantine = bare + "/objects/tmp_objdir-incoming-test"
            try FileManager.default.createDirectory(atPath: quarantine, withIntermediateDirectories: true)
            let hookEnvironment = [
                "GIT_DIR": bare, "GIT_OBJECT_DIRECTORY": quarantine, "GIT_ALTERNATE_OBJECT_DIRECTORIES": bare + "/objects",
            ]
            // A blob and a commit that exist only in the quarantine.
            try fixture.write("incoming/plan.yaml", "v2\n", in: fixture.root)
            let blob = try fixture.git(["hash-object", "-w", fixture.path("incoming/plan.yaml")], in: bare, environment: hookEnvironment)
            var indexEnvironment = hookEnvironment
            indexEnvironment["GIT_INDEX_FILE"] = fixture.path("incoming/index")
            try fixture.git(["update-index", "--add", "--cacheinfo", "100644,\(blob),plan.yaml"], in: bare, environment: indexEnvironment)
            let tree = try fixture.git(["write-tree"], in: bare, environment: indexEnvironment)
            let pushed = try fixture.git(["commit-tree", tree, "-p", head, "-m", "pushed"], in: bare, environment: hookEnvironment)

            let inHook = try Repository.discover(from: bare, environment: hookEnvironment)
            let source = try inHook.treeSource(commit: try inHook.commit(pushed).id, prefix: "")
            _ = try source.entries(in: "")
            #expect(try source.makeFileReader().contents(of: "plan.yaml") == Array("v2\n".utf8))
        }
    }
}
