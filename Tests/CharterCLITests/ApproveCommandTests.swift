import Foundation
import Testing

/// `charter approve`: late approvals as git notes, on real repositories.
@Suite struct ApproveCommandTests {
    static func slipped() throws -> (repo: HookRepo, slip: String) {
        let repo = try HookRepo.planned()
        let slip = try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-20")], "Slip Beta")
        return (repo, slip)
    }

    @Test("someone not in people.yaml is a usage error with a suggestion, and nothing is written")
    func unknownPerson() throws {
        let (repo, _) = try Self.slipped()
        let result = try repo.charter("approve", "HEAD", "--as", "carl")
        #expect(result.status == 2)
        #expect(result.stderr.contains("'carl' is not in people.yaml"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean 'carol'?"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try repo.gitOK("for-each-ref", "refs/notes").isEmpty, "no notes ref was created")

        let revision = try repo.charter("approve", "nosuch", "--as", "carol")
        #expect(revision.status == 2)
        #expect(revision.stderr.contains("nosuch"), "\(revision.stderr)")
    }

    @Test("approving twice writes nothing the second time")
    func approvingTwiceWritesNothing() throws {
        let (repo, slip) = try Self.slipped()
        let first = try repo.charter("approve", slip, "--as", "carol")
        #expect(first.status == 0, "\(first.output)")
        #expect(first.stdout.contains("Recorded on refs/notes/charter for CR-\(slip.prefix(12))"))
        let notes = try repo.rev("refs/notes/charter")

        let second = try repo.charter("approve", "HEAD", "--as", "carol@example.com")
        #expect(second.status == 0, "\(second.output)")
        #expect(second.stdout.contains("nothing written"), "\(second.stdout)")
        #expect(try repo.rev("refs/notes/charter") == notes, "the notes ref did not move")
        #expect(try repo.gitOK("notes", "--ref", "charter", "show", slip) == "Approved-by: Carol Diaz <carol@example.com>\n")

        // A second approver adds a line to the same note; the record lists both.
        let third = try repo.charter("approve", slip, "--as", "alice", "--role", "owner")
        #expect(third.status == 0)
        #expect(try repo.gitOK("notes", "--ref", "charter", "show", slip)
            == "Approved-by: Carol Diaz <carol@example.com>\nApproved-by: Alice Ng <alice@example.com> (owner)\n")
        let record = try #require(try repo.changes().first)
        #expect(record.approvals.map(\.person) == ["carol", "alice"])
        #expect(record.approvals.allSatisfy { $0.source == "note" && $0.counts })
        #expect(record.approvals.last?.role == "owner")
    }

    @Test("works in a bare repository (a server), which has no user.email: the approver signs the note")
    func bareRepository() throws {
        let (repo, slip) = try Self.slipped()
        try repo.fixture.git("clone", "-q", "--bare", repo.path, "server.git")
        let bare = repo.fixture.url("server.git").path
        #expect(try Run.charter(["check", "HEAD~1..HEAD"], in: bare, environment: repo.environment).status == 1)

        let approve = try Run.charter(["approve", String(slip.prefix(10)), "--as", "carol"], in: bare, environment: repo.environment)
        #expect(approve.status == 0, "\(approve.output)")
        let author = try repo.run(["log", "-1", "--format=%an <%ae>", "refs/notes/charter"], in: bare)
        #expect(author == "Carol Diaz <carol@example.com>\n")
        #expect(try Run.charter(["check", "HEAD~1..HEAD"], in: bare, environment: repo.environment).status == 0)
        #expect(try repo.rev("HEAD", in: bare) == slip)
    }
}
