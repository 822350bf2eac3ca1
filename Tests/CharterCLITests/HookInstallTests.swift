import Foundation
import Testing

/// `charter hooks install | status | uninstall`: where hooks go, and that nothing is lost.
@Suite struct HookInstallTests {
    static let userHook = """
    #!/bin/sh
    # the team's own pre-commit check
    echo "user hook ran" >> "$(git rev-parse --git-common-dir)/user-hook.log"
    [ -z "$FAIL_USER_HOOK" ]

    """

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func installsTheClientHooksByDefaultFromTheEmbeddedScripts() throws {
        let repo = try HookRepo()
        let result = try repo.charter("hooks", "install")
        #expect(result.status == 0, "\(result.output)")
        for hook in ["pre-commit", "commit-msg", "pre-push"] {
            let path = repo.hooksFolder + "/" + hook
            #expect(try String(contentsOfFile: path, encoding: .utf8) == (try EmbeddedResourcesTests.folderContents("hooks")[hook]))
            #expect(try Self.mode(path) == 0o755)
            #expect(result.stdout.contains(hook))
        }
        #expect(!repo.exists(".git/hooks/pre-receive"))
        // No temporary files are left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.hooksFolder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)

        #expect(result.stderr.isEmpty, "\(result.stderr)")

        // Again, from a shell where the hooks would not find charter: up to date, and a warning.
        let again = try repo.charter("hooks", "install", environment: ["PATH": "/usr/bin:/bin"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("already installed, up to date"), "\(again.stdout)")
        #expect(again.stderr.contains("charter: warning: 'charter' is not on PATH"), "\(again.stderr)")
    }

    @Test("an older or edited copy of charter's hook is updated in place")
    func updatesCharterHooks() throws {
        let repo = try HookRepo()
        #expect(try repo.charter("hooks", "install", "pre-commit").status == 0)
        try repo.writeHook(".git/hooks/pre-commit", try repo.read(".git/hooks/pre-commit") + "echo edited\n")
        #expect(try repo.charter("hooks", "status").stdout.contains("not this charter's copy"))
        let result = try repo.charter("hooks", "install", "pre-commit")
        #expect(result.stdout.contains("  pre-commit   updated"), "\(result.stdout)")
        #expect(!repo.exists(".git/hooks/pre-commit.charter-chained"))
        #expect(!(try repo.read(".git/hooks/pre-commit")).contains("echo edited"))
    }

    @Test("core.hooksPath (relative to the worktree top, as git reads it) is where hooks go and run")
    func honoursCoreHooksPath() throws {
        let repo = try HookRepo()
        try repo.commitWorkspace()
        try repo.gitOK("config", "core.hooksPath", ".githooks")
        try FileManager.default.createDirectory(atPath: repo.file("programs/pay/sub"), withIntermediateDirectories: true)
        let install = try repo.charter("hooks", "install", "pre-commit", in: repo.file("programs/pay/sub"))
        #expect(install.status == 0, "\(install.output)")
        #expect(install.stdout.contains("core.hooksPath = .githooks"), "\(install.stdout)")
        #expect(repo.exists(".githooks/pre-commit"))
        #expect(!repo.exists(".git/hooks/pre-commit"))
        let status = try repo.charter("hooks", "status")
        #expect(status.stdout.contains("Hooks are read from \(repo.file(".githooks")) (core.hooksPath = .githooks, in the local git config)"), "\(status.stdout)")

        try repo.write("programs/pay/milestones.yaml", HookSamples.brokenMilestones)
        try repo.gitOK("add", "programs/pay/milestones.yaml")
        let commit = try repo.git("commit", "-m", "broken")
        #expect(commit.status != 0)
        #expect(commit.output.contains(HookSamples.finding), "\(commit.output)")
    }

    @Test("an absolute core.hooksPath in the global config, and charter hooks it makes git ignore")
    func globalHooksPathAndIgnoredCopies() throws {
        let repo = try HookRepo()
        #expect(try repo.charter("hooks", "install", "pre-commit").status == 0)
        let shared = repo.fixture.url("shared-hooks").path
        try repo.fixture.write(".gitconfig", "[core]\n\thooksPath = \(shared)\n")
        let status = try repo.charter("hooks", "status")
        #expect(status.stdout.contains("core.hooksPath = \(shared), in the global git config"), "\(status.stdout)")
        #expect(status.stdout.contains("That folder does not exist yet"))
        #expect(status.stdout.contains("\(repo.hooksFolder)/pre-commit is charter's, but git does not run it"))
        #expect(try repo.charter("hooks", "install", "pre-commit").status == 0)
        #expect(FileManager.default.fileExists(atPath: shared + "/pre-commit"))
    }

    /// A repository with the workspace committed, and a linked worktree of it (`../linked`, branch feature).
    static func withLinkedWorktree() throws -> (repo: HookRepo, linked: String) {
        let repo = try HookRepo()
        try repo.commitWorkspace()
        try repo.gitOK("worktree", "add", "-q", "-b", "feature", "../linked")
        return (repo, repo.fixture.url("linked").path)
    }

    @Test("in a linked worktree, hooks go to the common hooks folder that every worktree uses")
    func linkedWorktreeUsesCommonHooks() throws {
        let (repo, linked) = try Self.withLinkedWorktree()
        let install = try repo.charter("hooks", "install", "pre-commit", in: linked)
        #expect(install.status == 0, "\(install.output)")
        #expect(repo.exists(".git/hooks/pre-commit"))
        #expect(!FileManager.default.fileExists(atPath: repo.file(".git/worktrees/linked/hooks/pre-commit")))

        try repo.fixture.write("linked/programs/pay/milestones.yaml", HookSamples.brokenMilestones)
        try repo.gitOK("add", "-A", in: linked)
        let commit = try repo.git("commit", "-m", "broken", in: linked)
        #expect(commit.status != 0)
        #expect(commit.output.contains(HookSamples.finding), "\(commit.output)")
        #expect(try repo.charter("hooks", "status", in: linked).stdout.contains("pre-commit   charter's hook, up to date; executable: git runs it before each commit"))
    }

    @Test("someone else's hook is chained: kept, run first, able to stop the commit, and put back by uninstall")
    func chainsAndRestoresAUserHook() throws {
        let repo = try HookRepo()
        try repo.commitWorkspace()
        try repo.writeHook(".git/hooks/pre-commit", Self.userHook)
        let install = try repo.charter("hooks", "install", "pre-commit")
        #expect(install.status == 0, "\(install.output)")
        #expect(install.stdout.contains("kept as pre-commit.charter-chained and runs first"), "\(install.stdout)")
        #expect(try repo.read(".git/hooks/pre-commit.charter-chained") == Self.userHook)
        #expect(try Self.mode(repo.file(".git/hooks/pre-commit.charter-chained")) == 0o755)

        // Both run: the user's hook, then charter's, which refuses the broken plan.
        try repo.write("programs/pay/milestones.yaml", HookSamples.brokenMilestones)
        try repo.gitOK("add", "-A")
        let refused = try repo.git("commit", "-m", "broken")
        #expect(refused.status != 0)
        #expect(refused.output.contains(HookSamples.finding))
        #expect(try repo.read(".git/user-hook.log") == "user hook ran\n")
        // A failing user hook stops the commit even when the plans are fine.
        try repo.write("programs/pay/milestones.yaml", HookSamples.validMilestones + "# fine\n")
        try repo.gitOK("add", "-A")
        #expect(try repo.git("commit", "-m", "fine", environment: ["FAIL_USER_HOOK": "1"]).status != 0)
        let accepted = try repo.git("commit", "-m", "fine")
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(try repo.read(".git/user-hook.log") == "user hook ran\n" + "user hook ran\n" + "user hook ran\n")

        let status = try repo.charter("hooks", "status")
        #expect(status.stdout.contains("runs the hook that was here before first: pre-commit.charter-chained"), "\(status.stdout)")

        let uninstall = try repo.charter("hooks", "uninstall")
        #expect(uninstall.status == 0)
        #expect(uninstall.stdout.contains("put back the hook kept as pre-commit.charter-chained"), "\(uninstall.stdout)")
        #expect(try repo.read(".git/hooks/pre-commit") == Self.userHook)
        #expect(try Self.mode(repo.file(".git/hooks/pre-commit")) == 0o755)
        #expect(!repo.exists(".git/hooks/pre-commit.charter-chained"))
    }

    @Test("--force replaces someone else's hook but keeps it as a backup, which uninstall restores")
    func forceKeepsABackup() throws {
        let repo = try HookRepo()
        try repo.commitWorkspace()
        try repo.writeHook(".git/hooks/pre-commit", Self.userHook)
        let install = try repo.charter("hooks", "install", "--force", "pre-commit")
        #expect(install.status == 0, "\(install.output)")
        #expect(install.stdout.contains("kept as pre-commit.charter-backup"), "\(install.stdout)")
        #expect(try repo.read(".git/hooks/pre-commit.charter-backup") == Self.userHook)
        #expect(try repo.read(".git/hooks/pre-commit") == (try EmbeddedResourcesTests.folderContents("hooks")["pre-commit"]))
        try repo.write("programs/pay/milestones.yaml", HookSamples.validMilestones + "# fine\n")
        try repo.gitOK("add", "-A")
        #expect(try repo.git("commit", "-m", "fine").status == 0)
        #expect(!repo.exists(".git/user-hook.log"), "the replaced hook must not run")

        // A second --force over another foreign hook would lose the first backup: refused.
        try repo.writeHook(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
        let second = try repo.charter("hooks", "install", "--force", "pre-commit")
        #expect(second.status == 1)
        #expect(second.stdout.contains("charter-backup is still there"), "\(second.stdout)")
        #expect(try repo.read(".git/hooks/pre-commit") == "#!/bin/sh\nexit 0\n")

        try repo.writeHook(".git/hooks/pre-commit", try EmbeddedResourcesTests.folderContents("hooks")["pre-commit"]!)
        #expect(try repo.charter("hooks", "uninstall").stdout.contains("put back the hook kept as pre-commit.charter-backup"))
        #expect(try repo.read(".git/hooks/pre-commit") == Self.userHook)
        #expect(!repo.exists(".git/hooks/pre-commit.charter-backup"))
    }

    @Test("a hook manager's hook is not chained: refused with advice, untouched, exit 1")
    func refusesHookManagers() throws {
        let repo = try HookRepo()
        let framework = "#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\n# ID: 138fd403232d2ddd5efb44317e38bf03\nexit 0\n"
        try repo.writeHook(".git/hooks/pre-commit", framework)
        let result = try repo.charter("hooks", "install")
        #expect(result.status == 1)
        #expect(result.stdout.contains("belongs to the pre-commit framework"), "\(result.stdout)")
        #expect(result.stdout.contains(".pre-commit-config.yaml"))
        #expect(try repo.read(".git/hooks/pre-commit") == framework)
        #expect(!repo.exists(".git/hooks/pre-commit.charter-chained"))
        #expect(repo.exists(".git/hooks/commit-msg"), "the other hooks are still installed")

        // husky 9: core.hooksPath = .husky/_, whose generated files name nothing.
        let husky = try HookRepo("husky-repo", fixture: repo.fixture)
        try husky.gitOK("config", "core.hooksPath", ".husky/_")
        try husky.writeHook(".husky/_/pre-commit", "#!/usr/bin/env sh\n. \"$(dirname \"$0\")/h\"\n")
        let huskyResult = try husky.charter("hooks", "install", "pre-commit")
        #expect(huskyResult.status == 1)
        #expect(huskyResult.stdout.contains("add the line 'charter validate --staged' to .husky/pre-commit"), "\(huskyResult.stdout)")
    }

    @Test("uninstall removes only charter's hooks")
    func uninstallLeavesOtherHooks() throws {
        let repo = try HookRepo()
        #expect(try repo.charter("hooks", "install", "pre-commit", "pre-push").status == 0)
        try repo.writeHook(".git/hooks/commit-msg", "#!/bin/sh\nexit 0\n")
        let result = try repo.charter("hooks", "uninstall")
        #expect(result.status == 0)
        #expect(!repo.exists(".git/hooks/pre-commit"))
        #expect(!repo.exists(".git/hooks/pre-push"))
        #expect(try repo.read(".git/hooks/commit-msg") == "#!/bin/sh\nexit 0\n")
        #expect(result.stdout.contains("  commit-msg   not charter's: left alone"), "\(result.stdout)")
        #expect(result.stdout.contains("  pre-receive  not installed"))
    }

    @Test("uninstall of pre-commit or commit-msg removes the answer pre-commit leaves, in every worktree; of pre-push alone, not")
    func uninstallRemovesPreCommitsAnswer() throws {
        let (repo, linked) = try Self.withLinkedWorktree()
        // pre-commit alone: its answer stays behind, as no commit-msg takes it.
        #expect(try repo.charter("hooks", "install", "pre-commit", "pre-push").status == 0)
        for folder in [repo.path, linked] {
            try repo.fixture.write((folder == linked ? "linked" : repo.name) + "/NOTES.md", "x\n")
            try repo.gitOK("add", "NOTES.md", in: folder)
            let commit = try repo.git("commit", "-q", "-m", "Notes", in: folder)
            #expect(commit.status == 0, "\(commit.output)")
        }
        let answers = [repo.file(".git/CHARTER_PRE_COMMIT"), repo.file(".git/worktrees/linked/CHARTER_PRE_COMMIT")]
        for answer in answers {
            #expect(try String(contentsOfFile: answer, encoding: .utf8).hasSuffix(" none\n"), "\(answer)")
        }
        #expect(try repo.charter("hooks", "uninstall", "pre-push").status == 0)
        #expect(answers.allSatisfy { FileManager.default.fileExists(atPath: $0) })

        let result = try repo.charter("hooks", "uninstall", in: linked)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.contains("  pre-commit   removed"), "\(result.stdout)")
        #expect(answers.allSatisfy { !FileManager.default.fileExists(atPath: $0) }, "\(answers)")
        #expect(try repo.charter("hooks", "uninstall").status == 0, "nothing left to remove is not an error")
    }

    @Test func statusSaysWhatGitWouldRun() throws {
        let repo = try HookRepo()
        let fresh = try repo.charter("hooks", "status")
        #expect(fresh.status == 0)
        #expect(fresh.stdout.contains("Hooks are read from \(repo.hooksFolder) (git's default: core.hooksPath is not set)."), "\(fresh.stdout)")
        #expect(fresh.stdout.contains("pre-commit   not installed"))
        #expect(fresh.stdout.contains("charter for the hooks: \(repo.bin.path)/charter"))
        #expect(fresh.stdout.contains("Workspace the hooks check: the top of the repository"))

        #expect(try repo.charter("hooks", "install", "pre-commit", "commit-msg").status == 0)
        try repo.writeHook(".git/hooks/pre-push", "#!/bin/sh\nexit 0\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: repo.file(".git/hooks/commit-msg"))
        let status = try repo.charter("hooks", "status")
        let lines = status.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("pre-commit   charter's hook, up to date; executable: git runs it before each commit"), "\(status.stdout)")
        #expect(lines.contains("             validates the staged plans (charter validate --staged)"))
        #expect(lines.contains { $0.hasPrefix("commit-msg   charter's hook, up to date; not executable: git ignores it (chmod +x ") })
        #expect(lines.contains("pre-push     someone else's hook, not charter's; executable: git runs it before each push"))
        #expect(lines.contains { $0.hasPrefix("pre-receive  not installed (a server hook") })

        let noCharter = try repo.charter("hooks", "status", environment: ["PATH": "/usr/bin:/bin"])
        #expect(noCharter.stdout.contains("charter for the hooks: not found on PATH"), "\(noCharter.stdout)")
    }

    @Test("a bare repository gets pre-receive, in its own hooks folder")
    func bareRepositoryGetsPreReceive() throws {
        let repo = try HookRepo("server.git", bare: true)
        let result = try repo.charter("hooks", "install")
        #expect(result.status == 0, "\(result.output)")
        #expect(repo.exists("hooks/pre-receive"))
        #expect(!repo.exists("hooks/pre-commit"))
        let status = try repo.charter("hooks", "status")
        #expect(status.stdout.contains("pre-receive  charter's hook, up to date; executable: git runs it on each push this repository receives"), "\(status.stdout)")
        #expect(status.stdout.contains("Hooks are read from \(repo.file("hooks")) (git's default"))
    }

    @Test func usageErrors() throws {
        let fixture = try Fixture()
        let outside = try Run.charter(["hooks", "install"], in: fixture.path, environment: ["GIT_CEILING_DIRECTORIES": fixture.path])
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("not in a git repository"), "\(outside.stderr)")
        let repo = try HookRepo(fixture: fixture)
        let unknown = try repo.charter("hooks", "install", "post-commit")
        #expect(unknown.status == 64 || unknown.status == 2, "\(unknown.output)")
        #expect(unknown.stderr.contains("pre-commit"))
    }

    @Test func showPrintsTheEmbeddedScript() throws {
        let repo = try HookRepo()
        let result = try repo.charter("hooks", "show", "pre-receive")
        #expect(result.status == 0)
        #expect(result.stdout == (try EmbeddedResourcesTests.folderContents("hooks")["pre-receive"]))
    }
}
