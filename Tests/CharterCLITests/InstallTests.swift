import Foundation
import Testing

/// `charter --version` names the commit the binary was built from, and `Scripts/install.sh`
/// installs a binary, completions that bash and zsh parse, and a man page `man` renders, into a
/// temporary prefix. (The release build is skipped with CHARTER_BINARY: the test installs the
/// binary under test; the man page tool is built once, offline, from the package's checkout.)
@Suite struct InstallTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func available(_ tool: String) -> Bool {
        (try? Run.process("/usr/bin/env", ["sh", "-c", "command -v \(tool)"], in: "/").status) == 0
    }

    @Test func versionNamesTheCommitBuiltFrom() throws {
        let result = try Run.charter(["--version"], in: "/")
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let match = try #require(line.wholeMatch(of: /0\.1\.0 \(commit ([0-9a-f]{40})(-modified)?\)/), "\(line)")
        let head = try Run.process("/usr/bin/env", ["git", "-C", Self.packageRoot.path, "rev-parse", "HEAD"], in: "/")
        if head.status == 0 {
            #expect(String(match.1) == head.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                    "built from another commit than the checkout's HEAD: rebuild after committing")
        }
    }

    @Test(.timeLimit(.minutes(30)))
    func installsBinaryCompletionsAndManPage() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("charter-prefix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let install = try Run.process("/usr/bin/env", ["bash", Self.packageRoot.appendingPathComponent("Scripts/install.sh").path, prefix.path],
                                      in: Self.packageRoot.path, environment: ["CHARTER_BINARY": Run.charterBinary])
        try #require(install.status == 0, "\(install.stderr)")
        let installed = try Run.process(prefix.appendingPathComponent("bin/charter").path, ["--version"], in: "/")
        #expect(installed.stdout == (try Run.charter(["--version"], in: "/")).stdout)

        let bash = prefix.appendingPathComponent("share/bash-completion/completions/charter").path
        let zsh = prefix.appendingPathComponent("share/zsh/site-functions/_charter").path
        let fish = prefix.appendingPathComponent("share/fish/vendor_completions.d/charter.fish").path
        for path in [bash, zsh, fish] {
            #expect(try String(contentsOfFile: path, encoding: .utf8).contains("export"), "\(path) completes the commands")
        }
        let bashCheck = try Run.process("/usr/bin/env", ["bash", "-n", bash], in: "/")
        #expect(bashCheck.status == 0, "\(bashCheck.stderr)")
        if Self.available("zsh") {
            let zshCheck = try Run.process("/usr/bin/env", ["zsh", "-n", zsh], in: "/")
            #expect(zshCheck.status == 0, "\(zshCheck.stderr)")
        }
        if Self.available("fish") {
            let fishCheck = try Run.process("/usr/bin/env", ["fish", "--no-execute", fish], in: "/")
            #expect(fishCheck.status == 0, "\(fishCheck.stderr)")
        }

        let page = prefix.appendingPathComponent("share/man/man1/charter.1").path
        try #require(FileManager.default.fileExists(atPath: page), "no man page: \(install.stderr)")
        if Self.available("man") {
            let man = try Run.process("/usr/bin/env", ["man", "-l", page], in: "/", environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"])
            #expect(man.status == 0, "\(man.stderr)")
            #expect(man.stdout.contains("CHARTER(1)") && man.stdout.contains("validate"), "\(man.stdout.prefix(400))")
        }
    }
}
