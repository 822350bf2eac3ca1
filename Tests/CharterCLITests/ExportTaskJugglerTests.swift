import Foundation
import Testing

/// `charter export --format tjp`, scheduled by TaskJuggler (`tj3`, installed by
/// Scripts/install-dependencies.sh): every milestone's early start and finish must be the ones
/// `charter schedule` forecasts, on a network across programs with work, events, done work,
/// an overdue milestone, a cancelled one, an unscheduled one, and ids TaskJuggler cannot spell.
@Suite struct ExportTaskJugglerTests {
    static let hasTJ3 = (try? Run.process("/usr/bin/env", ["tj3", "--version"], in: "/").status) == 0

    static func workspace() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace([
            "programs/pay/milestones.yaml": """
            milestones:
              - { id: M1, name: Design, start: 2026-01-10, date: 2026-02-01, status: done, done_on: 2026-02-05 }
              - { id: M2, name: "Beta \\"wallets\\"", date: 2026-03-01, depends_on: [M1, identity-v2/1234] }
              - { id: pilot.run, name: Pilot, start: 2026-03-02, date: 2026-03-25, depends_on: [M2] }
              - { id: M4, name: Audit, date: 2026-03-05, status: at-risk, depends_on: [M1] }
              - { id: M5, name: GA, depends_on: [pilot.run, M4] }
              - { id: M6, name: Dropped, date: 2026-03-06, status: cancelled, depends_on: [M5] }
              - { id: M7, name: Someday }
              - { id: M-8, name: After someday, depends_on: [M7, M5] }

            """,
            "programs/identity-v2/program.yaml": """
            id: identity-v2
            name: Identity
            owner: alice
            status: active
            start: 2026-01-01
            target: 2026-04-30

            """,
            "programs/identity-v2/milestones.yaml": """
            milestones:
              - { id: M1, name: Spec, start: 2026-02-01, date: 2026-03-01 }
              - { id: "1234", name: Token service, start: 2026-03-01, date: 2026-03-20, depends_on: [M1] }
              - { id: M_1, name: Same identifier as M-1 would get, date: 2026-04-02 }
              - { id: M-1, name: Clash, start: 2026-03-20, date: 2026-04-10, depends_on: ["1234", M_1] }

            """,
        ])
        try fixture.commitAll("Plans")
        return fixture
    }

    @Test(.enabled(if: ExportTaskJugglerTests.hasTJ3, "tj3 is not installed (apt-get install tj3; Scripts/install-dependencies.sh)"))
    func taskJugglerSchedulesTheSameDates() throws {
        let fixture = try Self.workspace()
        let export = try Run.charter(["export", "--format", "tjp", "--as-of", "2026-03-10", "--out", "tj/plans.tjp"], in: fixture.path)
        #expect(export.status == 0, "\(export.stderr)")
        let tj3 = try Run.process("/usr/bin/env", ["tj3", "--silent", "--no-color", "plans.tjp"], in: fixture.url("tj").path)
        let project = try fixture.read("tj/plans.tjp")
        try #require(tj3.status == 0, "tj3 failed: \(tj3.stdout)\(tj3.stderr)\n\(project)")

        // "id";"Charter id";"Name";"Start";"End": a milestone's group holds its charter id, its
        // `work` task the early start and its `finish` task the early finish.
        var charterIDs: [String: String] = [:]
        var starts: [String: String] = [:], finishes: [String: String] = [:]
        for line in try fixture.read("tj/charter-schedule.csv").split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) }
            try #require(cells.count == 5, "\(line)")
            if !cells[1].isEmpty { charterIDs[cells[0]] = cells[1] }
            if cells[0].hasSuffix(".work") { starts[String(cells[0].dropLast(5))] = cells[3] }
            if cells[0].hasSuffix(".finish") { finishes[String(cells[0].dropLast(7))] = cells[4] }
        }
        var fromTaskJuggler: [String: [String]] = [:]
        for (group, start) in starts {
            let id = try #require(charterIDs[group], "no CharterId on \(group)")
            fromTaskJuggler[id] = [start, try #require(finishes[group])]
        }

        let schedule = try Run.charter(["schedule", "--format", "json", "--as-of", "2026-03-10"], in: fixture.path)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(schedule.stdout.utf8)) as? [String: Any])
        var fromCharter: [String: [String]] = [:]
        for program in try #require(document["programs"] as? [[String: Any]]) {
            for milestone in try #require(program["milestones"] as? [[String: Any]]) {
                guard let start = milestone["early_start"] as? String, let finish = milestone["early_finish"] as? String else { continue }
                fromCharter[try #require(milestone["id"] as? String)] = [start, finish]
            }
        }
        #expect(fromCharter.count == 10)
        #expect(fromTaskJuggler == fromCharter)
        // Left out, and said why.
        #expect(project.contains("# pay/M6: cancelled"))
        #expect(project.contains("# pay/M7: unscheduled"))
        #expect(fromCharter["pay/M4"] == ["2026-03-05", "2026-03-10"], "overdue and open: finishes on the as-of day")
    }

    @Test func wholeNetworkOnlyAndCyclesRefused() throws {
        let fixture = try Self.workspace()
        let chosen = try Run.charter(["export", "--format", "tjp", "pay"], in: fixture.path)
        #expect(chosen.status == 2)
        #expect(chosen.stderr.contains("exports the whole network"))

        try fixture.write("programs/identity-v2/milestones.yaml", """
        milestones:
          - { id: M1, name: Spec, date: 2026-03-01, depends_on: [M2] }
          - { id: M2, name: Token, date: 2026-03-20, depends_on: [M1] }

        """)
        let cycle = try Run.charter(["export", "--format", "tjp"], in: fixture.path)
        #expect(cycle.status == 1)
        #expect(cycle.stderr.contains("programs/identity-v2/milestones.yaml:2:"), "\(cycle.stderr)")
        #expect(cycle.stdout.isEmpty)
    }
}
