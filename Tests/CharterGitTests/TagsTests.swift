import CharterCore
import CharterGit
import Foundation
import Testing

/// Tags written through libgit2 and read back by git, and tags written by git read back by us.
@Suite struct TagsTests {
    let carol = Signature(name: "Carol Diaz", email: "carol@example.com", time: 1_771_610_400, offsetMinutes: 60)

    @Test func createsAnnotatedTagsGitReads() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let first = try fixture.commitAll("first", in: repo)
            try fixture.commitAll("second", in: repo)
            let repository = try Repository.open(at: repo)
            let tag = try repository.createAnnotatedTag("charter/baseline/q1-plan", on: ObjectID(hex: first)!,
                                                        tagger: carol, message: "Plans agreed at the Q1 review")
            #expect(tag.commit.id.hex == first && tag.tagger == carol && tag.message == "Plans agreed at the Q1 review")
            #expect(try fixture.git(["cat-file", "-t", "charter/baseline/q1-plan"], in: repo) == "tag")
            #expect(try fixture.git(["rev-parse", "charter/baseline/q1-plan^{commit}"], in: repo) == first)
            let described = try fixture.git(["for-each-ref", "--format=%(taggername) %(taggeremail) %(taggerdate:raw) %(contents)",
                                             "refs/tags/charter/baseline/"], in: repo)
            #expect(described == "Carol Diaz <carol@example.com> 1771610400 +0100 Plans agreed at the Q1 review")
        }
    }

    @Test func neverOverwritesAnExistingTag() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let first = try fixture.commitAll("first", in: repo)
            let second = try fixture.commitAll("second", in: repo)
            let repository = try Repository.open(at: repo)
            try repository.createAnnotatedTag("charter/baseline/a", on: ObjectID(hex: first)!, tagger: carol, message: "one")
            #expect {
                try repository.createAnnotatedTag("charter/baseline/a", on: ObjectID(hex: second)!, tagger: carol, message: "two")
            } throws: { ($0 as? GitError)?.kind == .alreadyExists }
            #expect(try fixture.git(["rev-parse", "charter/baseline/a^{commit}"], in: repo) == first)
        }
    }

    @Test func readsAnnotatedAndLightweightTagsMadeByGit() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let first = try fixture.commitAll("first", in: repo)
            let second = try fixture.commitAll("second", in: repo)
            try fixture.git(["tag", "-a", "-m", "Re-plan after the audit\n\nBody line", "charter/baseline/replan", first], in: repo,
                            environment: ["GIT_COMMITTER_NAME": "Dave Kim", "GIT_COMMITTER_EMAIL": "dave@example.com",
                                          "GIT_COMMITTER_DATE": "@1772000000 -0500"])
            try fixture.git(["tag", "charter/baseline/light", second], in: repo)
            try fixture.git(["tag", "v1.0", second], in: repo)  // not a baseline
            try fixture.git(["pack-refs", "--all"], in: repo)    // packed refs read alike

            let tags = try Repository.open(at: repo).tags(under: "charter/baseline/")
            #expect(tags.map(\.name) == ["charter/baseline/light", "charter/baseline/replan"])
            let replan = tags[1]
            #expect(replan.commit.id.hex == first)
            #expect(replan.tagger == Signature(name: "Dave Kim", email: "dave@example.com", time: 1_772_000_000, offsetMinutes: -300))
            #expect(replan.message == "Re-plan after the audit\n\nBody line")
            let light = tags[0]
            #expect(light.commit.id.hex == second && light.tagger == nil && light.message == nil)
            #expect(light.date == light.commit.committer)
        }
    }

    @Test func deletesTagsAndSaysWhenThereIsNone() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let first = try fixture.commitAll("first", in: repo)
            let repository = try Repository.open(at: repo)
            try repository.createAnnotatedTag("charter/baseline/a", on: ObjectID(hex: first)!, tagger: carol, message: "one")
            try repository.deleteTag("charter/baseline/a")
            #expect(try fixture.git(["tag", "--list"], in: repo) == "")
            #expect(try repository.tag(named: "charter/baseline/a") == nil)
            #expect { try repository.deleteTag("charter/baseline/a") } throws: { ($0 as? GitError)?.kind == .notFound }
        }
    }

    @Test func worksInBareRepositories() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let head = try fixture.commitAll("first", in: repo)
            try fixture.git(["clone", "--quiet", "--bare", repo, fixture.path("bare.git")], in: fixture.root)
            let bare = try Repository.open(at: fixture.path("bare.git"))
            try bare.createAnnotatedTag("charter/baseline/server", on: ObjectID(hex: head)!, tagger: carol, message: "m")
            #expect(try fixture.git(["tag", "--list"], in: fixture.path("bare.git")) == "charter/baseline/server")
        }
    }

    @Test(arguments: [
        ("q1 plan", "spaces are not allowed"),
        ("a..b", "'..' is not allowed"),
        ("-x", "it may not start with '-'"),
        ("x.lock", "it may not end with '.lock'"),
        ("2026/q1", "slashes are not allowed (a baseline name is one word, such as q3-plan)"),
        ("what?", "'?' is not allowed"),
        ("", "it is empty"),
        ("tab\there", "control characters are not allowed"),
    ])
    func refusesBadNamesWithTheReason(name: String, reason: String) {
        #expect(TagName.problem(with: name, under: "charter/baseline/") == reason)
    }

    @Test(arguments: ["q1-plan", "v1.0", "2026Q3", "plan_B", "été"])
    func acceptsNamesGitAccepts(name: String) {
        #expect(TagName.problem(with: name, under: "charter/baseline/") == nil)
    }

    /// (With neither, the error is checked by the CLI tests, which can hide the user's global configuration.)
    @Test func committerComesFromTheEnvironmentThenTheConfiguration() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let repository = try Repository.open(at: repo)
            let now: (time: Int64, offsetMinutes: Int) = (1_800_000_000, 120)
            try fixture.git(["config", "user.name", "Erin Ito"], in: repo)
            try fixture.git(["config", "user.email", "erin@example.com"], in: repo)
            #expect(try repository.committerIdentity(environment: [:], now: now)
                == Signature(name: "Erin Ito", email: "erin@example.com", time: 1_800_000_000, offsetMinutes: 120))

            let forms = ["@1767225600 +0100", "1767225600 +0100", "2026-01-01T01:00:00+01:00", "2026-01-01 01:00:00 +0100",
                         "Thu, 01 Jan 2026 01:00:00 +0100"]
            for form in forms {
                let signature = try repository.committerIdentity(
                    environment: ["GIT_COMMITTER_NAME": "Bot", "GIT_COMMITTER_DATE": form], now: now)
                #expect(signature == Signature(name: "Bot", email: "erin@example.com", time: 1_767_225_600, offsetMinutes: 60), "\(form)")
            }
            // Without a zone, local time (the `now` offset, +02:00), as git reads it.
            #expect(try repository.committerIdentity(environment: ["GIT_COMMITTER_NAME": "Bot", "GIT_COMMITTER_DATE": "2026-01-01 02:00"], now: now)
                == Signature(name: "Bot", email: "erin@example.com", time: 1_767_225_600, offsetMinutes: 120))
            #expect(throws: GitError.self) {
                try repository.committerIdentity(environment: ["GIT_COMMITTER_DATE": "next tuesday"], now: now)
            }
        }
    }
}
