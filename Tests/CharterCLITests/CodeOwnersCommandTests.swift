import Foundation
import Testing

/// `charter codeowners`: GitHub's and GitLab's CODEOWNERS from the plans, in a marked block.
@Suite struct CodeOwnersCommandTests {
    /// GitHub's syntax: a rooted pattern, then one or more owners (`@login`, `@org/team` or an
    /// email), separated by spaces; comments and blank lines.
    static func isValidGitHubLine(_ line: String) -> Bool {
        if line.isEmpty || line.hasPrefix("#") { return true }
        let words = line.split(separator: " ").map(String.init)
        guard words.count >= 2, words[0].hasPrefix("/") || words[0] == "*" else { return false }
        let login = /@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9_.-]+)?/
        return words.dropFirst().allSatisfy { $0.wholeMatch(of: login) != nil || $0.contains("@") && !$0.hasPrefix("@") }
    }

    @Test func writesOwnersPerProgramAndApproversForThePolicyFiles() throws {
        let fixture = try StakeholderFixture.repository()
        let run = try Run.charter(["codeowners"], in: fixture.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == ".github/CODEOWNERS written: 4 owned paths\n")
        let file = try fixture.read(".github/CODEOWNERS")
        let lines = file.split(separator: "\n").map(String.init)
        #expect(Array(lines.dropFirst().dropLast()) == [
            "/programs/pay/ @alice-gh @bob-gh",
            "/programs/web/ @erin-gh",
            // slip needs accountable, everything else owner: alice and erin own, bob is accountable.
            "/charter.yaml @alice-gh @bob-gh @erin-gh",
            "/people.yaml @alice-gh @bob-gh @erin-gh",
        ], "\(file)")
        #expect(lines.first!.hasPrefix("# BEGIN charter codeowners") && lines.last == "# END charter codeowners")
        #expect(lines.allSatisfy(Self.isValidGitHubLine), "\(file)")
        let again = try Run.charter(["codeowners"], in: fixture.path)
        #expect(again.stdout == ".github/CODEOWNERS is up to date\n")
        #expect(try Run.charter(["codeowners", "--check"], in: fixture.path).status == 0)
    }

    @Test func checkCatchesANewProgramAndKeepsLinesOutsideTheBlock() throws {
        let fixture = try StakeholderFixture.repository()
        try fixture.write("CODEOWNERS", "# Team rules\n* @acme/platform\n/docs/ @docs-gh\n")
        #expect(try Run.charter(["codeowners"], in: fixture.path).status == 0)
        try fixture.write("CODEOWNERS", try fixture.read("CODEOWNERS") + "/Makefile @build-gh\n")
        try fixture.commitAll("CODEOWNERS")
        #expect(try Run.charter(["codeowners", "--check"], in: fixture.path).status == 0)

        try fixture.write("programs/search/program.yaml", StakeholderFixture.program("search", owner: "carol", stakeholders: [("dave", "accountable")]))
        try fixture.commitAll("Add the search program")
        let check = try Run.charter(["codeowners", "--check"], in: fixture.path)
        #expect(check.status == 1)
        #expect(check.stdout.contains("CODEOWNERS is not up to date") && check.stdout.contains("\n+ /programs/search/ @carol-gh"), "\(check.stdout)")
        #expect(check.stderr.contains("dave has no github login in people.yaml: left out of /programs/search/"), "\(check.stderr)")
        #expect(try fixture.git("status", "--porcelain").isEmpty, "--check wrote something")

        #expect(try Run.charter(["codeowners"], in: fixture.path).status == 0)
        let file = try fixture.read("CODEOWNERS")
        #expect(file.hasPrefix("# Team rules\n* @acme/platform\n/docs/ @docs-gh\n\n# BEGIN charter codeowners"), "\(file)")
        #expect(file.hasSuffix("# END charter codeowners\n/Makefile @build-gh\n"), "\(file)")
        #expect(file.contains("/programs/search/ @carol-gh\n"))
        #expect(file.split(separator: "\n").map(String.init).allSatisfy(Self.isValidGitHubLine))
        #expect(try Run.charter(["codeowners", "--check"], in: fixture.path).status == 0)
        #expect(!FileManager.default.fileExists(atPath: fixture.url(".github/CODEOWNERS").path))
    }

    @Test func aWorkspaceInAFolderGetsPatternsRootedAtTheRepository() throws {
        let fixture = try StakeholderFixture.repository(in: "plans")
        let run = try Run.charter(["codeowners", "--gitlab"], in: fixture.url("plans").path)
        #expect(run.status == 0, "\(run.stderr)")
        let file = try fixture.read(".gitlab/CODEOWNERS")
        #expect(file.contains("\n/plans/programs/pay/ @alice-gh @bob-gh\n") && file.contains("\n/plans/charter.yaml "), "\(file)")
        let output = try Run.charter(["codeowners", "--output", "owners.txt", "--check"], in: fixture.path, environment: [:])
        #expect(output.status == 1 && output.stdout.hasPrefix("owners.txt does not exist"), "\(output.stdout) \(output.stderr)")
    }

    @Test func aBrokenBlockIsAnErrorNotAGuess() throws {
        let fixture = try StakeholderFixture.repository()
        try fixture.write(".github/CODEOWNERS", "* @acme/platform\n# BEGIN charter codeowners\n/programs/pay/ @x\n")
        let run = try Run.charter(["codeowners"], in: fixture.path)
        #expect(run.status == 2 && run.stderr.contains("line 2: the charter block starts but has no"), "\(run.stderr)")
        #expect(try fixture.read(".github/CODEOWNERS") == "* @acme/platform\n# BEGIN charter codeowners\n/programs/pay/ @x\n")
    }
}
