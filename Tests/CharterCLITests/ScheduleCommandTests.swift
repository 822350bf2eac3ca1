import Foundation
import Testing

/// `charter schedule` as a user runs it: the built binary, real repositories.
@Suite struct ScheduleCommandTests {
    let asOf = ["--as-of", "2026-03-01"]

    static let twoPrograms = [
        "programs/pay/milestones.yaml": """
        milestones:
          - { id: M1, name: Design, date: 2026-02-01, status: done, done_on: 2026-02-01 }
          - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M1, identity/M3] }
          - { id: M4, name: GA, start: 2026-05-01, date: 2026-06-01, depends_on: [M2] }

        """,
        "programs/identity/program.yaml": """
        id: identity
        name: Identity
        owner: alice
        status: active
        start: 2026-01-01
        target: 2026-06-30

        """,
        "programs/identity/milestones.yaml": """
        milestones:
          - { id: M3, name: Token service GA, start: 2026-04-01, date: 2026-05-10 }

        """,
    ]

    @Test func textShowsForecastCriticalPathAndConflicts() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(Self.twoPrograms)
        let result = try Run.charter(["schedule", "pay"] + asOf, in: fixture.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("forecast 2026-06-10 · target 2026-12-31 · 204 days ahead"), "\(result.stdout)")
        #expect(result.stdout.contains("critical path: identity/M3 Token service GA (2026-05-10) → M2 Beta (2026-05-10) → M4 GA (2026-06-10)"))
        #expect(result.stdout.contains("! M2 is planned to be reached 2026-05-01, but identity/M3 finishes 2026-05-10, 9 days later"))
        #expect(result.stdout.contains("! M4 is planned to start 2026-05-01, but M2 finishes 2026-05-10, 9 days later"))
        #expect(!result.stdout.contains("identity · Identity"), "only the programs asked for are shown")
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test("--format markdown: a heading, what was read, and per program the forecast, the critical path and a table")
    func markdownForAPullRequest() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(Self.twoPrograms)
        try fixture.git("init", "-q")
        try fixture.commitAll("Plans")
        let commit = String(try fixture.git("rev-parse", "HEAD").prefix(8))
        let help = try Run.charter(["schedule", "--help"], in: fixture.path).stdout
        #expect(help.contains("(values: text, markdown, json;"), "\(help)")
        let result = try Run.charter(["schedule", "pay", "--rev", "HEAD", "--format", "markdown"] + asOf, in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(3)) == ["### Schedule as of 2026-03-01", "",
                                           "Plans read: `HEAD (commit \(commit))`. **Summary:** 1 program · 0 late · 2 conflicts"],
                "\(result.stdout)")
        #expect(lines.contains("#### pay · Payments"))
        #expect(lines.contains("- forecast 2026-06-10 · target 2026-12-31 · 204 days ahead"))
        #expect(lines.contains("- **Critical path:** identity/M3 Token service GA (2026-05-10) → M2 Beta (2026-05-10) → M4 GA (2026-06-10)"))
        #expect(lines.contains("- **Conflict:** M4 is planned to start 2026-05-01, but M2 finishes 2026-05-10, 9 days later"))
        #expect(lines.contains("| \\* | M4 · GA | 2026-06-01 | 2026-05-10 | 2026-06-10 | 2026-12-31 | 204d | 204d | M2 |"), "\(result.stdout)")
        #expect(!result.stdout.contains("identity · Identity"), "only the programs asked for are shown")
    }

    @Test func jsonHasEveryMilestoneAndProgram() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(Self.twoPrograms)
        let result = try Run.charter(["schedule", "--format", "json"] + asOf, in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["as_of"] as? String == "2026-03-01")
        let programs = try #require(document["programs"] as? [[String: Any]])
        #expect(programs.map { $0["program"] as? String } == ["identity", "pay"])
        let pay = programs[1]
        #expect(pay["critical_path"] as? [String] == ["identity/M3", "pay/M2", "pay/M4"])
        #expect(pay["variance_days"] as? Int == -204)
        let milestones = try #require(pay["milestones"] as? [[String: Any]])
        let ga = try #require(milestones.first { $0["id"] as? String == "pay/M4" })
        #expect(ga["early_start"] as? String == "2026-05-10")
        #expect(ga["early_finish"] as? String == "2026-06-10")
        #expect(ga["late_finish"] as? String == "2026-12-31")
        #expect(ga["total_slack"] as? Int == 204)
        #expect(ga["critical"] as? Bool == true)
        #expect((document["summary"] as? [String: Any])?["conflicts"] as? Int == 2)
    }

    @Test("--rev schedules an old commit, judged on the commit's date; works in a bare repository")
    func revisionAndBareRepository() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(in: "work")
        try fixture.git("init", "-q", in: "work")
        try fixture.commitAll("plans", in: "work")
        try fixture.write("work/programs/pay/milestones.yaml", """
        milestones:
          - { id: M1, name: Design, date: 2026-02-01, status: done, done_on: 2026-02-01 }
          - { id: M2, name: Beta, date: 2027-02-01, depends_on: [M1] }

        """)
        try fixture.commitAll("slip beta", in: "work")
        let old = try Run.charter(["schedule", "--rev", "HEAD~1"], in: fixture.url("work").path)
        #expect(old.status == 0, "\(old.stderr)")
        #expect(old.stdout.contains("as of 2026-03-02"), "\(old.stdout)")
        #expect(old.stdout.contains("forecast 2026-05-01 · target 2026-12-31 · 244 days ahead"))
        try fixture.git("clone", "-q", "--bare", "work", "bare.git")
        let bare = try Run.charter(["schedule", "--rev", "HEAD", "--strict"], in: fixture.url("bare.git").path)
        #expect(bare.status == 1, "late programs fail --strict: \(bare.stdout)\(bare.stderr)")
        #expect(bare.stdout.contains("forecast 2027-02-01 · target 2026-12-31 · 32 days late"), "\(bare.stdout)")
    }

    @Test func cycleStopsWithExitOne() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(["programs/pay/milestones.yaml": """
        milestones:
          - { id: M1, name: Design, depends_on: [M2] }
          - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M1] }

        """])
        let result = try Run.charter(["schedule"] + asOf, in: fixture.path)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("charter: error: programs/pay/milestones.yaml:2:42: dependency cycle: pay/M1 → pay/M2 → pay/M1"),
                "the cycle is pointed at where M1 names M2: \(result.stderr)")
    }

    @Test func unknownProgramGetsDidYouMean() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(Self.twoPrograms)
        let result = try Run.charter(["schedule", "identiy"] + asOf, in: fixture.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no program 'identiy'; did you mean 'identity'?"), "\(result.stderr)")
    }

    @Test func danglingReferenceWarnsAndIsSkipped() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(Self.twoPrograms.merging(["programs/pay/milestones.yaml": """
        milestones:
          - { id: M2, name: Beta, date: 2026-05-01, depends_on: [identity/m3] }

        """]) { $1 })
        let result = try Run.charter(["schedule"] + asOf, in: fixture.path)
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: programs/pay/milestones.yaml:2:58: pay/M2 depends on 'identity/m3', which is not a milestone; ignored; did you mean 'identity/M3'?"), "\(result.stderr)")
        #expect(result.stdout.contains("forecast 2026-05-01"))
    }

    @Test func badAsOfIsAUsageError() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace()
        let result = try Run.charter(["schedule", "--as-of", "2026-02-30"], in: fixture.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--as-of takes a date"))
    }
}

/// Critical paths as chains, as a TPM reads them: never unrelated milestones joined by arrows.
@Suite struct ScheduleChainsCommandTests {
    static func workspace(independent count: Int) -> [String: String] {
        var text = "milestones:\n  - { id: X, name: Design, date: 2026-02-10 }\n  - { id: Y, name: Review, depends_on: [X] }\n"
        for index in 0..<count { text += "  - { id: Z\(index), name: Launch \(index), date: 2026-02-10 }\n" }
        return ["programs/pay/milestones.yaml": text]
    }

    @Test func oneLinePerChain() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(Self.workspace(independent: 1))
        let result = try Run.charter(["schedule", "pay", "--as-of", "2026-01-01"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let heading = try #require(lines.firstIndex(of: "  2 critical paths end 2026-02-10:"), "\(result.stdout)")
        #expect(lines[heading + 1] == "    X Design (2026-02-10) → Y Review (2026-02-10)")
        #expect(lines[heading + 2] == "    Z0 Launch 0 (2026-02-10)")

        let json = try Run.charter(["schedule", "pay", "--as-of", "2026-01-01", "--format", "json"], in: fixture.path)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let pay = try #require((document["programs"] as? [[String: Any]])?.first)
        #expect(pay["critical_paths"] as? [[String]] == [["pay/X", "pay/Y"], ["pay/Z0"]])

        let markdown = try Run.charter(["schedule", "pay", "--as-of", "2026-01-01", "--format", "markdown"], in: fixture.path)
        #expect(markdown.stdout.contains("- **2 critical paths end 2026-02-10:**\n  - X Design (2026-02-10) → Y Review (2026-02-10)\n  - Z0 Launch 0 (2026-02-10)\n"),
                "\(markdown.stdout)")
    }

    @Test("many chains ending the same day: how many, and the first few")
    func manyChainsAreCounted() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(Self.workspace(independent: 27))
        let result = try Run.charter(["schedule", "pay", "--as-of", "2026-01-01"], in: fixture.path)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let heading = try #require(lines.firstIndex(of: "  28 critical paths end 2026-02-10; the first 5:"), "\(result.stdout)")
        #expect(lines[heading + 5] == "    Z3 Launch 3 (2026-02-10)")
        #expect(lines[heading + 6] == "    … and 23 more (--format json lists every chain)")
    }

    @Test("the report outlines each chain")
    func reportOutlinesEachChain() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(Self.workspace(independent: 1))
        let result = try Run.charter(["report", "--as-of", "2026-01-01"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<li>X Design → Y Review</li><li>Z0 Launch 0</li>"), "\(result.stdout)")
        #expect(result.stdout.contains("critical paths: X → Y; Z0"))
    }
}
