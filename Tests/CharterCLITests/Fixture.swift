import Foundation
import Testing

/// A temporary folder with a real git repository, built with the git CLI, removed at the end.
final class Fixture {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("charter-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var path: String { root.path }

    func url(_ relative: String) -> URL { relative.isEmpty ? root : root.appendingPathComponent(relative) }

    func write(_ relative: String, _ text: String) throws {
        let url = url(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) throws -> String { try String(contentsOf: url(relative), encoding: .utf8) }

    /// Writes the files of a small valid workspace.
    func writeWorkspace(in folder: String = "", _ overrides: [String: String] = [:]) throws {
        let prefix = folder.isEmpty ? "" : folder + "/"
        for (path, text) in Samples.workspace.merging(overrides, uniquingKeysWith: { $1 }) {
            try write(prefix + path, text)
        }
    }

    @discardableResult
    func git(_ arguments: String..., in folder: String = "") throws -> String {
        try git(arguments, in: folder)
    }

    @discardableResult
    func git(_ arguments: [String], in folder: String = "") throws -> String {
        let result = try Run.process("/usr/bin/env", ["git", "-c", "user.name=Test User", "-c", "user.email=test@example.com",
                                                      "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + arguments,
                                     in: url(folder).path, environment: Run.gitEnvironment)
        guard result.status == 0 else {
            throw FixtureError("git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }

    /// `git init`, add everything, commit.
    func commitAll(_ message: String, in folder: String = "") throws {
        try git("add", "-A", in: folder)
        try git("commit", "-q", "-m", message, in: folder)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs processes: git for fixtures, the built `charter` binary for the tests.
enum Run {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let gitEnvironment: [String: String] = [
        "GIT_AUTHOR_DATE": "2026-03-02T10:00:00Z", "GIT_COMMITTER_DATE": "2026-03-02T10:00:00Z",
        "GIT_CONFIG_NOSYSTEM": "1", "HOME": FileManager.default.temporaryDirectory.path,
    ]

    /// The `charter` executable built next to the tests (or $CHARTER_BINARY).
    static var charterBinary: String {
        if let explicit = ProcessInfo.processInfo.environment["CHARTER_BINARY"] { return explicit }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/charter").path
    }

    static func charter(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> Result {
        try process(charterBinary, arguments, in: folder, environment: environment)
    }

    static func process(_ executable: String, _ arguments: [String], in folder: String,
                        environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        // Tests must not inherit a hook's or CI's git variables.
        for key in env.keys where key.hasPrefix("GIT_") { env.removeValue(forKey: key) }
        env.merge(environment) { $1 }
        process.environment = env
        // Files, not pipes: a large output cannot block the child, and no reader threads are needed.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("charter-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

enum Samples {
    static let workspace: [String: String] = [
        "charter.yaml": "version: 1\npolicy:\n  approval_trailer: Approved-by\n",
        "people.yaml": """
        people:
          - { id: alice, name: Alice Ng, email: alice@example.com }
          - { id: carol, name: Carol Diaz, email: carol@example.com }

        """,
        "programs/pay/program.yaml": """
        id: pay
        name: Payments
        owner: alice
        status: active
        start: 2026-01-01
        target: 2026-12-31
        budget: { currency: USD, total: 1000 }

        """,
        "programs/pay/milestones.yaml": """
        milestones:
          - { id: M1, name: Design, date: 2026-02-01, status: done, done_on: 2026-02-01 }
          - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M1] }

        """,
    ]

    /// milestones.yaml with a dangling dependency (line 3, column 58).
    static let brokenMilestones = """
    milestones:
      - { id: M1, name: Design, date: 2026-02-01, status: done, done_on: 2026-02-01 }
      - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M9] }

    """
}
