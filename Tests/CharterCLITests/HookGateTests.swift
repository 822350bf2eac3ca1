@testable import CharterCLI
import Foundation
import Testing

/// The policy gate in the installed hooks, under real `git commit`, `merge`, `rebase` and `push`:
/// commit-msg, pre-push, and pre-receive in a bare server repository.
@Suite struct HookGateTests {
    /// The planned repository with charter's client hooks installed (`charter hooks install`).
    static func installed(policy: String = CRSamples.policy) throws -> HookRepo {
        let repo = try HookRepo.planned(policy: policy)
        let install = try repo.charter("hooks", "install")
        #expect(install.status == 0, "\(install.output)")
        #expect(install.stdout.contains("commit-msg") && install.stdout.contains("pre-push"))
        return repo
    }

    /// A bare repository next to `repo`, its `origin`, holding what `repo` has now.
    static func server(for repo: HookRepo, preReceive: Bool = false) throws -> String {
        try repo.fixture.git("init", "-q", "--bare", "server.git")
        let server = repo.fixture.url("server.git").path
        if preReceive {
            let install = try Run.charter(["hooks", "install"], in: server, environment: repo.environment)
            #expect(install.status == 0, "\(install.output)")
            #expect(install.stdout.contains("pre-receive"))
        }
        try repo.run(["remote", "add", "origin", server])
        let push = try repo.git("push", "-q", "--no-verify", "origin", "main")
        #expect(push.status == 0, "\(push.output)")
        return server
    }

    static let slipped = CRSamples.milestones(beta: "2026-05-20")

    @Test("commit-msg stops a slip beyond policy without Approved-by and says how to add it; with the trailer it commits")
    func commitMsgGate() throws {
        let repo = try Self.installed()
        try repo.write("programs/pay/milestones.yaml", Self.slipped)
        try repo.gitOK("add", "-A")
        let before = try repo.state()

        let refused = try repo.git("commit", "-m", "Slip Beta", "-m", "The vendor is late.")
        #expect(refused.status != 0)
        #expect(refused.output.contains("M2 slips 19 days (2026-05-01 → 2026-05-20); policy: more than 7"), "\(refused.output)")
        #expect(refused.output.contains("Approved-by: Full Name <email@example.com>"))
        #expect(refused.output.contains("charter approve <commit> --as <person>"))
        #expect(refused.output.contains("the commit-msg hook stopped this commit"))
        #expect(try repo.commitCount == 1)
        #expect(try repo.state() == before, "the hook changed neither the index nor the worktree")

        let stranger = try repo.git("commit", "-m", "Slip Beta", "-m", "Approved-by: Mallory <mallory@example.com>")
        #expect(stranger.status != 0)
        #expect(stranger.output.contains("not counted: Approved-by: Mallory — mallory@example.com is not in people.yaml"), "\(stranger.output)")

        let accepted = try repo.git("commit", "-m", "Slip Beta", "-m", "Approved-by: Carol Diaz <carol@example.com>")
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(try repo.commitCount == 2)

        // A small slip needs nothing; neither does a commit with no plan change.
        try repo.write("programs/pay/milestones.yaml", CRSamples.milestones(beta: "2026-05-22"))
        #expect(try repo.git("commit", "-a", "-m", "Nudge Beta").status == 0)
        try repo.write("README.md", "readme\n")
        try repo.gitOK("add", "README.md")
        #expect(try repo.git("commit", "-m", "Readme").status == 0)
        #expect(try repo.commitCount == 4)
    }

    @Test("the first commit of a repository goes through the hooks like any other")
    func initialCommit() throws {
        let repo = try HookRepo()
        #expect(try repo.charter("hooks", "install").status == 0)
        try repo.fixture.writeWorkspace(in: repo.name, ["charter.yaml": CRSamples.policy])
        try repo.gitOK("add", "-A")
        let result = try repo.git("commit", "-m", "Plans")
        #expect(result.status == 0, "\(result.output)")
        #expect(try repo.commitCount == 1)
    }

    @Test("git commit --amend is judged against the commit it replaces: adding the trailer passes, slipping further without one does not")
    func amend() throws {
        let repo = try Self.installed()
        try repo.commit(["programs/pay/milestones.yaml": Self.slipped], "Slip Beta")  // made with --no-verify
        let base = try repo.rev("HEAD~1")
        #expect(try repo.charter("check", "\(base)..HEAD").status == 1)

        try repo.write("programs/pay/milestones.yaml", CRSamples.milestones(beta: "2026-06-20"))
        try repo.gitOK("add", "-A")
        let further = try repo.git("commit", "--amend", "--no-edit")
        #expect(further.status != 0)
        #expect(further.output.contains("M2 slips 31 days"), "\(further.output)")

        let approved = try repo.git("commit", "--amend", "-m", "Slip Beta", "-m", "Approved-by: Carol Diaz <carol@example.com>")
        #expect(approved.status == 0, "\(approved.output)")
        #expect(try repo.commitCount == 2)
        #expect(try repo.charter("check", "\(base)..HEAD").status == 0)
    }

    @Test("git merge: a branch whose slip was approved on the branch merges; an unapproved one is stopped at the merge commit")
    func mergeCommit() throws {
        let repo = try Self.installed()
        try repo.run(["checkout", "-q", "-b", "approved"])
        try repo.commit(["programs/pay/milestones.yaml": Self.slipped], "Slip Beta", "Approved-by: Carol Diaz <carol@example.com>")
        try repo.run(["checkout", "-q", "-b", "unapproved", "main"])
        try repo.commit(["programs/pay/milestones.yaml": Self.slipped], "Slip Beta quietly")
        try repo.run(["checkout", "-q", "-b", "docs", "main"])
        try repo.commit(["README.md": "readme\n"], "Readme")
        try repo.run(["checkout", "-q", "main"])
        try repo.commit(["NOTES.md": "notes\n"], "Notes on main")

        let head = try repo.rev("HEAD")
        let refused = try repo.git("merge", "--no-ff", "unapproved", "-m", "Merge branch 'unapproved'")
        #expect(refused.status != 0)
        #expect(refused.output.contains("M2 slips 19 days") && refused.output.contains("the commit-msg hook stopped this commit"),
                "\(refused.output)")
        #expect(try repo.rev("HEAD") == head)
        try repo.gitOK("merge", "--abort")
        #expect(try repo.gitOK("status", "--porcelain").isEmpty)

        let plain = try repo.git("merge", "--no-ff", "docs", "-m", "Merge branch 'docs'")
        #expect(plain.status == 0, "\(plain.output)")
        let merged = try repo.git("merge", "--no-ff", "approved", "-m", "Merge branch 'approved'")
        #expect(merged.status == 0, "\(merged.output)")
        #expect(try repo.gitOK("log", "-1", "--format=%s") == "Merge branch 'approved'\n")
        #expect(try repo.charter("check", "\(head)..HEAD").status == 0)
    }

    @Test("git rebase replays commits without the commit hooks; the rebased approved slip still carries its approval")
    func rebase() throws {
        let repo = try Self.installed()
        try repo.run(["checkout", "-q", "-b", "feature"])
        try repo.commit(["programs/pay/milestones.yaml": Self.slipped], "Slip Beta", "Approved-by: Carol Diaz <carol@example.com>")
        try repo.run(["checkout", "-q", "main"])
        try repo.commit(["README.md": "readme\n"], "Readme")
        try repo.run(["checkout", "-q", "feature"])
        let result = try repo.git("rebase", "main")
        #expect(result.status == 0, "\(result.output)")
        #expect(try repo.rev("HEAD~1") == (try repo.rev("main")))
        #expect(try repo.charter("check", "main..HEAD").status == 0)
        #expect(try repo.gitOK("status", "--porcelain").isEmpty)
    }

    @Test("a date change committed inside a freeze needs Freeze-exception, judged by the commit's author date")
    func freezeInTheHook() throws {
        let policy = CRSamples.policy + """
          freezes:
            - { name: Q2 release freeze, from: 2026-06-01, to: 2026-06-14 }

        """
        let repo = try Self.installed(policy: policy)
        let inside = ["GIT_AUTHOR_DATE": "2026-06-05T10:00:00Z"]
        try repo.write("programs/pay/milestones.yaml", CRSamples.milestones(beta: "2026-05-03"))
        try repo.gitOK("add", "-A")
        let refused = try repo.git("commit", "-m", "Nudge Beta", environment: inside)
        #expect(refused.status != 0)
        #expect(refused.output.contains("during Q2 release freeze"), "\(refused.output)")
        let excepted = try repo.git("commit", "-m", "Nudge Beta", "-m", "Freeze-exception: Carol Diaz <carol@example.com>", environment: inside)
        #expect(excepted.status == 0, "\(excepted.output)")

        // Outside the window (the fixture's date, March 2) the same kind of change passes.
        try repo.write("programs/pay/milestones.yaml", CRSamples.milestones(beta: "2026-05-04"))
        #expect(try repo.git("commit", "-a", "-m", "Nudge Beta again").status == 0)
    }

    @Test("the author date the commit-msg hook judges freezes by: git's own format (amend, hooks) and ISO 8601")
    func authorDateFormats() {
        #expect(CommitIdentity.gitDate("@1780653600 +0000")! == (1_780_653_600, 0))
        #expect(CommitIdentity.gitDate("1780653600 -0130")! == (1_780_653_600, -90))
        #expect(CommitIdentity.gitDate("2026-06-05T10:00:00Z")! == (1_780_653_600, 0))
        #expect(CommitIdentity.gitDate("2026-06-05 12:00:00 +02:00")! == (1_780_653_600, 120))
        #expect(CommitIdentity.gitDate("2026-06-05T12:00+0200")! == (1_780_653_600, 120))
        #expect(CommitIdentity.gitDate("Fri, 5 Jun 2026 10:00:00 +0000")! == (1_780_653_600, 0), "RFC 2822, as git writes it")
        #expect(CommitIdentity.gitDate("yesterday") == nil)
    }

    @Test("pre-push stops a range with an unapproved slip and lets it go after charter approve; new branches and deletions push")
    func prePush() throws {
        let repo = try Self.installed()
        let server = try Self.server(for: repo)
        let published = try repo.rev("main", in: server)
        let slip = try repo.commit(["programs/pay/milestones.yaml": Self.slipped], "Slip Beta")
        try repo.commit(["README.md": "readme\n"], "Readme")
        let before = try repo.state()

        let refused = try repo.git("push", "origin", "main")
        #expect(refused.status != 0)
        #expect(refused.output.contains("CR-\(slip.prefix(12))") && refused.output.contains("[approval-missing]"), "\(refused.output)")
        #expect(refused.output.contains("the pre-push hook stopped the push of refs/heads/main"))
        #expect(try repo.rev("main", in: server) == published)
        #expect(try repo.state() == before)

        #expect(try repo.charter("approve", slip, "--as", "carol").status == 0)
        let accepted = try repo.git("push", "origin", "main")
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(try repo.rev("main", in: server) == (try repo.rev("HEAD")))
        // The notes ref itself holds no plans: it pushes too.
        let notes = try repo.git("push", "origin", "refs/notes/charter")
        #expect(notes.status == 0, "\(notes.output)")

        // A new branch: only the commits the remote does not have are checked.
        try repo.run(["checkout", "-q", "-b", "bad"])
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-06-20")], "Slip Beta again")
        let badBranch = try repo.git("push", "origin", "bad")
        #expect(badBranch.status != 0, "\(badBranch.output)")
        #expect(badBranch.output.contains("Slip Beta again"))
        try repo.run(["checkout", "-q", "-b", "good", "main"])
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-20", design: "Design review")], "Rename M1")
        let goodBranch = try repo.git("push", "origin", "good")
        #expect(goodBranch.status == 0, "\(goodBranch.output)")
        let deletion = try repo.git("push", "origin", "--delete", "good")
        #expect(deletion.status == 0, "\(deletion.output)")
        #expect(try repo.gitOK("ls-remote", "--heads", "origin").contains("refs/heads/good") == false)
    }

    @Test("pre-receive in the bare server refuses an unapproved slip even with --no-verify, and accepts approved ones")
    func preReceive() throws {
        let repo = try HookRepo.planned()  // a client without hooks
        let server = try Self.server(for: repo, preReceive: true)
        let published = try repo.rev("main", in: server)
        let slip = try repo.commit(["programs/pay/milestones.yaml": Self.slipped], "Slip Beta")

        let refused = try repo.git("push", "--no-verify", "origin", "main")
        #expect(refused.status != 0)
        #expect(refused.output.contains("remote: ") && refused.output.contains("CR-\(slip.prefix(12))"), "\(refused.output)")
        #expect(refused.output.contains("pre-receive hook declined"))
        #expect(try repo.rev("main", in: server) == published)
        #expect(try repo.git("cat-file", "-e", slip, in: server).status != 0, "refused objects stay out of the server")

        // Approved after the fact: the note reaches the server first, then the commit.
        #expect(try repo.charter("approve", slip, "--as", "carol").status == 0)
        let notes = try repo.git("push", "origin", "refs/notes/charter")
        #expect(notes.status == 0, "\(notes.output)")
        let accepted = try repo.git("push", "--no-verify", "origin", "main")
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(try repo.rev("main", in: server) == slip)

        // Approved in the message: accepted as it is, on a new branch too.
        try repo.run(["checkout", "-q", "-b", "feature"])
        let trailer = try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-06-20")], "Slip Beta again",
                                      "Approved-by: Carol Diaz <carol@example.com>")
        let branch = try repo.git("push", "origin", "feature")
        #expect(branch.status == 0, "\(branch.output)")
        #expect(try repo.rev("feature", in: server) == trailer)
        let deletion = try repo.git("push", "origin", "--delete", "feature")
        #expect(deletion.status == 0, "\(deletion.output)")
    }

    @Test("pre-receive judges a push that carries its approvals in refs/notes/charter, in one push")
    func preReceiveWithNotesInTheSamePush() throws {
        let repo = try HookRepo.planned()
        let server = try Self.server(for: repo, preReceive: true)
        let slip = try repo.commit(["programs/pay/milestones.yaml": Self.slipped], "Slip Beta")
        #expect(try repo.git("push", "--no-verify", "origin", "main").status != 0)
        #expect(try repo.charter("approve", slip, "--as", "carol").status == 0)
        let both = try repo.git("push", "--no-verify", "origin", "main", "refs/notes/charter")
        #expect(both.status == 0, "\(both.output)")
        #expect(try repo.rev("main", in: server) == slip)
    }

    @Test("a broken charter.yaml blocks commit-msg, pre-push and pre-receive with its position")
    func brokenSettingsBlock() throws {
        let repo = try Self.installed()
        let server = try Self.server(for: repo, preReceive: true)
        let published = try repo.rev("main", in: server)
        try repo.write("charter.yaml", "version: one\n")
        try repo.gitOK("add", "charter.yaml")

        // commit-msg alone (no pre-commit) still refuses: the policy cannot be read.
        try FileManager.default.removeItem(atPath: repo.file(".git/hooks/pre-commit"))
        let commit = try repo.git("commit", "-m", "Break the settings")
        #expect(commit.status != 0)
        #expect(commit.output.contains("charter.yaml:1:10: error:"), "\(commit.output)")
        #expect(commit.output.contains("the policy this commit must meet is unknown"))

        try repo.run(["commit", "-q", "--no-verify", "-m", "Break the settings"])
        let push = try repo.git("push", "origin", "main")
        #expect(push.status != 0)
        #expect(push.output.contains("charter.yaml:1:10: error:"), "\(push.output)")
        let forced = try repo.git("push", "--no-verify", "origin", "main")
        #expect(forced.status != 0)
        #expect(forced.output.contains("remote: charter.yaml:1:10: error:"), "\(forced.output)")
        #expect(try repo.rev("main", in: server) == published)
    }
}
