import Foundation
import Testing

/// `validate --rev` and `validate --staged` on a workspace large enough for the loader to read
/// blobs on every core, each thread through its own repository handle: the same findings as the
/// worktree, and a damaged object still stops `--rev` naming the object and the commit.
@Suite struct ParallelRevisionReadTests {
    /// More programs than `WorkspaceLoader.UnitReader.concurrentUnitCount`, so the reads run in parallel.
    static let programs = 150

    /// `Benchmarks/generate.py workspace` committed, as Benchmarks/scale.sh does; plus a program
    /// with a dangling dependency and a syntax error, so there are errors to agree on too.
    static func generatedRepository() throws -> Fixture {
        let fixture = try Fixture()
        let script = DiffHistoryTests.packageRoot.appendingPathComponent("Benchmarks/generate.py").path
        let built = try Run.process("/usr/bin/env", ["python3", script, "workspace", fixture.path,
                                                     "--programs", String(programs)], in: fixture.path)
        guard built.status == 0 else { throw FixtureError("generate.py failed: \(built.stderr)") }
        try fixture.write("programs/zz-broken/program.yaml", "id: zz-broken\nname: Broken\nowner: nobody\nstatus: active\nstart: 2026-01-05\n")
        try fixture.write("programs/zz-broken/milestones.yaml",
                          "milestones:\n  - id: M1\n    name: One\n    date: 2026-02-01\n    depends_on: [M7]\n")
        try fixture.write("programs/zz-broken/risks.yaml", "risks:\n  - id: R1\n    title: [unclosed\n")
        try fixture.git("init", "-q")
        try fixture.commitAll("generated workspace")
        return fixture
    }

    @Test("--rev HEAD read on every core gives the worktree's findings, in every format")
    func revisionMatchesWorktree() throws {
        let fixture = try Self.generatedRepository()
        for format in ["text", "json", "sarif"] {
            let worktree = try Run.charter(["validate", "--as-of", "2026-04-27", "--format", format], in: fixture.path)
            let head = try Run.charter(["validate", "--rev", "HEAD", "--as-of", "2026-04-27", "--format", format], in: fixture.path)
            #expect(worktree.status == 1, "\(worktree.stderr)")
            #expect(head.status == worktree.status, "\(format): \(head.stderr)")
            #expect(head.stdout == worktree.stdout, "\(format)")
        }
        let text = try Run.charter(["validate", "--rev", "HEAD", "--as-of", "2026-04-27"], in: fixture.path).stdout
        #expect(text.contains("programs/zz-broken/risks.yaml:"), "\(text.suffix(400))")
        #expect(text.contains("M7"), "\(text.suffix(400))")
    }

    @Test("--staged read on every core gives the findings of the same files in the worktree, in every format")
    func stagedMatchesWorktree() throws {
        let fixture = try Self.generatedRepository()
        // Staged changes HEAD lacks, then a worktree edit left unstaged and taken back before
        // comparing: the index is what is read.
        try fixture.write("programs/zz-broken/decisions.yaml", "decisions:\n  - id: D1\n    title: Staged only\n    status: acepted\n")
        try fixture.git("add", "programs/zz-broken/decisions.yaml")
        for format in ["text", "json", "sarif"] {
            let worktree = try Run.charter(["validate", "--as-of", "2026-04-27", "--format", format], in: fixture.path)
            let staged = try Run.charter(["validate", "--staged", "--as-of", "2026-04-27", "--format", format], in: fixture.path)
            #expect(worktree.status == 1, "\(worktree.stderr)")
            #expect(staged.status == worktree.status, "\(format): \(staged.stderr)")
            #expect(staged.stdout == worktree.stdout, "\(format)")
        }
        let text = try Run.charter(["validate", "--staged", "--as-of", "2026-04-27"], in: fixture.path).stdout
        #expect(text.contains("programs/zz-broken/decisions.yaml:"), "\(text.suffix(400))")
        try fixture.write("programs/zz-broken/decisions.yaml", "decisions: [unstaged\n")
        let unstagedEdit = try Run.charter(["validate", "--staged", "--as-of", "2026-04-27"], in: fixture.path)
        #expect(unstagedEdit.stdout == text)
    }

    @Test("a missing blob read by a worker thread still exits 2 naming the first object in reading order and the commit")
    func missingBlobsOnWorkers() throws {
        let fixture = try Self.generatedRepository()
        let commit = try fixture.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let folders = try FileManager.default.contentsOfDirectory(atPath: fixture.path + "/programs").sorted()
        let paths = ["programs/\(folders[folders.count / 2])/milestones.yaml", "programs/\(folders[folders.count - 2])/program.yaml"]
        var blobs: [String] = []
        for path in paths {
            let blob = try fixture.git("rev-parse", "HEAD:\(path)").trimmingCharacters(in: .whitespacesAndNewlines)
            try removeObject(blob, in: fixture)
            blobs.append(blob)
        }
        for _ in 0..<3 {
            let result = try Run.charter(["validate", "--rev", "HEAD", "--format", "json"], in: fixture.path)
            #expect(result.status == 2, "exited \(result.status): \(result.stdout.prefix(300))")
            #expect(result.stderr.contains(blobs[0]), "\(result.stderr)")
            #expect(result.stderr.contains(commit), "\(result.stderr)")
            #expect(result.stderr.contains("missing or corrupt"), "\(result.stderr)")
        }
    }

    /// Deletes a loose object (a commit of a thousand objects stays loose: `git gc --auto` packs
    /// from about 6,700).
    private func removeObject(_ id: String, in fixture: Fixture) throws {
        try FileManager.default.removeItem(atPath: fixture.path + "/.git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
    }
}
