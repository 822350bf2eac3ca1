import Foundation
import Testing

/// The answer pre-commit leaves for commit-msg ("<pid of git> none|plans" in CHARTER_PRE_COMMIT):
/// commit-msg takes it only from its own parent, only while the index is unchanged, and only
/// once; and under every way git makes a commit, the two hooks together start charter exactly
/// when the commit changes a plan file. The scripts run from hooks/, with a stand-in charter.
@Suite struct HookAnswerTests {
    typealias Stand = HookScriptTests.Stand

    /// A stand with the workspace committed and both commit hooks in place.
    static func committed() throws -> (stand: Stand, preCommit: String, commitMsg: String) {
        let stand = try Stand()
        try stand.repo.commitWorkspace()
        return (stand, try stand.place("pre-commit"), try stand.place("commit-msg"))
    }

    /// Runs `commands` (a sh command line; `$0` is pre-commit, `$1` commit-msg, `$2` the message
    /// file) in one shell, the parent of both hooks as git is, with a `git` first on PATH that logs
    /// each call to `git.log` before running the real one. It writes its pid to `parent`.
    static func underOneParent(_ stand: Stand, _ commands: String, preCommit: String, commitMsg: String) throws -> Run.Result {
        let wrapper = stand.repo.fixture.url("logging-bin")
        if !FileManager.default.fileExists(atPath: wrapper.path) {
            try FileManager.default.createDirectory(at: wrapper, withIntermediateDirectories: true)
            let log = stand.repo.fixture.url("git.log").path
            try stand.repo.fixture.write("logging-bin/git", "#!/bin/sh\necho \"$*\" >> \"\(log)\"\nexec \"\(try HookCommitTests.which("git"))\" \"$@\"\n")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path + "/git")
        }
        let message = stand.repo.file(".git/COMMIT_EDITMSG")
        if !FileManager.default.fileExists(atPath: message) { try "Change\n".write(toFile: message, atomically: true, encoding: .utf8) }
        // The last command is not the shell's own (`; exit`): the shell stays the hooks' parent.
        let script = "echo $$ > \(stand.repo.fixture.url("parent").path); \(commands); status=$?; exit $status"
        return try Run.process("/bin/sh", ["-c", script, preCommit, commitMsg, message], in: stand.repo.path,
                               environment: stand.repo.environment.merging(["CHARTER": stand.fake,
                                                                            "PATH": wrapper.path + ":" + stand.repo.searchPath]) { $1 })
    }

    static func gitCalls(_ stand: Stand) -> [String] {
        ((try? String(contentsOfFile: stand.repo.fixture.url("git.log").path, encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    static func parent(_ stand: Stand) throws -> String {
        try String(contentsOfFile: stand.repo.fixture.url("parent").path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let diffIndex = "diff-index --cached --quiet HEAD -- programs charter.yaml people.yaml"

    @Test("commit-msg takes the answer of pre-commit run by the same parent without starting git, only once, and not another parent's")
    func answerFromTheSameParentOnlyOnce() throws {
        let (stand, preCommit, commitMsg) = try Self.committed()
        try stand.repo.write("README.md", "x\n")
        try stand.repo.gitOK("add", "README.md")

        // pre-commit asks git once and names its parent.
        #expect(try Self.underOneParent(stand, "\"$0\"", preCommit: preCommit, commitMsg: commitMsg).status == 0)
        #expect(try stand.repo.read(".git/CHARTER_PRE_COMMIT") == "\(try Self.parent(stand)) none\n")
        #expect(Self.gitCalls(stand) == [Self.diffIndex])

        // Both under one parent: commit-msg starts no program; a second commit-msg finds the answer taken and asks git.
        let both = try Self.underOneParent(stand, "\"$0\" && \"$1\" \"$2\" && \"$1\" \"$2\"", preCommit: preCommit, commitMsg: commitMsg)
        #expect(both.status == 0, "\(both.output)")
        #expect(Self.gitCalls(stand) == Array(repeating: Self.diffIndex, count: 3), "\(Self.gitCalls(stand))")
        #expect(stand.calls.isEmpty, "\(stand.calls)")

        // pre-commit under one parent, commit-msg under another: the answer is not taken.
        #expect(try Self.underOneParent(stand, "\"$0\"", preCommit: preCommit, commitMsg: commitMsg).status == 0)
        #expect(try Self.underOneParent(stand, "\"$1\" \"$2\"", preCommit: preCommit, commitMsg: commitMsg).status == 0)
        #expect(Self.gitCalls(stand).count == 5)
        #expect(try stand.repo.read(".git/CHARTER_PRE_COMMIT") == "", "a stale answer is emptied too")

        // A plan change: "plans", taken by commit-msg without asking git again; charter runs in both.
        try stand.repo.write("people.yaml", "# edited\n")
        try stand.repo.gitOK("add", "people.yaml")
        let plans = try Self.underOneParent(stand, "\"$0\" && \"$1\" \"$2\"", preCommit: preCommit, commitMsg: commitMsg)
        #expect(plans.status == 0, "\(plans.output)")
        #expect(Self.gitCalls(stand).count == 6)
        #expect(stand.calls == ["validate --staged --changed", "check --staged --message-file \(stand.repo.file(".git/COMMIT_EDITMSG"))"])
    }

    @Test("git commit -a and git commit PATH: the hooks judge the temporary index git gives them, which is what the commit holds")
    func commitAllAndCommitPaths() throws {
        let (stand, _, _) = try Self.committed()
        let charter = ["CHARTER": stand.fake]
        try stand.repo.write("README.md", "x\n")
        try stand.repo.gitOK("add", "README.md")
        try stand.repo.gitOK("commit", "-q", "--no-verify", "-m", "Readme")

        // -a with only a tracked non-plan file changed: charter is not started.
        try stand.repo.write("README.md", "y\n")
        #expect(try stand.repo.git("commit", "-q", "-a", "-m", "Docs", environment: charter).status == 0)
        #expect(stand.calls.isEmpty, "\(stand.calls)")
        // -a picks up an unstaged plan change: both hooks check it.
        try stand.repo.write("programs/pay/milestones.yaml", "milestones: [] # a\n")
        #expect(try stand.repo.git("commit", "-q", "-a", "-m", "Plans", environment: charter).status == 0)
        #expect(stand.calls == ["validate --staged --changed", "check --staged --message-file .git/COMMIT_EDITMSG"])

        // A plan change staged, but the commit names README.md only: that commit has no plan change.
        try stand.repo.write("programs/pay/milestones.yaml", "milestones: [] # path\n")
        try stand.repo.gitOK("add", "programs/pay/milestones.yaml")
        try stand.repo.write("README.md", "z\n")
        #expect(try stand.repo.git("commit", "-q", "-m", "Docs only", "README.md", environment: charter).status == 0)
        #expect(stand.calls.count == 2, "\(stand.calls)")
        #expect(try stand.repo.gitOK("diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD") == "README.md\n")
        // And naming the plan file: checked.
        #expect(try stand.repo.git("commit", "-q", "-m", "Plan only", "programs/pay/milestones.yaml", environment: charter).status == 0)
        #expect(stand.calls.count == 4 && stand.calls.last == "check --staged --message-file .git/COMMIT_EDITMSG", "\(stand.calls)")
    }

    @Test("git commit --amend: judged against the commit it replaces, like any commit")
    func amend() throws {
        let (stand, _, _) = try Self.committed()
        let charter = ["CHARTER": stand.fake]
        try stand.repo.write("NOTES.md", "x\n")
        try stand.repo.gitOK("add", "NOTES.md")
        #expect(try stand.repo.git("commit", "-q", "--amend", "-m", "Plans and notes", environment: charter).status == 0)
        #expect(stand.calls.isEmpty, "\(stand.calls)")
        try stand.repo.write("programs/pay/milestones.yaml", "milestones: [] # amended\n")
        try stand.repo.gitOK("add", "programs/pay/milestones.yaml")
        #expect(try stand.repo.git("commit", "-q", "--amend", "--no-edit", environment: charter).status == 0)
        #expect(stand.calls == ["validate --staged --changed", "check --staged --message-file .git/COMMIT_EDITMSG"])
    }

    @Test("GIT_INDEX_FILE set by the person committing: both hooks judge that index, not .git/index")
    func anotherIndexFile() throws {
        let (stand, _, _) = try Self.committed()
        let other = stand.repo.file(".git/other-index")
        let charter = ["CHARTER": stand.fake, "GIT_INDEX_FILE": other]
        // .git/index has a plan change staged; the other index has only a note.
        try stand.repo.write("programs/pay/milestones.yaml", "milestones: [] # main index\n")
        try stand.repo.gitOK("add", "programs/pay/milestones.yaml")
        try stand.repo.write("NOTES.md", "x\n")
        #expect(try stand.repo.git("read-tree", "HEAD", environment: charter).status == 0)
        #expect(try stand.repo.git("add", "NOTES.md", environment: charter).status == 0)
        #expect(try stand.repo.git("commit", "-q", "-m", "Notes", environment: charter).status == 0)
        #expect(stand.calls.isEmpty, "\(stand.calls)")
        // The other way round: .git/index has nothing of the plans, the other index a change.
        try stand.repo.gitOK("reset", "-q")
        try stand.repo.write("programs/pay/milestones.yaml", "milestones: [] # other index\n")
        #expect(try stand.repo.git("add", "programs/pay/milestones.yaml", environment: charter).status == 0)
        #expect(try stand.repo.git("diff", "--cached", "--quiet").status == 0, ".git/index has no staged change")
        #expect(try stand.repo.git("commit", "-q", "-m", "Plans", environment: charter).status == 0)
        #expect(stand.calls == ["validate --staged --changed", "check --staged --message-file .git/COMMIT_EDITMSG"])
    }

    @Test("a linked worktree and a separate git directory: the answer lives in that worktree's git directory, and is taken there")
    func worktreesAndSeparateGitDirectories() throws {
        let (stand, _, _) = try Self.committed()
        let charter = ["CHARTER": stand.fake]
        try stand.repo.gitOK("worktree", "add", "-q", "-b", "feature", "../linked")
        let linked = stand.repo.fixture.url("linked").path
        // A chained commit-msg (shared by both worktrees) shows the answer before charter's takes it.
        try stand.repo.writeHook(".git/hooks/commit-msg.charter-chained",
                                 "#!/bin/sh\ncat \"$(git rev-parse --git-dir)/CHARTER_PRE_COMMIT\" > \"$(git rev-parse --git-dir)/answer-seen\"\n")
        try stand.repo.fixture.write("linked/NOTES.md", "x\n")
        try stand.repo.gitOK("add", "NOTES.md", in: linked)
        #expect(try stand.repo.git("commit", "-q", "-m", "Notes", in: linked, environment: charter).status == 0)
        #expect(stand.calls.isEmpty, "\(stand.calls)")
        #expect(try stand.repo.read(".git/worktrees/linked/answer-seen").hasSuffix(" none\n"))
        #expect(try stand.repo.read(".git/worktrees/linked/CHARTER_PRE_COMMIT") == "")
        #expect(!stand.repo.exists(".git/CHARTER_PRE_COMMIT"), "the main worktree's answer is its own")
        try stand.repo.fixture.write("linked/programs/pay/milestones.yaml", "milestones: [] # linked\n")
        try stand.repo.gitOK("add", "programs/pay/milestones.yaml", in: linked)
        #expect(try stand.repo.git("commit", "-q", "-m", "Plans", in: linked, environment: charter).status == 0)
        #expect(stand.calls == ["validate --staged --changed", "check --staged --message-file \(stand.repo.file(".git/worktrees/linked/COMMIT_EDITMSG"))"])

        // GIT_DIR and GIT_WORK_TREE set by the person committing, from outside the worktree.
        try stand.repo.write("NOTES.md", "y\n")
        let explicit = charter.merging(["GIT_DIR": stand.repo.file(".git"), "GIT_WORK_TREE": stand.repo.path]) { $1 }
        #expect(try stand.repo.git("add", "NOTES.md", in: stand.repo.fixture.path, environment: explicit).status == 0)
        #expect(try stand.repo.git("commit", "-q", "-m", "Notes", in: stand.repo.fixture.path, environment: explicit).status == 0)
        #expect(stand.calls.count == 2, "\(stand.calls)")
        #expect(try stand.repo.read(".git/answer-seen").hasSuffix(" none\n"))
        #expect(try stand.repo.read(".git/CHARTER_PRE_COMMIT") == "")
    }

    @Test("a repository whose .git is a file naming its git directory (git init --separate-git-dir)")
    func separateGitDirectory() throws {
        let (stand, _, _) = try Self.committed()
        let charter = ["CHARTER": stand.fake]
        let store = stand.repo.fixture.url("store.git").path
        try stand.repo.gitOK("init", "-q", "--separate-git-dir", store)  // moves .git there, hooks and all
        #expect(try stand.repo.read(".git") == "gitdir: \(store)\n")
        try stand.repo.write("NOTES.md", "x\n")
        try stand.repo.gitOK("add", "NOTES.md")
        #expect(try stand.repo.git("commit", "-q", "-m", "Notes", environment: charter).status == 0)
        #expect(stand.calls.isEmpty, "\(stand.calls)")
        #expect(try String(contentsOfFile: store + "/CHARTER_PRE_COMMIT", encoding: .utf8) == "", "written there, and taken")
        try stand.repo.write("charter.yaml", "version: 1 # edited\n")
        try stand.repo.gitOK("add", "charter.yaml")
        #expect(try stand.repo.git("commit", "-q", "-m", "Settings", environment: charter).status == 0)
        #expect(stand.calls == ["validate --staged --changed", "check --staged --message-file \(store)/COMMIT_EDITMSG"])
    }
}
