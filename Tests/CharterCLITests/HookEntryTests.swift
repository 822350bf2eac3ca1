@testable import CharterCLI
import Foundation
import Testing

/// The hooks' two command lines skip ArgumentParser (`HookEntry`): exactly those shapes, and with
/// the same output, stderr and exit status as the same options parsed by ArgumentParser.
@Suite struct HookEntryTests {
    @Test("the hook scripts' command lines are recognised, with or without -C DIR")
    func recognised() {
        #expect(HookEntry.invocation(["validate", "--staged", "--changed"]) == .validateStaged(workspace: nil))
        #expect(HookEntry.invocation(["validate", "--staged", "--changed", "-C", "plans"]) == .validateStaged(workspace: "plans"))
        #expect(HookEntry.invocation(["check", "--staged", "--message-file", ".git/COMMIT_EDITMSG"])
                == .checkStaged(messageFile: ".git/COMMIT_EDITMSG", workspace: nil))
        #expect(HookEntry.invocation(["check", "--staged", "--message-file", "m", "-C", "a b"])
                == .checkStaged(messageFile: "m", workspace: "a b"))
    }

    @Test("the table the fast path matches is the scripts' lines (their charter line, and what their set -- lines put in \"$@\")")
    func tableFollowsTheScripts() {
        let workspace: [[ScriptCommand.Word]] = [[.literal("-C"), .value]]
        #expect(ScriptCommand(script: HookName.preCommit.script) == ScriptCommand(
            words: [.literal("validate"), .literal("--staged"), .literal("--changed")], tails: workspace))
        #expect(ScriptCommand(script: HookName.commitMsg.script) == ScriptCommand(
            words: [.literal("check"), .literal("--staged"), .literal("--message-file"), .value], tails: workspace))
        // The run-time table is not read from the scripts: were a script to change its line, this fails.
        for hook in [HookName.preCommit, .commitMsg] {
            #expect(HookEntry.knownCommand(hook) != nil)
            #expect(ScriptCommand(script: hook.script) == HookEntry.knownCommand(hook), "hooks/\(hook.rawValue)")
        }
        // The hooks that do not commit take no fast path.
        #expect(HookEntry.knownCommand(.prePush) == nil)
        #expect(HookEntry.knownCommand(.preReceive) == nil)
        // A script's line is read as it now reads (so the check above would see an edit); one without such a line has none.
        let edited = HookName.preCommit.script.replacingOccurrences(of: "validate --staged --changed \"$@\"",
                                                                    with: "validate --staged --changed --strict \"$@\"")
        let command = ScriptCommand(script: edited)
        #expect(command?.matches(["validate", "--staged", "--changed", "--strict"]) == true)
        #expect(command?.matches(["validate", "--staged", "--changed"]) == false)
        #expect(command != HookEntry.knownCommand(.preCommit))
        #expect(ScriptCommand(script: "#!/bin/sh\ncharter validate\n") == nil)
    }

    @Test("any other shape goes to ArgumentParser", arguments: [
        [], ["validate"], ["validate", "--staged"], ["validate", "--changed", "--staged"],
        ["validate", "--staged", "--changed", "--format", "json"], ["validate", "--staged", "--changed", "-C"],
        ["validate", "--staged", "--changed", "-C", "--help"], ["validate", "--staged", "--changed", "-C", ""],
        ["validate", "--staged", "--changed", "--root", "plans"], ["validate", "--staged", "--changed", "-C", "a", "b"],
        ["check", "--staged"], ["check", "--staged", "--message-file"], ["check", "--staged", "--message-file", "--help"],
        ["check", "--staged", "--message-file", "m", "HEAD"], ["check", "--message-file", "m", "--staged"],
        ["--version"], ["help", "validate"],
    ])
    func otherShapes(arguments: [String]) {
        #expect(HookEntry.invocation(arguments) == nil)
    }

    /// Runs the hook's command line and the same options in another order (which ArgumentParser
    /// parses) and requires the same bytes on stdout and stderr and the same status.
    static func expectSame(_ repo: HookRepo, _ fast: [String], _ parsed: [String], in folder: String? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Run.Result {
        let environment = repo.environment.merging(["CHARTER_HOOK": "1"]) { $1 }
        let viaHookEntry = try Run.charter(fast, in: folder ?? repo.path, environment: environment)
        let viaParser = try Run.charter(parsed, in: folder ?? repo.path, environment: environment)
        #expect(viaHookEntry.status == viaParser.status, sourceLocation: sourceLocation)
        #expect(viaHookEntry.stdout == viaParser.stdout, sourceLocation: sourceLocation)
        #expect(viaHookEntry.stderr == viaParser.stderr, sourceLocation: sourceLocation)
        return viaHookEntry
    }

    @Test("pre-commit's validate --staged --changed: the same result as through ArgumentParser, clean, with findings, and outside a repository")
    func validateSame() throws {
        let repo = try HookRepo.planned(policy: CRSamples.policy)
        let clean = try Self.expectSame(repo, ["validate", "--staged", "--changed"], ["validate", "--changed", "--staged"])
        #expect(clean.status == 0, "\(clean.output)")

        try repo.write("programs/pay/milestones.yaml", Samples.brokenMilestones)
        try repo.gitOK("add", "-A")
        let broken = try Self.expectSame(repo, ["validate", "--staged", "--changed"], ["validate", "--changed", "--staged"])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("programs/pay/milestones.yaml:"), "\(broken.output)")

        let elsewhere = try Fixture()
        let outside = try Self.expectSame(repo, ["validate", "--staged", "--changed"], ["validate", "--changed", "--staged"],
                                          in: elsewhere.path)
        #expect(outside.status == 2, "\(outside.output)")
    }

    @Test("validate with -C DIR for a workspace in a folder: the same result as through ArgumentParser")
    func validateInFolder() throws {
        let repo = try HookRepo()
        try repo.fixture.writeWorkspace(in: repo.name + "/plans")
        try repo.write("plans/programs/pay/milestones.yaml", Samples.brokenMilestones)
        try repo.gitOK("add", "-A")
        let result = try Self.expectSame(repo, ["validate", "--staged", "--changed", "-C", "plans"],
                                         ["validate", "--changed", "--staged", "--root", "plans"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("programs/pay/milestones.yaml:3:58: error"), "\(result.output)")
    }

    @Test("commit-msg's check --staged --message-file: refused, accepted and unreadable message give the same result as through ArgumentParser")
    func checkSame() throws {
        let repo = try HookRepo.planned(policy: CRSamples.policy)
        try repo.write("programs/pay/milestones.yaml", CRSamples.milestones(beta: "2026-05-20"))
        try repo.gitOK("add", "-A")
        try repo.write(".git/MSG", "Slip Beta\n\nThe vendor is late.\n")
        let refused = try Self.expectSame(repo, ["check", "--staged", "--message-file", ".git/MSG"],
                                          ["check", "--message-file", ".git/MSG", "--staged"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("M2 slips 19 days"), "\(refused.output)")

        try repo.write(".git/MSG", "Slip Beta\n\nApproved-by: Carol Diaz <carol@example.com>\n")
        let accepted = try Self.expectSame(repo, ["check", "--staged", "--message-file", ".git/MSG"],
                                           ["check", "--message-file", ".git/MSG", "--staged"])
        #expect(accepted.status == 0, "\(accepted.output)")

        let missing = try Self.expectSame(repo, ["check", "--staged", "--message-file", "no-such-file"],
                                          ["check", "--message-file", "no-such-file", "--staged"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read the commit message no-such-file"), "\(missing.output)")
    }
}
