import Foundation
import Testing

/// The scripts in hooks/ on their own: what they ask charter to do for each input git gives
/// them, with a stand-in `charter` (CHARTER=…) that records its arguments. The real
/// `charter check` behind commit-msg, pre-push and pre-receive is tested with it.
@Suite struct HookScriptTests {
    static var scripts: [String: String] { (try? EmbeddedResourcesTests.folderContents("hooks")) ?? [:] }

    /// A folder with a stand-in charter that logs each call's arguments, one line per call.
    final class Stand {
        let repo: HookRepo
        let log: String
        let fake: String

        init(bare: Bool = false) throws {
            repo = try HookRepo(bare ? "server.git" : "repo", bare: bare)
            log = repo.fixture.url("calls.log").path
            fake = repo.fixture.url("fake-charter").path
            try repo.fixture.write("fake-charter", "#!/bin/sh\necho \"$*\" >> \"\(log)\"\nexit ${FAKE_STATUS:-0}\n")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        }

        /// Stages a plan file (at the top, and under `plans/`): what makes pre-commit and
        /// commit-msg start charter at all. Only the index has them: the worktree stays empty,
        /// so the hook looks for `charter.root`.
        func stagePlans() throws {
            for folder in ["", "plans/"] {
                try repo.write(folder + "programs/pay/program.yaml", "id: pay\n")
                try repo.gitOK("add", folder + "programs/pay/program.yaml")
                try FileManager.default.removeItem(atPath: repo.file(folder + "programs"))
            }
        }

        /// Copies a script from hooks/ into a hooks folder of the repository, as installing would.
        func place(_ hook: String) throws -> String {
            let folder = repo.fixture.url(repo.name + "/" + (repo.name.hasSuffix(".git") ? "" : ".git/") + "hooks").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = folder + "/" + hook
            try Data(HookScriptTests.scripts[hook]!.utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            return path
        }

        /// Runs a hook as git does: by its path, with arguments and standard input, in the repository.
        func run(_ script: String, _ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Run.Result {
            let input = repo.fixture.url("stdin-\(UUID().uuidString)").path
            try Data(stdin.utf8).write(to: URL(fileURLWithPath: input))
            return try Run.process("/bin/sh", ["-c", "\"$0\" \"$@\" < \"\(input)\"", script] + arguments, in: repo.path,
                                   environment: repo.environment.merging(["CHARTER": fake]) { $1 }.merging(environment) { $1 })
        }

        var calls: [String] {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
    }

    static let zero = String(repeating: "0", count: 40)

    @Test("every script is POSIX sh that parses, carries its marker, and names no bash-only syntax")
    func scriptsAreSmallPosixShell() throws {
        #expect(Set(Self.scripts.keys) == ["pre-commit", "commit-msg", "pre-push", "pre-receive"])
        for (name, text) in Self.scripts {
            #expect(text.hasPrefix("#!/bin/sh\n# charter-hook: \(name)\n"), "\(name)")
            let parse = try Run.process("/bin/sh", ["-n", "-c", text], in: "/")
            #expect(parse.status == 0, "\(name): \(parse.stderr)")
            #expect(!text.contains("[["), "\(name) uses [[")
            #expect(Self.gitCommands(in: text).isSubset(of: ["config", "cat-file", "diff", "diff-index"]),
                    "\(name) may only read from git: \(Self.gitCommands(in: text))")
        }
    }

    /// The git subcommands a script runs (comments, messages and here-documents aside).
    static func gitCommands(in script: String) -> Set<String> {
        var commands: Set<String> = []
        var inHereDocument = false
        for line in script.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if inHereDocument { inHereDocument = line != "MESSAGE"; continue }
            if line.contains("<<MESSAGE") { inHereDocument = true; continue }
            if line.hasPrefix("#") || line.hasPrefix("echo ") { continue }
            for match in line.matches(of: /(?:^|[\s(!])git ([a-z-]+)/) { commands.insert(String(match.1)) }
        }
        return commands
    }

    @Test func preCommitValidatesTheIndexAndPassesCharterRoot() throws {
        let stand = try Stand()
        try stand.stagePlans()
        let script = try stand.place("pre-commit")
        #expect(try stand.run(script, []).status == 0)
        try stand.repo.gitOK("config", "charter.root", "plans")
        #expect(try stand.run(script, []).status == 0)
        #expect(stand.calls == ["validate --staged --changed", "validate --staged --changed -C plans"])
        // A workspace at the top wins, and the hook then reads no git config.
        try stand.repo.write("charter.yaml", "version: 1\n")
        #expect(try stand.run(script, []).status == 0)
        #expect(stand.calls.last == "validate --staged --changed")
        let failed = try stand.run(script, [], environment: ["FAKE_STATUS": "1"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("git commit --no-verify"))
    }

    @Test func commitMsgChecksTheMessageAfterTheChainedHookEditedIt() throws {
        let stand = try Stand()
        try stand.stagePlans()
        let script = try stand.place("commit-msg")
        try stand.repo.writeHook(".git/hooks/commit-msg.charter-chained", "#!/bin/sh\necho 'Reason: edited by the chained hook' >> \"$1\"\n")
        let message = stand.repo.file(".git/COMMIT_EDITMSG")
        try "Slip M2\n".write(toFile: message, atomically: true, encoding: .utf8)
        let result = try stand.run(script, [message])
        #expect(result.status == 0, "\(result.output)")
        #expect(stand.calls == ["check --staged --message-file \(message)"])
        #expect(try String(contentsOfFile: message, encoding: .utf8) == "Slip M2\nReason: edited by the chained hook\n")

        let refused = try stand.run(script, [message], environment: ["FAKE_STATUS": "1"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("your message is kept in \(message)"))
    }

    @Test("pre-commit and commit-msg do not start charter for a commit that stages no plan file")
    func commitsWithoutPlanChangesDoNotStartCharter() throws {
        let stand = try Stand()
        try stand.repo.commitWorkspace()
        let preCommit = try stand.place("pre-commit"), commitMsg = try stand.place("commit-msg")
        let message = stand.repo.file(".git/COMMIT_EDITMSG")
        try "Docs\n".write(toFile: message, atomically: true, encoding: .utf8)
        try stand.repo.write("README.md", "x\n")
        try stand.repo.gitOK("add", "README.md")
        // Nothing in charter.root's folder counts either.
        try stand.repo.write("plans-notes/programs.txt", "x\n")
        try stand.repo.gitOK("add", "plans-notes/programs.txt")
        #expect(try stand.run(preCommit, [], environment: ["FAKE_STATUS": "1"]).status == 0)
        #expect(try stand.run(commitMsg, [message], environment: ["FAKE_STATUS": "1"]).status == 0)
        #expect(stand.calls.isEmpty, "\(stand.calls)")
        // A staged plan file, even only its people.yaml or a new program: charter runs.
        for path in ["people.yaml", "programs/web/program.yaml", "charter.yaml"] {
            try stand.repo.write(path, "# edited\n")
            try stand.repo.gitOK("add", path)
            #expect(try stand.run(preCommit, []).status == 0)
            try stand.repo.gitOK("reset", "-q", "--", path)
        }
        #expect(stand.calls == Array(repeating: "validate --staged --changed", count: 3))
        // A workspace in a folder: only its plan files count.
        try stand.repo.gitOK("config", "charter.root", "plans")
        try FileManager.default.removeItem(atPath: stand.repo.file("charter.yaml"))
        try FileManager.default.removeItem(atPath: stand.repo.file("programs"))
        #expect(try stand.run(preCommit, []).status == 0)
        #expect(stand.calls.count == 3)
        try stand.repo.write("plans/programs/pay/milestones.yaml", "milestones: []\n")
        try stand.repo.gitOK("add", "plans/programs/pay/milestones.yaml")
        #expect(try stand.run(commitMsg, [message]).status == 0)
        #expect(stand.calls.last == "check --staged --message-file \(message) -C plans")
    }

    @Test("within one git commit, commit-msg takes pre-commit's answer once; a stale answer or git merge (commit-msg alone) asks git")
    func commitMsgTakesPreCommitsAnswerOnlyFromItsOwnCommit() throws {
        let stand = try Stand()
        try stand.repo.commitWorkspace()
        _ = try stand.place("pre-commit")
        let commitMsg = try stand.place("commit-msg")
        let charter = ["CHARTER": stand.fake]
        // A chained commit-msg hook runs before charter's reads the answer: it shows what pre-commit left.
        try stand.repo.writeHook(".git/hooks/commit-msg.charter-chained", "#!/bin/sh\ncat .git/CHARTER_PRE_COMMIT > .git/answer-seen\n")
        func answer() throws -> String { try stand.repo.read(".git/CHARTER_PRE_COMMIT") }
        // No plan change: neither hook starts charter.
        try stand.repo.write("README.md", "x\n")
        try stand.repo.gitOK("add", "README.md")
        let docs = try stand.repo.git("commit", "-q", "-m", "Docs", environment: charter)
        #expect(docs.status == 0, "\(docs.output)")
        #expect(stand.calls.isEmpty, "\(stand.calls)")
        let none = try stand.repo.read(".git/answer-seen")
        #expect(none.wholeMatch(of: /[0-9]+ none\n/) != nil, "\(none)")
        #expect(try answer() == "", "commit-msg empties the answer it took")
        // A plan change: both hooks start charter, commit-msg without asking git again.
        try stand.repo.write("programs/pay/milestones.yaml", "milestones: []\n")
        try stand.repo.gitOK("add", "programs/pay/milestones.yaml")
        let plans = try stand.repo.git("commit", "-q", "-m", "Plans", environment: charter)
        #expect(plans.status == 0, "\(plans.output)")
        #expect(stand.calls == ["validate --staged --changed", "check --staged --message-file .git/COMMIT_EDITMSG"])
        #expect(try stand.repo.read(".git/answer-seen").hasSuffix(" plans\n"))
        #expect(try answer() == "")
        // An answer left by another git process is not believed: commit-msg asks git, which sees the plan change.
        try stand.repo.write("programs/pay/milestones.yaml", "milestones: [] # again\n")
        try stand.repo.gitOK("add", "programs/pay/milestones.yaml")
        try stand.repo.write(".git/CHARTER_PRE_COMMIT", none)
        let message = stand.repo.file(".git/COMMIT_EDITMSG")
        #expect(try stand.run(commitMsg, [message]).status == 0)
        #expect(stand.calls.last == "check --staged --message-file \(message)")
        try stand.repo.gitOK("commit", "-q", "--no-verify", "-m", "Again")
        // git merge runs commit-msg without pre-commit: a merge that brings a plan change is checked.
        try stand.repo.gitOK("checkout", "-q", "-b", "side")
        try stand.repo.write("programs/pay/milestones.yaml", "milestones: [] # side\n")
        try stand.repo.gitOK("commit", "-q", "--no-verify", "-am", "Side")
        try stand.repo.gitOK("checkout", "-q", "main")
        try stand.repo.write("NOTES.md", "x\n")
        try stand.repo.gitOK("add", "NOTES.md")
        try stand.repo.gitOK("commit", "-q", "--no-verify", "-m", "Notes")
        try stand.repo.write(".git/CHARTER_PRE_COMMIT", none)
        let merge = try stand.repo.git("merge", "-q", "--no-ff", "-m", "Merge side", "side", environment: charter)
        #expect(merge.status == 0, "\(merge.output)")
        #expect(stand.calls.count == 4 && stand.calls.last?.hasPrefix("check --staged --message-file ") == true, "\(stand.calls)")
    }

    @Test("one process that runs both hooks (not git): commit-msg takes pre-commit's answer only while the index is unchanged since")
    func answerIsNotTakenAfterTheIndexChanged() throws {
        let stand = try Stand()
        try stand.repo.commitWorkspace()
        let preCommit = try stand.place("pre-commit"), commitMsg = try stand.place("commit-msg")
        let message = stand.repo.file(".git/COMMIT_EDITMSG")
        try "Docs\n".write(toFile: message, atomically: true, encoding: .utf8)
        try stand.repo.write("README.md", "x\n")
        try stand.repo.gitOK("add", "README.md")
        try stand.repo.write("programs/pay/milestones.yaml", "milestones: []\n")
        // Both hooks as children of one shell, as a long-lived hook runner would start them;
        // `between` runs after pre-commit (a pause first: file times have a few ms of grain).
        func runBoth(between: String) throws -> Run.Result {
            try Run.process("/bin/sh", ["-c", "\"$0\" && sleep 0.05 && \(between) && \"$1\" \"$2\"; status=$?; exit $status",
                                        preCommit, commitMsg, message],
                            in: stand.repo.path, environment: stand.repo.environment.merging(["CHARTER": stand.fake]) { $1 })
        }
        // The index unchanged: commit-msg takes "none" and starts neither git nor charter.
        #expect(try runBoth(between: "true").status == 0)
        #expect(stand.calls.isEmpty, "\(stand.calls)")
        #expect(try stand.repo.read(".git/CHARTER_PRE_COMMIT") == "", "taken, and emptied")
        // A plan file staged after pre-commit answered: commit-msg asks git, which sees it.
        #expect(try runBoth(between: "git add programs/pay/milestones.yaml").status == 0)
        #expect(stand.calls == ["check --staged --message-file \(message)"], "\(stand.calls)")
    }

    @Test("before the first commit (no HEAD) and for a staged deletion, the plan-path test is still exact")
    func planPathTestWithoutHeadAndForDeletions() throws {
        let stand = try Stand()
        let preCommit = try stand.place("pre-commit"), commitMsg = try stand.place("commit-msg")
        let message = stand.repo.file(".git/COMMIT_EDITMSG")
        try "First\n".write(toFile: message, atomically: true, encoding: .utf8)
        // No HEAD yet, nothing of the plans staged: charter is not started (there is no workspace to check).
        try stand.repo.write("README.md", "x\n")
        try stand.repo.gitOK("add", "README.md")
        #expect(try stand.run(preCommit, [], environment: ["FAKE_STATUS": "1"]).status == 0)
        #expect(try stand.run(commitMsg, [message], environment: ["FAKE_STATUS": "1"]).status == 0)
        #expect(stand.calls.isEmpty, "\(stand.calls)")
        // No HEAD yet, a plan file staged: charter checks it, and its refusal stops the commit.
        try stand.repo.write("charter.yaml", "version: 1\n")
        try stand.repo.gitOK("add", "charter.yaml")
        #expect(try stand.run(preCommit, [], environment: ["FAKE_STATUS": "1"]).status == 1)
        #expect(try stand.run(commitMsg, [message], environment: ["FAKE_STATUS": "1"]).status == 1)
        #expect(stand.calls == ["validate --staged --changed", "check --staged --message-file \(message)"])
        // After a commit, staging only the deletion of a plan file is a plan change.
        try stand.repo.gitOK("commit", "-q", "--no-verify", "-m", "First")
        try stand.repo.gitOK("rm", "-q", "--cached", "charter.yaml")
        #expect(try stand.run(preCommit, []).status == 0)
        #expect(stand.calls.count == 3)
    }

    @Test("pre-push: a range per updated ref, --exclude-remote for new branches and unknown remote tips, nothing for deletions")
    func prePushChecksEachPushedRange() throws {
        let stand = try Stand()
        try stand.repo.commitWorkspace()
        try stand.repo.write("README.md", "x\n")
        try stand.repo.gitOK("add", "README.md")
        try stand.repo.gitOK("commit", "-q", "--no-verify", "-m", "second")
        let first = try stand.repo.gitOK("rev-parse", "HEAD~1").trimmingCharacters(in: .whitespacesAndNewlines)
        let second = try stand.repo.gitOK("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let unknown = String(repeating: "ab", count: 20)
        let script = try stand.place("pre-push")
        // The chained hook sees the same arguments and lines.
        try stand.repo.writeHook(".git/hooks/pre-push.charter-chained", "#!/bin/sh\n{ echo \"args: $*\"; cat; } > \"$(git rev-parse --git-dir)/chained-input\"\n")
        let lines = """
        refs/heads/main \(second) refs/heads/main \(first)
        refs/heads/feature \(second) refs/heads/feature \(Self.zero)
        (delete) \(Self.zero) refs/heads/old \(first)
        refs/heads/forced \(second) refs/heads/forced \(unknown)

        """
        let result = try stand.run(script, ["origin", "git@example.com:plans.git"], stdin: lines)
        #expect(result.status == 0, "\(result.output)")
        #expect(stand.calls == [
            "check \(first)..\(second)",
            "check --exclude-remote origin \(second)",
            "check --exclude-remote origin \(second)",
        ])
        #expect(try stand.repo.read(".git/chained-input") == "args: origin git@example.com:plans.git\n" + lines)

        // SHA-256 repositories have 64-digit ids; all zeros still means "none".
        let long = String(repeating: "0", count: 64)
        #expect(try stand.run(script, ["origin", "url"], stdin: "(delete) \(long) refs/heads/x \(long)\n").status == 0)
        #expect(stand.calls.count == 3)

        let refused = try stand.run(script, ["origin", "url"], stdin: lines, environment: ["FAKE_STATUS": "1"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("stopped the push of refs/heads/main to refs/heads/main"), "\(refused.stderr)")
        #expect(stand.calls.count == 4, "stops at the first refused ref")
    }

    @Test("pre-receive: a range per updated ref, --exclude-existing-refs for new refs, nothing for deletions")
    func preReceiveChecksEachRefUpdate() throws {
        let stand = try Stand(bare: true)
        let work = try HookRepo("work", fixture: stand.repo.fixture)
        try work.commitWorkspace()
        try work.write("README.md", "x\n")
        try work.gitOK("add", "README.md")
        try work.gitOK("commit", "-q", "--no-verify", "-m", "second")
        try work.gitOK("push", "-q", "--no-verify", stand.repo.path, "main")
        let first = try work.gitOK("rev-parse", "HEAD~1").trimmingCharacters(in: .whitespacesAndNewlines)
        let second = try work.gitOK("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let script = try stand.place("pre-receive")
        try stand.repo.gitOK("config", "charter.root", "plans")
        let lines = """
        \(first) \(second) refs/heads/main
        \(Self.zero) \(second) refs/heads/feature
        \(first) \(Self.zero) refs/heads/old

        """
        let result = try stand.run(script, [], stdin: lines)
        #expect(result.status == 0, "\(result.output)")
        #expect(stand.calls == [
            "check -C plans \(first)..\(second)",
            "check -C plans --exclude-existing-refs \(second)",
        ])
        let refused = try stand.run(script, [], stdin: lines, environment: ["FAKE_STATUS": "1"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the server refused the update of refs/heads/main"))
    }

    @Test("pre-receive without charter refuses the push and tells the pusher to ask the administrator")
    func preReceiveWithoutCharterRefuses() throws {
        let stand = try Stand(bare: true)
        let script = try stand.place("pre-receive")
        let result = try stand.run(script, [], stdin: "\(Self.zero) \(String(repeating: "1", count: 40)) refs/heads/main\n",
                                   environment: ["CHARTER": "charter-that-is-not-there", "PATH": "/usr/bin:/bin"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("was not found on the server's PATH"), "\(result.stderr)")
        #expect(result.stderr.contains("administrator"))
        #expect(!result.stderr.contains("--no-verify"), "a server hook cannot be skipped")
    }

    @Test("a chained hook that is not executable is skipped, as git would skip it")
    func nonExecutableChainedHookIsSkipped() throws {
        let stand = try Stand()
        try stand.stagePlans()
        let script = try stand.place("pre-commit")
        try stand.repo.writeHook(".git/hooks/pre-commit.charter-chained", "#!/bin/sh\nexit 1\n", executable: false)
        #expect(try stand.run(script, []).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stand.repo.file(".git/hooks/pre-commit.charter-chained"))
        #expect(try stand.run(script, []).status == 1)
        #expect(stand.calls == ["validate --staged --changed"], "charter does not run after the chained hook failed")
    }
}
