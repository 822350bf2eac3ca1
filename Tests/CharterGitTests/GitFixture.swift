import Foundation
import Testing

/// A temporary folder in which tests build real repositories with the git CLI.
///
/// Library code never runs git; tests do, so the fixtures are what git itself makes.
final class GitFixture {
    /// The temporary folder, with symbolic links resolved so paths compare equal to libgit2's.
    let root: String
    private var clock = 1_767_225_600  // 2026-01-01T00:00:00Z; each commit one minute later

    private init(root: String) {
        self.root = root
    }

    /// Runs `body` with a fresh fixture and removes its folder afterwards, even on failure.
    static func with<T>(_ body: (GitFixture) throws -> T) throws -> T {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("charter-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let fixture = GitFixture(root: base.resolvingSymlinksInPath().path)
        return try body(fixture)
    }

    func path(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : root + "/" + relative
    }

    /// Creates an empty repository (branch `main`) at `relative` and returns its absolute path.
    @discardableResult
    func makeRepository(_ relative: String = "repo") throws -> String {
        let repo = path(relative)
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        try git(["init", "--quiet"], in: repo)
        return repo
    }

    func write(_ relative: String, _ text: String, in repo: String) throws {
        let file = repo + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    }

    /// Stages everything and commits; returns the new commit's id.
    @discardableResult
    func commitAll(_ message: String, in repo: String) throws -> String {
        try git(["add", "--all"], in: repo)
        try git(["commit", "--quiet", "--allow-empty", "-m", message], in: repo)
        return try git(["rev-parse", "HEAD"], in: repo)
    }

    /// Runs git with an environment that ignores the user's configuration and any GIT_*
    /// variables the test run inherited (say, from a hook); returns trimmed stdout.
    @discardableResult
    func git(_ arguments: [String], in directory: String, environment extra: [String: String] = [:]) throws -> String {
        clock += 60
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["HOME"] = root
        environment["XDG_CONFIG_HOME"] = root + "/.config"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_AUTHOR_NAME"] = "Alice Ng"
        environment["GIT_AUTHOR_EMAIL"] = "alice@example.com"
        environment["GIT_AUTHOR_DATE"] = "@\(clock) +0200"
        environment["GIT_COMMITTER_NAME"] = "Bob Ode"
        environment["GIT_COMMITTER_EMAIL"] = "bob@example.com"
        environment["GIT_COMMITTER_DATE"] = "@\(clock) +0200"
        environment.merge(extra) { _, new in new }

        let settings = [
            "user.name=Alice Ng", "user.email=alice@example.com", "init.defaultBranch=main",
            "commit.gpgsign=false", "core.autocrlf=false", "advice.detachedHead=false",
            "protocol.file.allow=always",
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + settings.flatMap { ["-c", $0] } + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError(
                "git \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): "
                    + String(decoding: stderr, as: UTF8.self))
        }
        return String(decoding: stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Array where Element == UInt8 {
    var text: String { String(decoding: self, as: UTF8.self) }
}
