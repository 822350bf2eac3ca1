import Foundation
import Testing

/// `charter baseline` on real repositories: tags git can read, refusals with reasons, bare repositories.
@Suite struct BaselineCommandTests {
    /// Who makes baselines in these tests, with the user's own git configuration hidden.
    static func tagger(_ fixture: Fixture, date: String = "2026-03-05T09:00:00+00:00") -> [String: String] {
        isolated(fixture).merging(["GIT_COMMITTER_NAME": "Tess Tagger", "GIT_COMMITTER_EMAIL": "tess@example.com",
                                   "GIT_COMMITTER_DATE": date]) { $1 }
    }

    static func isolated(_ fixture: Fixture) -> [String: String] {
        ["HOME": fixture.path, "XDG_CONFIG_HOME": fixture.path + "/.config", "GIT_CONFIG_NOSYSTEM": "1"]
    }

    private func repository() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.commitAll("Initial plan")
        return fixture
    }

    @Test func createsListsShowsAndDeletes() throws {
        let fixture = try repository()
        let created = try Run.charter(["baseline", "create", "q1-plan", "-m", "Agreed at the Q1 review"], in: fixture.path,
                                      environment: Self.tagger(fixture))
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Created baseline q1-plan on "))
        #expect(created.stdout.contains("Share it: git push origin 'refs/tags/charter/baseline/*'"))
        let head = try fixture.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let ref = try fixture.git("for-each-ref", "--format=%(objecttype) %(*objectname) %(taggername) %(taggeremail) %(taggerdate:iso-strict) %(contents:subject)",
                                  "refs/tags/charter/baseline/")
        #expect(ref == "tag \(head) Tess Tagger <tess@example.com> 2026-03-05T09:00:00+00:00 Agreed at the Q1 review\n")

        let list = try Run.charter(["baseline", "list"], in: fixture.path)
        #expect(list.status == 0)
        #expect(list.stdout == "q1-plan  2026-03-05  Tess Tagger <tess@example.com>  \(head.prefix(8))  Agreed at the Q1 review\n")
        let json = try Run.charter(["baseline", "list", "--format", "json"], in: fixture.path)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["tag"] as? String == "refs/tags/charter/baseline/q1-plan")
        #expect(entries.first?["commit"] as? String == head)
        #expect((entries.first?["tagger"] as? [String: String])?["email"] == "tess@example.com")

        let show = try Run.charter(["baseline", "show", "q1-plan"], in: fixture.path)
        #expect(show.stdout.contains("commit   \(head) Initial plan"))

        let deleted = try Run.charter(["baseline", "delete", "q1-plan"], in: fixture.path)
        #expect(deleted.status == 0 && deleted.stdout.hasPrefix("Deleted baseline q1-plan"))
        #expect(try fixture.git("tag", "--list") == "")
        let empty = try Run.charter(["baseline", "list"], in: fixture.path)
        #expect(empty.status == 0 && empty.stdout.contains("no baselines yet; make one with: charter baseline create NAME"))
        let again = try Run.charter(["baseline", "delete", "q1-plan"], in: fixture.path)
        #expect(again.status == 2 && again.stderr.contains("no baselines yet"))
    }

    @Test func refusesExistingNamesBadNamesAndBadRevisions() throws {
        let fixture = try repository()
        let env = Self.tagger(fixture)
        #expect(try Run.charter(["baseline", "create", "q1"], in: fixture.path, environment: env).status == 0)
        try fixture.write("programs/pay/program.yaml", Samples.workspace["programs/pay/program.yaml"]!.replacingOccurrences(of: "1000", with: "2000"))
        try fixture.commitAll("More budget")

        let duplicate = try Run.charter(["baseline", "create", "q1"], in: fixture.path, environment: env)
        #expect(duplicate.status == 2)
        #expect(duplicate.stderr.contains("baseline 'q1' already exists (made by Tess Tagger <tess@example.com> on 2026-03-05, on commit "))
        #expect(duplicate.stderr.contains("\"Initial plan\"); pick another name, or delete it first with charter baseline delete q1"))

        let spaced = try Run.charter(["baseline", "create", "q1 plan"], in: fixture.path, environment: env)
        #expect(spaced.status == 2 && spaced.stderr == "charter: error: 'q1 plan' is not a valid tag name: spaces are not allowed\n")
        let dots = try Run.charter(["baseline", "create", "a..b"], in: fixture.path, environment: env)
        #expect(dots.status == 2 && dots.stderr.contains("'a..b' is not a valid tag name: '..' is not allowed"))

        let revision = try Run.charter(["baseline", "create", "q2", "--rev", "nope"], in: fixture.path, environment: env)
        #expect(revision.status == 2 && revision.stderr.contains("unknown revision 'nope'"))

        let anonymous = try Run.charter(["baseline", "create", "q3"], in: fixture.path, environment: Self.isolated(fixture))
        #expect(anonymous.status == 2 && anonymous.stderr.contains("git does not know who you are: set user.name and user.email"))
        #expect(try fixture.git("tag", "--list") == "charter/baseline/q1\n")
    }

    @Test func anUnbornBranchHasNothingToBaseline() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        let result = try Run.charter(["baseline", "create", "q1"], in: fixture.path, environment: Self.tagger(fixture))
        #expect(result.status == 2 && result.stderr.contains("the branch 'main' has no commits yet"), "\(result.stderr)")
    }

    @Test func listsNewestFirstWithTagsMadeByGitLightweightOnesToo() throws {
        let fixture = try repository()
        try fixture.git("tag", "-a", "-m", "Kickoff", "charter/baseline/kickoff")  // dated 2026-03-02 by the fixture
        #expect(try Run.charter(["baseline", "create", "replan", "-m", "After the audit"], in: fixture.path,
                                environment: Self.tagger(fixture, date: "2026-04-01T12:00:00+02:00")).status == 0)
        try fixture.git("tag", "charter/baseline/light")  // lightweight: dated by its commit, 2026-03-02
        let list = try Run.charter(["baseline", "list"], in: fixture.path)
        let names = list.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(names == ["replan", "kickoff", "light"], "\(list.stdout)")
        #expect(list.stdout.contains("(lightweight tag) Initial plan"))
        #expect(list.stdout.contains("Test User <test@example.com>"))
    }

    @Test func worksInABareClone() throws {
        let fixture = try repository()
        try fixture.git("clone", "-q", "--bare", fixture.path, "server.git")
        let bare = fixture.path + "/server.git"
        let created = try Run.charter(["baseline", "create", "on-server"], in: bare, environment: Self.tagger(fixture))
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try fixture.git("tag", "--list", in: "server.git") == "charter/baseline/on-server\n")
        let variance = try Run.charter(["variance"], in: bare)
        #expect(variance.status == 0, "\(variance.stderr)")
        #expect(variance.stdout.hasPrefix("charter variance on-server (2026-03-05, "))
        #expect(variance.stdout.contains("→ HEAD ("))
        #expect(variance.stdout.hasSuffix("summary  no variance from the baseline\n"))
    }
}
