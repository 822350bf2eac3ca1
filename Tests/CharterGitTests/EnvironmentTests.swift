import CharterCore
import CharterGit
import Foundation
import Testing

/// git hands hooks their repository through the environment; these mirror what git 2.39
/// sets for pre-commit (`GIT_INDEX_FILE`), linked worktrees (`GIT_DIR`) and pre-receive
/// (`GIT_DIR=.` plus a quarantine object directory).
@Suite struct EnvironmentTests {
    @Test func gitDirWinsOverTheStartPath() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let head = try fixture.commitAll("first", in: repo)
            let elsewhere = try fixture.makeRepository("elsewhere")
            try fixture.commitAll("other", in: elsewhere)

            let repository = try Repository.discover(from: elsewhere, environment: ["GIT_DIR": repo + "/.git"])
            #expect(try repository.headCommitID()?.hex == head)
            #expect(repository.workdir == repo)
        }
    }

    @Test func gitWorkTreeReplacesTheWorkdir() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.commitAll("first", in: repo)
            let tree = fixture.path("checkout")
            try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)

            let repository = try Repository.discover(
                from: tree, environment: ["GIT_DIR": repo + "/.git", "GIT_WORK_TREE": tree])
            #expect(repository.workdir == tree)
        }
    }

    @Test func gitIndexFileIsTheIndexBeingCommitted() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("plan.yaml", "v1\n", in: repo)
            try fixture.commitAll("first", in: repo)
            try fixture.write("plan.yaml", "v2\n", in: repo)
            let alternate = fixture.path("next-index")
            try fixture.git(["add", "plan.yaml"], in: repo, environment: ["GIT_INDEX_FILE": alternate])

            let plain = try Repository.discover(from: repo, environment: [:])
            #expect(try plain.indexSource(prefix: "").contents(of: "plan.yaml").text == "v1\n")

            let hooked = try Repository.discover(from: repo, environment: ["GIT_INDEX_FILE": alternate])
            #expect(try hooked.indexSource(prefix: "").contents(of: "plan.yaml").text == "v2\n")
        }
    }

    @Test func quarantinedObjectsOfAPushAreVisible() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("plan.yaml", "v1\n", in: repo)
            let head = try fixture.commitAll("first", in: repo)
            let bare = fixture.path("server.git")
            try fixture.git(["clone", "--quiet", "--bare", repo, bare], in: fixture.root)

            // What receive-pack does: new objects go to a quarantine until the hook accepts them.
            let quarantine = bare + "/objects/tmp_objdir-incoming-test"
            try FileManager.default.createDirectory(atPath: quarantine, withIntermediateDirectories: true)
            let hookEnvironment = [
                "GIT_DIR": bare,
                "GIT_OBJECT_DIRECTORY": quarantine,
                "GIT_ALTERNATE_OBJECT_DIRECTORIES": bare + "/objects",
            ]
            let pushed = try fixture.git(
                ["commit-tree", "\(head)^{tree}", "-p", head, "-m", "pushed"], in: bare,
                environment: hookEnvironment)

            let outside = try Repository.open(at: bare)
            #expect(throws: GitError.self) { try outside.commit(pushed) }

            let inHook = try Repository.discover(from: bare, environment: hookEnvironment)
            let commit = try inHook.commit(pushed)
            #expect(commit.summary == "pushed")
            #expect(commit.parentIDs.map(\.hex) == [head])
        }
    }
}
