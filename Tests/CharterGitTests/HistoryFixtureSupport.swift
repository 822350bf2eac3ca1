import Foundation
import Testing

/// Feeds a `git fast-import` stream from `file` into the repository at `repo`: the quick
/// way to build thousands of real commits (and notes) for a test.
func fastImport(_ fixture: GitFixture, _ file: String, in repo: String) throws {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
    environment["HOME"] = fixture.root
    environment["XDG_CONFIG_HOME"] = fixture.root + "/.config"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "fast-import", "--quiet"]
    process.currentDirectoryURL = URL(fileURLWithPath: repo)
    process.environment = environment
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw FixtureError("git fast-import failed: " + String(decoding: stderr, as: UTF8.self))
    }
}
