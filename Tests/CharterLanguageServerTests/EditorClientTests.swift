import Foundation
import Testing

/// Runs the end-to-end tests in Tests/lsp: a real LSP client (pytest-lsp, on pygls and
/// lsprotocol) drives the built `charter lsp` binary over pipes. Scripts/install-dependencies.sh
/// installs the client; without it this test fails rather than skips, so CI cannot pass
/// without having spoken LSP to the server.
@Suite struct EditorClientTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var charterBinary: String {
        ProcessInfo.processInfo.environment["CHARTER_BINARY"] ?? packageRoot.appendingPathComponent(".build/debug/charter").path
    }

    @Test func aRealLanguageClientDrivesTheServer() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "Tests/lsp"]
        process.currentDirectoryURL = Self.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["CHARTER_BINARY"] = Self.charterBinary
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if text.contains("No module named pytest") || text.contains("ModuleNotFoundError") {
            Issue.record("the LSP client tests need pytest-lsp: run Scripts/install-dependencies.sh\n\(text)")
            return
        }
        #expect(process.terminationStatus == 0, "python3 -m pytest Tests/lsp failed:\n\(text)")
        #expect(text.contains(" passed"), "pytest ran no test:\n\(text)")
    }
}
