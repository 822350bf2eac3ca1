import Foundation
import Testing

/// One answer for every repository shape (issue 12): a submodule inside programs/ is reported
/// alike from the worktree, the index and any commit; a damaged clone is an error naming the
/// object and the commit, never a silent gap in history; `changes --write` is all or nothing;
/// file errors are in plain words.
@Suite("Repository shapes")
struct RepositoryShapeTests {
    /// A workspace committed once, then a local repository added as the submodule programs/ext.
    private func repositoryWithSubmodule() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.write("library/README", "not plans\n")
        try fixture.git("init", "-q", in: "library")
        try fixture.commitAll("Library", in: "library")
        for (path, text) in Samples.workspace { try fixture.write("plans/" + path, text) }
        try fixture.git("init", "-q", in: "plans")
        try fixture.commitAll("Plans", in: "plans")
        try fixture.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", fixture.path + "/library", "programs/ext", in: "plans")
        try fixture.git("commit", "-q", "-m", "Add a submodule", in: "plans")
        return fixture
    }

    private static let submoduleMessage = "programs/ext:1:1: error: 'programs/ext' is a git submodule, not a program folder"

    @Test("A submodule in programs/ is 'not a program folder' at its path from the worktree, the index and every commit")
    func submoduleEverywhere() throws {
        let fixture = try repositoryWithSubmodule()
        let folder = fixture.path + "/plans"
        for arguments in [["validate"], ["validate", "--staged"], ["validate", "--rev", "HEAD"], ["check", "HEAD~1..HEAD"]] {
            let result = try Run.charter(arguments + ["--as-of", "2026-03-01"].filter { _ in arguments[0] == "validate" }, in: folder)
            #expect(result.status == 1, "\(arguments): \(result.stdout) \(result.stderr)")
            #expect(result.stdout.contains(Self.submoduleMessage), "\(arguments): \(result.stdout)")
            #expect(!result.stdout.contains("has no program.yaml"), "\(arguments): \(result.stdout)")
        }
        let diff = try Run.charter(["diff", "HEAD~1", "HEAD"], in: folder)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("no changes"), "\(diff.stdout)")

        // A clone that never checked the submodule out has an empty folder there: the same answer.
        try fixture.git("-c", "protocol.file.allow=always", "clone", "-q", folder, fixture.path + "/clone")
        let clone = try Run.charter(["validate", "--as-of", "2026-03-01"], in: fixture.path + "/clone")
        #expect(clone.status == 1)
        #expect(clone.stdout.contains(Self.submoduleMessage), "\(clone.stdout)")
    }

    /// Three commits moving M2; the blob of the middle version of milestones.yaml deleted.
    private func damagedRepository() throws -> (Fixture, blob: String, commit: String) {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.commitAll("Plans")
        for date in ["2026-06-01", "2026-07-01"] {
            let text = Samples.workspace["programs/pay/milestones.yaml"]!.replacingOccurrences(of: "2026-05-01", with: date)
            try fixture.write("programs/pay/milestones.yaml", text)
            try fixture.commitAll("Move Beta to \(date)")
        }
        let blob = try fixture.git("rev-parse", "HEAD~1:programs/pay/milestones.yaml").trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try fixture.git("rev-parse", "HEAD~1").trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(atPath: fixture.path + "/.git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
        return (fixture, blob, commit)
    }

    @Test("A missing object met while walking history is an error naming the object and the commit")
    func damagedHistory() throws {
        let (fixture, blob, commit) = try damagedRepository()
        for arguments in [["changes"], ["changes", "--format", "json"], ["slips"], ["history", "pay/M2"], ["check", "HEAD~2..HEAD"],
                          ["kpis", "--history"], ["report", "--format", "markdown"]] {
            let result = try Run.charter(arguments, in: fixture.path)
            if arguments == ["kpis", "--history"] || arguments[0] == "report" {
                // These read no milestones.yaml of old commits; they must still not trap.
                #expect([0, 1, 2].contains(result.status), "\(arguments): \(result.stderr)")
                continue
            }
            #expect(result.status == 2, "\(arguments) exited \(result.status): \(result.stdout)")
            #expect(result.stderr.contains(blob), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(commit), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("missing or corrupt"), "\(arguments): \(result.stderr)")
        }
        // No baseline is made on the damaged commit; the intact head still takes one.
        let damaged = try Run.charter(["baseline", "create", "q2", "--rev", "HEAD~1"], in: fixture.path)
        #expect(damaged.status == 2 && damaged.stderr.contains(blob), "\(damaged.stderr)")
        #expect(try fixture.git("tag", "--list").isEmpty)
        let intact = try Run.charter(["baseline", "create", "q2"], in: fixture.path)
        #expect(intact.status == 0, "\(intact.stderr)")
    }

    @Test("validate --rev and diff on a commit with a missing object stop with exit 2 naming the object and commit")
    func damagedCommitIsNoFinding() throws {
        let (fixture, blob, commit) = try damagedRepository()
        for arguments in [["validate", "--rev", "HEAD~1"], ["validate", "--rev", "HEAD~1", "--format", "json"],
                          ["diff", "HEAD~2", "HEAD~1"], ["diff", "HEAD~1", "HEAD"], ["diff", "HEAD~1", "HEAD", "--format", "json"]] {
            let result = try Run.charter(arguments, in: fixture.path)
            #expect(result.status == 2, "\(arguments) exited \(result.status): \(result.stdout)")
            #expect(result.stderr.contains(blob), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(commit), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("missing or corrupt"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments): no report from a damaged commit: \(result.stdout)")
        }
        // The intact commits around it still validate and diff.
        for arguments in [["validate", "--rev", "HEAD"], ["diff", "HEAD~2", "HEAD"]] {
            let intact = try Run.charter(arguments, in: fixture.path)
            #expect([0, 1].contains(intact.status) && !intact.stderr.contains(blob), "\(arguments): \(intact.stderr)")
        }
    }

    @Test("A truncated loose object is an error naming it, not a hang (libgit2 1.5 inflates it forever)")
    func truncatedObject() throws {
        let (fixture, missing, _) = try damagedRepository()
        // Put the missing blob back, cut to its first 12 bytes.
        let text = Samples.workspace["programs/pay/milestones.yaml"]!.replacingOccurrences(of: "2026-05-01", with: "2026-06-01")
        try fixture.write("scratch.yaml", text)
        let written = try fixture.git("hash-object", "-w", "scratch.yaml").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(written == missing)
        let path = fixture.path + "/.git/objects/\(missing.prefix(2))/\(missing.dropFirst(2))"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try bytes.prefix(12).write(to: URL(fileURLWithPath: path))
        for arguments in [["changes"], ["validate", "--rev", "HEAD~1"]] {
            let result = try Run.charter(arguments, in: fixture.path)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect((result.stderr + result.stdout).contains("loose object \(missing) is truncated or corrupt"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("changes --write writes the whole batch or nothing, and says so")
    func writeIsAllOrNothing() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.commitAll("Plans")
        try fixture.write("programs/pay/milestones.yaml",
                          Samples.workspace["programs/pay/milestones.yaml"]!.replacingOccurrences(of: "2026-05-01", with: "2026-06-01"))
        try fixture.commitAll("Slip Beta")
        let ids = try Run.charter(["changes", "--format", "json"], in: fixture.path)
        let records = try JSONSerialization.jsonObject(with: Data(ids.stdout.utf8)) as? [[String: Any]] ?? []
        let names = records.compactMap { $0["id"] as? String }
        #expect(names.count == 2)
        // A folder where the second record's file goes: the first must not be written either.
        try FileManager.default.createDirectory(atPath: fixture.path + "/changes/\(names[1]).yaml", withIntermediateDirectories: true)
        let blocked = try Run.charter(["changes", "--write"], in: fixture.path)
        #expect(blocked.status == 2)
        #expect(blocked.stderr.contains("nothing was written"), "\(blocked.stderr)")
        #expect(blocked.stderr.contains("changes/\(names[1]).yaml"), "\(blocked.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path + "/changes/\(names[0]).yaml"))
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.path + "/changes")
        #expect(left == ["\(names[1]).yaml"], "staging left behind: \(left)")

        // A file where the folder should be: plain words, no NSError text.
        try FileManager.default.removeItem(atPath: fixture.path + "/changes")
        try fixture.write("changes", "a file\n")
        let notAFolder = try Run.charter(["changes", "--write"], in: fixture.path)
        #expect(notAFolder.status == 2)
        #expect(notAFolder.stderr.contains("nothing was written"), "\(notAFolder.stderr)")
        #expect(!notAFolder.stderr.contains("NSCocoaErrorDomain") && !notAFolder.stderr.contains("You don"), "\(notAFolder.stderr)")

        try FileManager.default.removeItem(atPath: fixture.path + "/changes")
        let written = try Run.charter(["changes", "--write"], in: fixture.path)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("2 of 2 records written"), "\(written.stdout)")
        #expect(try fixture.read("changes/\(names[0]).yaml").contains(names[0]))
    }

    @Test("--message-file errors name the path and the reason in plain words; /dev/null is an empty message")
    func messageFileErrors() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.commitAll("Plans")
        try fixture.git("add", "-A")
        let empty = try Run.charter(["check", "--staged", "--message-file", "/dev/null"], in: fixture.path)
        #expect([0, 1].contains(empty.status), "\(empty.stderr)")
        #expect(!empty.stderr.contains("permission"), "\(empty.stderr)")
        for (path, reason) in [(fixture.path + "/programs", "is a directory"), (fixture.path + "/missing.txt", "no such file or directory")] {
            let result = try Run.charter(["check", "--staged", "--message-file", path], in: fixture.path)
            #expect(result.status == 2)
            #expect(result.stderr.contains("cannot read the commit message \(path): \(reason)"), "\(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("The operation"), "\(result.stderr)")
        }
    }
}
