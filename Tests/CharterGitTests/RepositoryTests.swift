import CharterCore
import CharterGit
import Foundation
import Testing

/// Most tests pass an empty environment so GIT_* variables inherited by the test run
/// (from a hook, say) cannot redirect them.
private let noEnvironment: [String: String] = [:]

@Suite struct RepositoryTests {
    @Test func discoversFromANestedSubfolder() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("plans/acme/programs/p1/program.yaml", "id: p1\n", in: repo)
            try fixture.commitAll("first", in: repo)

            let repository = try Repository.discover(from: repo + "/plans/acme/programs/p1", environment: noEnvironment)
            #expect(repository.workdir == repo)
            #expect(repository.gitDir == repo + "/.git")
            #expect(!repository.isBare)
            #expect(!repository.isShallow)
            #expect(!repository.isHeadDetached)
            #expect(repository.headBranchName == "main")
        }
    }

    @Test func outsideAnyRepositoryIsAClearError() throws {
        try GitFixture.with { fixture in
            let error = #expect(throws: GitError.self) {
                try Repository.discover(from: fixture.root, environment: ["GIT_CEILING_DIRECTORIES": fixture.root])
            }
            #expect(error?.kind == .notARepository)
            #expect(error?.description.contains("not a git repository") == true)
            #expect(error?.description.contains(fixture.root) == true)
        }
    }

    @Test func linkedWorktreeHasItsOwnWorkdirAndHead() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("a.txt", "one\n", in: repo)
            let mainHead = try fixture.commitAll("first", in: repo)
            let worktree = fixture.path("feature-wt")
            try fixture.git(["worktree", "add", "--quiet", "-b", "feature", worktree], in: repo)
            try fixture.write("sub/b.txt", "two\n", in: worktree)
            let featureHead = try fixture.commitAll("second", in: worktree)

            let repository = try Repository.discover(from: worktree + "/sub", environment: noEnvironment)
            #expect(repository.workdir == worktree)
            #expect(repository.gitDir == repo + "/.git/worktrees/feature-wt")
            #expect(repository.commonDir == repo + "/.git")
            #expect(repository.headBranchName == "feature")
            #expect(try repository.headCommitID()?.hex == featureHead)
            #expect(try repository.commit("main").id.hex == mainHead)

            // The worktree's own index, not the main one.
            let staged = try repository.indexSource(prefix: "")
            #expect(try staged.entries(in: "")?.map(\.name) == ["a.txt", "sub"])
        }
    }

    @Test func bareCloneReadsTreesButHasNoIndex() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("plans/program.yaml", "id: p\n", in: repo)
            let head = try fixture.commitAll("first", in: repo)
            let bare = fixture.path("server.git")
            try fixture.git(["clone", "--quiet", "--bare", repo, bare], in: fixture.root)

            let repository = try Repository.open(at: bare)
            #expect(repository.isBare)
            #expect(repository.workdir == nil)
            #expect(repository.gitDir == bare)

            // Server hooks run inside the bare repository.
            let discovered = try Repository.discover(from: bare + "/refs", environment: noEnvironment)
            #expect(discovered.isBare)

            let commit = try repository.commit("HEAD")
            #expect(commit.id.hex == head)
            let tree = try repository.treeSource(commit: commit.id, prefix: "plans")
            #expect(try tree.contents(of: "program.yaml").text == "id: p\n")

            let error = #expect(throws: GitError.self) { try repository.indexSource(prefix: "plans") }
            #expect(error?.kind == .bareRepository)
            #expect(error?.description == "a bare repository has no index; use --rev")
        }
    }

    @Test func shallowCloneResolvesHeadAndHidesMissingParents() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            for step in 1...3 {
                try fixture.write("file.txt", "step \(step)\n", in: repo)
                try fixture.commitAll("step \(step)", in: repo)
            }
            let shallow = fixture.path("shallow")
            try fixture.git(["clone", "--quiet", "--depth", "1", "file://" + repo, shallow], in: fixture.root)

            let full = try Repository.open(at: repo)
            #expect(!full.isShallow)
            #expect(try full.commit("HEAD").parentIDs.count == 1)

            let repository = try Repository.discover(from: shallow, environment: noEnvironment)
            #expect(repository.isShallow)
            let head = try repository.commit("HEAD")
            #expect(head.summary == "step 3")
            #expect(head.parentIDs.isEmpty)  // as `git rev-list --parents` shows it

            let error = #expect(throws: GitError.self) { try repository.commit("HEAD~1") }
            #expect(error?.description.contains("unknown revision 'HEAD~1'") == true)
            #expect(error?.description.contains("shallow") == true)
        }
    }

    @Test func detachedHead() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("a.txt", "one\n", in: repo)
            let first = try fixture.commitAll("first", in: repo)
            try fixture.write("a.txt", "two\n", in: repo)
            try fixture.commitAll("second", in: repo)
            try fixture.git(["checkout", "--quiet", "--detach", first], in: repo)

            let repository = try Repository.discover(from: repo, environment: noEnvironment)
            #expect(repository.isHeadDetached)
            #expect(repository.headBranchName == nil)
            #expect(try repository.commit("HEAD").id.hex == first)
            #expect(try repository.headCommitID()?.hex == first)
        }
    }

    @Test func unbornBranch() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            try fixture.write("people.yaml", "people: []\n", in: repo)
            try fixture.git(["add", "people.yaml"], in: repo)

            let repository = try Repository.discover(from: repo, environment: noEnvironment)
            #expect(repository.isHeadUnborn)
            #expect(!repository.isHeadDetached)
            #expect(try repository.headCommitID() == nil)
            for revision in ["HEAD", "@", "main", "HEAD~1"] {
                let error = #expect(throws: GitError.self) { try repository.commit(revision) }
                #expect(error?.kind == .unbornBranch)
                #expect(error?.description.hasPrefix("the branch 'main' has no commits yet") == true)
            }
            // The pre-commit hook of the very first commit still reads what is staged.
            let staged = try repository.indexSource(prefix: "")
            #expect(try staged.contents(of: "people.yaml").text == "people: []\n")
        }
    }
}
