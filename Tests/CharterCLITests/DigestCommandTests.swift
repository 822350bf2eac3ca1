import Foundation
import Testing

/// `charter digest`: what changed that one person cares about.
@Suite struct DigestCommandTests {
    static func history() throws -> (Fixture, first: String) {
        let fixture = try StakeholderFixture.repository()
        let first = try fixture.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try fixture.write("programs/pay/milestones.yaml", StakeholderFixture.payMilestones(m1: "2026-05-20"))
        try fixture.commitAll("Slip pay M1 to May 20")
        try fixture.write("programs/web/milestones.yaml", """
            milestones:
              - { id: W1, name: Web checkout, owner: erin, date: 2026-06-01, depends_on: [pay/M1] }
              - { id: W2, name: Web launch, owner: bob, date: 2026-07-09, depends_on: [W1] }

            """)
        try fixture.commitAll("Web launch a week later")
        return (fixture, first)
    }

    @Test func listsWhatConcernsThePersonAndWhy() throws {
        let (fixture, _) = try Self.history()
        let erin = try Run.charter(["digest", "--since", "2026-03-01", "--for", "erin"], in: fixture.path)
        #expect(erin.status == 0, "\(erin.stderr)")
        #expect(erin.stdout.hasPrefix("Plan changes since 2026-03-01 for Erin Walsh (erin): 3 change requests\n"), "\(erin.stdout)")
        #expect(erin.stdout.contains("  why: your web/W1 depends on pay/M1\n    pay/M1 milestone modified: date 2026-05-01 → 2026-05-20 (+19d)\n"),
                "\(erin.stdout)")
        #expect(erin.stdout.contains("  why: you are the owner of web\n    web/W2 milestone modified"), "\(erin.stdout)")

        // dave is informed on pay only: the web change is not his.
        let dave = try Run.charter(["digest", "--since", "2026-03-01", "--for", "dave@EXAMPLE.com", "--format", "markdown"], in: fixture.path)
        #expect(dave.stdout.hasPrefix("### Plan changes since 2026-03-01 for Dave Okafor (dave): 2 change requests\n"), "\(dave.stdout)")
        #expect(dave.stdout.contains("- **Slip pay M1 to May 20** (CR-") && dave.stdout.contains("  - Why: you are informed on pay\n"), "\(dave.stdout)")
        #expect(!dave.stdout.contains("Web launch"))

        // A login names the person too; a later day leaves everything out.
        let later = try Run.charter(["digest", "--since", "2026-03-03", "--for", "@carol-gh"], in: fixture.path)
        #expect(later.stdout == "Plan changes since 2026-03-03 for Carol Diaz (carol): 0 change requests\nnothing that concerns carol changed\n")
    }

    @Test func sinceARevisionAndThePersonGitKnows() throws {
        let (fixture, first) = try Self.history()
        try fixture.git("config", "user.email", "carol@example.com")
        let carol = try Run.charter(["digest", "--since", first], in: fixture.path)
        #expect(carol.status == 0, "\(carol.stderr)")
        #expect(carol.stdout.hasPrefix("Plan changes since \(first) for Carol Diaz (carol): 2 change requests\n"), "\(carol.stdout)")
        #expect(carol.stdout.contains("why: you own pay/M1\n") && carol.stdout.contains("why: you are responsible on web\n"), "\(carol.stdout)")
        #expect(!carol.stdout.contains("  Plans\n"))
    }

    @Test func nobodyIsAUsageError() throws {
        let (fixture, _) = try Self.history()
        let run = try Run.charter(["digest", "--for", "erinn"], in: fixture.path)
        #expect(run.status == 2 && run.stderr.contains("'erinn' is nobody in people.yaml") && run.stderr.contains("did you mean 'erin'?"), "\(run.stderr)")
        let rev = try Run.charter(["digest", "--since", "no-such-rev", "--for", "erin"], in: fixture.path)
        #expect(rev.status == 2, "\(rev.stderr)")
    }
}
