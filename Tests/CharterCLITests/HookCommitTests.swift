import Foundation
import Testing

/// The installed pre-commit hook under real `git commit`s.
@Suite struct HookCommitTests {
    /// A repository with the valid workspace committed and charter's pre-commit hook installed.
    static func installed() throws -> HookRepo {
        let repo = try HookRepo()
        try repo.commitWorkspace()
        let install = try repo.charter("hooks", "install", "pre-commit")
        #expect(install.status == 0, "\(install.output)")
        return repo
    }

    @Test func brokenStagedPlanIsRefusedAndAValidOneCommits() throws {
        let repo = try Self.installed()
        try repo.write("programs/pay/milestones.yaml", HookSamples.brokenMilestones)
        try repo.gitOK("add", "programs/pay/milestones.yaml")
        let refused = try repo.git("commit", "-m", "Point Beta at M9")
        #expect(refused.status != 0)
        #expect(refused.output.contains(HookSamples.finding), "\(refused.output)")
        #expect(refused.output.contains("[unknown-reference]"))
        #expect(refused.output.contains("the pre-commit hook stopped this commit"))
        #expect(try repo.commitCount == 1)

        try repo.write("programs/pay/milestones.yaml", HookSamples.validMilestones.replacingOccurrences(of: "Beta", with: "Public beta"))
        try repo.gitOK("add", "programs/pay/milestones.yaml")
        let accepted = try repo.git("commit", "-m", "Rename Beta")
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(try repo.commitCount == 2)
    }

    @Test("a partially staged file is judged by its staged part: a broken index with a fixed worktree fails")
    func brokenIndexFixedWorktreeFails() throws {
        let repo = try Self.installed()
        try repo.write("programs/pay/milestones.yaml", HookSamples.brokenMilestones)
        try repo.gitOK("add", "programs/pay/milestones.yaml")
        try repo.write("programs/pay/milestones.yaml", HookSamples.validMilestones)
        let result = try repo.git("commit", "-m", "half fixed")
        #expect(result.status != 0)
        #expect(result.output.contains(HookSamples.finding), "\(result.output)")
        #expect(try repo.commitCount == 1)
    }

    @Test("a fixed index with a broken worktree commits: only what is staged counts")
    func fixedIndexBrokenWorktreePasses() throws {
        let repo = try Self.installed()
        let renamed = HookSamples.validMilestones.replacingOccurrences(of: "Design", with: "Design review")
        try repo.write("programs/pay/milestones.yaml", renamed)
        try repo.gitOK("add", "programs/pay/milestones.yaml")
        try repo.write("programs/pay/milestones.yaml", HookSamples.brokenMilestones)
        let result = try repo.git("commit", "-m", "rename M1")
        #expect(result.status == 0, "\(result.output)")
        #expect(try repo.gitOK("show", "HEAD:programs/pay/milestones.yaml") == renamed)
    }

    @Test("git commit -a hands the hook a temporary index (GIT_INDEX_FILE): a broken worktree change is caught")
    func commitAllUsesTheTemporaryIndex() throws {
        let repo = try Self.installed()
        try repo.write("programs/pay/milestones.yaml", HookSamples.brokenMilestones)
        let result = try repo.git("commit", "-a", "-m", "all")
        #expect(result.status != 0)
        #expect(result.output.contains(HookSamples.finding), "\(result.output)")
    }

    @Test("the hook changes neither the index nor the worktree, whether it refuses or accepts")
    func hookLeavesIndexAndWorktreeAlone() throws {
        let repo = try Self.installed()
        try repo.write("notes.txt", "untracked\n")
        try repo.write("programs/pay/milestones.yaml", HookSamples.brokenMilestones)
        try repo.gitOK("add", "programs/pay/milestones.yaml")
        try repo.write("programs/pay/milestones.yaml", HookSamples.validMilestones + "# a comment\n")
        func snapshot() throws -> [String] {
            [try repo.gitOK("status", "--porcelain", "--untracked-files=all"), try repo.gitOK("diff"),
             try repo.gitOK("diff", "--cached"), try repo.gitOK("ls-files", "--stage"), try repo.read("programs/pay/milestones.yaml")]
        }
        let before = try snapshot()
        #expect(try repo.git("commit", "-m", "refused").status != 0)
        #expect(try snapshot() == before)

        // Accepted: the commit holds exactly the index, and the unstaged part stays unstaged.
        try repo.write("programs/pay/milestones.yaml", HookSamples.validMilestones.replacingOccurrences(of: "Beta", with: "GA"))
        try repo.gitOK("add", "programs/pay/milestones.yaml")
        try repo.write("programs/pay/milestones.yaml", HookSamples.brokenMilestones)
        let tree = try repo.gitOK("write-tree")
        let unstaged = try repo.gitOK("diff")
        let accepted = try repo.git("commit", "-m", "accepted")
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(try repo.gitOK("rev-parse", "HEAD^{tree}") == tree)
        #expect(try repo.gitOK("diff") == unstaged)
        #expect(try repo.read("programs/pay/milestones.yaml") == HookSamples.brokenMilestones)
        #expect(try repo.read("notes.txt") == "untracked\n")
    }

    @Test func commitWithoutPlanChangesPasses() throws {
        let repo = try Self.installed()
        try repo.write("README.md", "# Plans\n")
        try repo.gitOK("add", "README.md")
        let result = try repo.git("commit", "-m", "readme")
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("a broken charter.yaml blocks the commit with its position")
    func brokenSettingsBlock() throws {
        let repo = try Self.installed()
        try repo.write("charter.yaml", "version: 1\npolicy: [unclosed\n")
        try repo.gitOK("add", "charter.yaml")
        let result = try repo.git("commit", "-m", "policy")
        #expect(result.status != 0)
        #expect(result.output.contains("charter.yaml:"), "\(result.output)")
    }

    @Test func initialCommitIsChecked() throws {
        let repo = try HookRepo()
        #expect(try repo.charter("hooks", "install", "pre-commit").status == 0)
        try repo.fixture.writeWorkspace(in: repo.name, ["programs/pay/milestones.yaml": HookSamples.brokenMilestones])
        try repo.gitOK("add", "-A")
        let refused = try repo.git("commit", "-m", "first")
        #expect(refused.status != 0)
        #expect(refused.output.contains(HookSamples.finding), "\(refused.output)")
        try repo.write("programs/pay/milestones.yaml", HookSamples.validMilestones)
        try repo.gitOK("add", "-A")
        #expect(try repo.git("commit", "-m", "first").status == 0)
    }

    @Test("without charter on PATH the hook stops the commit and says how to install or skip")
    func missingCharterIsExplained() throws {
        let repo = try Self.installed()
        try repo.write("programs/pay/milestones.yaml", HookSamples.validMilestones + "# edit\n")
        try repo.gitOK("add", "-A")
        let gitFolder = URL(fileURLWithPath: try Self.which("git")).deletingLastPathComponent().path
        let bare = ["PATH": gitFolder + ":/bin:/usr/bin"]
        #expect(!FileManager.default.fileExists(atPath: "/usr/bin/charter") && !FileManager.default.fileExists(atPath: "/bin/charter"))
        let result = try repo.git("commit", "-m", "edit", environment: bare)
        #expect(result.status != 0)
        #expect(result.stderr.contains("'charter' was not found on PATH"), "\(result.output)")
        #expect(result.stderr.contains("git commit --no-verify"))
        #expect(result.stderr.contains("CHARTER=/path/to/charter"))
        #expect(try repo.commitCount == 1)

        // CHARTER points the hook at a binary that is not on PATH.
        let explicit = try repo.git("commit", "-m", "edit", environment: bare.merging(["CHARTER": Run.charterBinary]) { $1 })
        #expect(explicit.status == 0, "\(explicit.output)")

        // A commit that changes no plan file never needs charter: the hook does not look for it.
        try repo.write("README.md", "# Plans\n")
        try repo.gitOK("add", "README.md")
        let docs = try repo.git("commit", "-m", "readme", environment: bare)
        #expect(docs.status == 0, "\(docs.output)")
        #expect(try repo.commitCount == 3)
    }

    @Test("a workspace in a folder: install finds it and saves charter.root, and the hook checks it there")
    func workspaceInAFolder() throws {
        let repo = try HookRepo()
        try repo.fixture.writeWorkspace(in: repo.name + "/plans")
        try repo.gitOK("add", "-A")
        try repo.gitOK("commit", "-q", "-m", "plans")
        let install = try repo.charter("hooks", "install", "pre-commit", in: repo.file("plans"))
        #expect(install.status == 0, "\(install.output)")
        #expect(install.stdout.contains("The workspace is in plans"), "\(install.stdout)")
        #expect(try repo.gitOK("config", "charter.root") == "plans\n")
        try repo.write("plans/programs/pay/milestones.yaml", HookSamples.brokenMilestones)
        try repo.gitOK("add", "-A")
        let result = try repo.git("commit", "-m", "broken")
        #expect(result.status != 0)
        #expect(result.output.contains("programs/pay/milestones.yaml:3:58"), "\(result.output)")
    }

    @Test("without charter.root a folder workspace would go unchecked, so install says so")
    func installWarnsWhenNoWorkspaceAtTop() throws {
        let repo = try HookRepo()
        try repo.fixture.writeWorkspace(in: repo.name + "/plans")
        let install = try repo.charter("hooks", "install", "pre-commit")
        #expect(install.status == 0)
        #expect(install.stdout.contains("--root <folder>"), "\(install.stdout)")
        let explicit = try repo.charter("hooks", "install", "--root", "plans", "pre-commit")
        #expect(explicit.stdout.contains("saved as git config charter.root"), "\(explicit.stdout)")
        #expect(try repo.gitOK("config", "charter.root") == "plans\n")
    }

    static func which(_ name: String) throws -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw FixtureError("\(name) is not on PATH")
    }
}
