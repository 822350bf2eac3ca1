import Foundation
import Testing

/// A real repository whose hooks find the built `charter` on PATH, as a user's would.
///
/// Every git and charter run gets the same hermetic environment: HOME is the fixture's
/// folder (no user config, for git nor for libgit2), a fixed date, and PATH with a folder
/// holding a `charter` link to the binary under test in front.
final class HookRepo {
    let fixture: Fixture
    /// The repository's folder, relative to the fixture.
    let name: String
    /// A folder with `charter` in it, first on PATH.
    let bin: URL

    init(_ name: String = "repo", bare: Bool = false, fixture: Fixture? = nil) throws {
        self.fixture = try fixture ?? Fixture()
        self.name = name
        bin = self.fixture.url("bin")
        if !FileManager.default.fileExists(atPath: bin.appendingPathComponent("charter").path) {
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("charter").path,
                                                       withDestinationPath: Run.charterBinary)
        }
        try self.fixture.git(bare ? ["init", "-q", "--bare", name] : ["init", "-q", name])
    }

    var path: String { fixture.url(name).path }
    func file(_ relative: String) -> String { path + "/" + relative }
    var hooksFolder: String { file(".git/hooks") }

    /// PATH with the test's `charter` first.
    var searchPath: String { bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") }

    var environment: [String: String] {
        Run.gitEnvironment.merging(["HOME": fixture.path, "XDG_CONFIG_HOME": fixture.path + "/.config",
                                    "PATH": searchPath, "NO_COLOR": "1"]) { $1 }
    }

    /// Runs git; failure is a result to look at, not an error.
    @discardableResult
    func git(_ arguments: String..., in folder: String? = nil, environment extra: [String: String] = [:]) throws -> Run.Result {
        try Run.process("/usr/bin/env", ["git", "-c", "user.name=Test User", "-c", "user.email=test@example.com",
                                         "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + arguments,
                        in: folder ?? path, environment: environment.merging(extra) { $1 })
    }

    /// Runs git and fails the test when git fails.
    @discardableResult
    func gitOK(_ arguments: String..., in folder: String? = nil) throws -> String {
        let result = try Run.process("/usr/bin/env", ["git", "-c", "user.name=Test User", "-c", "user.email=test@example.com",
                                                      "-c", "commit.gpgsign=false"] + arguments,
                                     in: folder ?? path, environment: environment)
        guard result.status == 0 else {
            throw FixtureError("git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }

    @discardableResult
    func charter(_ arguments: String..., in folder: String? = nil, environment extra: [String: String] = [:]) throws -> Run.Result {
        try Run.charter(arguments, in: folder ?? path, environment: environment.merging(extra) { $1 })
    }

    func write(_ relative: String, _ text: String) throws {
        try fixture.write(name + "/" + relative, text)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: file(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: file(relative), isDirectory: &isDirectory)
    }

    /// The small valid workspace, committed without hooks.
    func commitWorkspace() throws {
        try fixture.writeWorkspace(in: name)
        try gitOK("add", "-A")
        try gitOK("commit", "-q", "--no-verify", "-m", "plans")
    }

    var commitCount: Int {
        get throws { Int(try gitOK("rev-list", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
    }

    /// Makes a file a hook: written and marked executable.
    func writeHook(_ relative: String, _ text: String, executable: Bool = true) throws {
        try write(relative, text)
        try FileManager.default.setAttributes([.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: file(relative))
    }
}

extension Run.Result {
    /// What a person sees: git shows hook output on stderr, charter's results are on stdout.
    var output: String { stdout + stderr }
}

enum HookSamples {
    static var validMilestones: String { Samples.workspace["programs/pay/milestones.yaml"]! }
    static var brokenMilestones: String { Samples.brokenMilestones }
    /// Where and what the finding in `brokenMilestones` is.
    static let finding = "programs/pay/milestones.yaml:3:58"
}
