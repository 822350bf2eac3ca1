import Foundation
import Testing

/// `charter forecast` as a user runs it: the built binary, real repositories with dated commits.
@Suite struct ForecastCommandTests {
    /// Commits everything with author and committer date `day` (noon UTC).
    static func commit(_ fixture: Fixture, _ message: String, on day: String) throws {
        try fixture.git("add", "-A")
        var environment = Run.gitEnvironment
        environment["GIT_AUTHOR_DATE"] = "\(day)T12:00:00Z"
        environment["GIT_COMMITTER_DATE"] = "\(day)T12:00:00Z"
        let result = try Run.process("/usr/bin/env", ["git", "-c", "user.name=Test User", "-c", "user.email=test@example.com",
                                                      "-c", "commit.gpgsign=false", "commit", "-q", "-m", message],
                                     in: fixture.path, environment: environment)
        guard result.status == 0 else { throw FixtureError("commit failed: \(result.stderr)") }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A history where six milestones of `old` were each reached on their planned day, and the
    /// open milestones of `pay` and `identity` are all still ahead: no slip, nothing overdue.
    static func onTimeHistory() throws -> Fixture {
        let fixture = try Fixture()
        var plans = ScheduleCommandTests.twoPrograms
        plans["programs/old/program.yaml"] = "id: old\nname: Old\nowner: alice\nstatus: active\nstart: 2026-01-01\ntarget: 2026-03-31\n"
        let days = (1...6).map { String(format: "2026-01-%02d", $0 * 4) }
        func old(done: Int) -> String {
            "milestones:\n" + days.enumerated().map { index, day in
                index < done ? "  - { id: O\(index + 1), date: \(day), status: done, done_on: \(day) }\n" : "  - { id: O\(index + 1), date: \(day) }\n"
            }.joined()
        }
        try fixture.writeWorkspace(plans.merging(["programs/old/milestones.yaml": old(done: 0)]) { $1 })
        try fixture.git("init", "-q", "-b", "main")
        try commit(fixture, "Plans", on: "2026-01-02")
        for done in 1...6 {
            try fixture.write("programs/old/milestones.yaml", old(done: done))
            try commit(fixture, "O\(done) reached", on: days[done - 1])
        }
        return fixture
    }

    @Test("no slips and nothing overdue: P50 = P85 = P95 = the schedule's forecast for every milestone")
    func noSlipsEqualsSchedule() throws {
        let fixture = try Self.onTimeHistory()
        let asOf = ["--as-of", "2026-03-01"]
        let forecast = try Run.charter(["forecast", "--format", "json", "--iterations", "500"] + asOf, in: fixture.path)
        #expect(forecast.status == 0, "\(forecast.stderr)")
        let schedule = try Run.charter(["schedule", "--format", "json"] + asOf, in: fixture.path)
        let forecastJSON = try Self.json(forecast.stdout), scheduleJSON = try Self.json(schedule.stdout)
        let observations = try #require(forecastJSON["observations"] as? [String: Any])
        #expect(observations["completions"] as? Int == 6)
        #expect(observations["general_class"] as? Bool == false, "the model itself, not the general class")
        var expected: [String: String] = [:]
        for program in scheduleJSON["programs"] as? [[String: Any]] ?? [] {
            for milestone in program["milestones"] as? [[String: Any]] ?? [] {
                let id = (milestone["id"] ?? milestone["ref"]) as? String ?? ""
                expected[id] = milestone["early_finish"] as? String
            }
        }
        var compared = 0
        for program in forecastJSON["programs"] as? [[String: Any]] ?? [] {
            for milestone in program["milestones"] as? [[String: Any]] ?? [] {
                let ref = try #require(milestone["ref"] as? String)
                for key in ["p50", "p85", "p95"] {
                    let quantile = try #require(milestone[key] as? [String: Any])
                    #expect(quantile["date"] as? String == expected[ref], "\(ref) \(key)")
                }
                compared += 1
            }
        }
        #expect(compared == 10 && expected.count == 10, "\(expected)")
        #expect(expected["pay/M4"] == "2026-06-10", "pushed by identity/M3 through pay/M2: the network's forward pass")
    }

    @Test("the same seed gives byte-identical output")
    func deterministic() throws {
        let fixture = try Self.onTimeHistory()
        // Overdue milestones make the draws matter.
        try fixture.write("programs/identity/milestones.yaml", "milestones:\n  - { id: M3, name: Token service GA, date: 2026-01-10 }\n")
        let arguments = ["forecast", "--format", "json", "--as-of", "2026-03-01", "--iterations", "3000", "--seed", "7"]
        let first = try Run.charter(arguments, in: fixture.path), second = try Run.charter(arguments, in: fixture.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("\"beyond\" : true"), "an overdue milestone past the data's horizon is reported beyond: \(first.stdout)")
    }

    @Test func badIterationsAreUsageErrors() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace()
        for value in ["0", "-5", "100000000"] {
            let result = try Run.charter(["forecast", "--iterations", value], in: fixture.path)
            #expect(result.status == 2, "\(value): \(result.stderr)")
        }
    }

    @Test("a cycle stops the forecast with exit 1, as schedule")
    func cycle() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(["programs/pay/milestones.yaml": """
        milestones:
          - { id: M1, date: 2026-02-01, depends_on: [M2] }
          - { id: M2, date: 2026-05-01, depends_on: [M1] }

        """])
        let result = try Run.charter(["forecast", "--as-of", "2026-01-01"], in: fixture.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cycle"), "\(result.stderr)")
    }

    @Test("no git history and an undated milestone: the general class, reported unscheduled, exit 0")
    func emptyHistoryAndUndated() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(["programs/pay/milestones.yaml": """
        milestones:
          - { id: M1, date: 2026-02-01 }
          - { id: M2, name: Someday }

        """])
        let result = try Run.charter(["forecast", "--format", "json", "--as-of", "2026-01-01", "--iterations", "100"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try Self.json(result.stdout)
        let observations = try #require(json["observations"] as? [String: Any])
        #expect(observations["workspace"] as? Int == 0)
        #expect(observations["general_class"] as? Bool == true)
        let milestones = try #require((json["programs"] as? [[String: Any]])?.first?["milestones"] as? [[String: Any]])
        #expect(milestones.first { $0["ref"] as? String == "pay/M2" }?["unscheduled"] as? Bool == true)
        #expect((milestones.first { $0["ref"] as? String == "pay/M1" }?["p85"] as? [String: Any])?["date"] as? String == "2026-02-01")
        let text = try Run.charter(["forecast", "--as-of", "2026-01-01", "--iterations", "100"], in: fixture.path)
        #expect(text.stdout.contains("general class"), "\(text.stdout)")
        #expect(text.stdout.contains("unscheduled"), "\(text.stdout)")
    }

    @Test("a repository with no commit yet (empty history): the general class, and an empty backtest")
    func unbornRepository() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace()
        try fixture.git("init", "-q", "-b", "main")
        let result = try Run.charter(["forecast", "--format", "json", "--as-of", "2026-01-01", "--iterations", "100"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        let observations = try #require(try Self.json(result.stdout)["observations"] as? [String: Any])
        #expect(observations["commits_read"] as? Int == 0)
        #expect(observations["general_class"] as? Bool == true)
        let backtest = try Run.charter(["forecast", "--backtest", "--format", "json"], in: fixture.path)
        #expect(backtest.status == 0, "\(backtest.stderr)")
        let scores = try Self.json(backtest.stdout)
        #expect(scores["points"] as? Int == 0)
        #expect(scores["hit_rate_p50"] is NSNull, "nothing is evaluable: null, not a number")
    }
}
