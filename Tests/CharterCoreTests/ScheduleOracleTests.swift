import CharterCore
import Foundation
import Testing

/// The engine's early and late dates and slack against TaskJuggler's on the same networks
/// (`tj3`, installed by Scripts/install-dependencies.sh; see TaskJugglerOracle).
@Suite struct ScheduleOracleTests {
    struct Network: CustomTestStringConvertible, Sendable {
        let name: String
        let asOf: String
        let programs: [String: ProgramText]
        var testDescription: String { name }
    }

    struct ProgramText: Sendable {
        let target: String?
        let milestones: String
    }

    static let networks: [Network] = [
        Network(name: "chain of work and events", asOf: "2026-01-01", programs: [
            "pay": ProgramText(target: "2026-06-30", milestones: """
            milestones:
              - { id: M1, name: Design, start: 2026-03-01, date: 2026-03-11 }
              - { id: M2, name: Build, start: 2026-03-05, date: 2026-03-16, depends_on: [M1] }
              - { id: M3, name: Review, date: 2026-03-20, depends_on: [M2] }
              - { id: M4, name: Launch, depends_on: [M3] }
              - { id: M5, name: Retro, start: 2026-04-01, date: 2026-04-03, depends_on: [M4] }
            """),
        ]),
        Network(name: "diamond with a tie and a long branch", asOf: "2026-01-01", programs: [
            "pay": ProgramText(target: "2026-03-01", milestones: """
            milestones:
              - { id: A, name: Kickoff, date: 2026-01-05 }
              - { id: B, name: Left, start: 2026-01-05, date: 2026-01-15, depends_on: [A] }
              - { id: C, name: Right, start: 2026-01-08, date: 2026-01-15, depends_on: [A] }
              - { id: D, name: Long, start: 2026-01-06, date: 2026-02-10, depends_on: [A] }
              - { id: E, name: Join, depends_on: [B, C] }
              - { id: F, name: Ship, start: 2026-02-10, date: 2026-02-20, depends_on: [E, D] }
            """),
        ]),
        Network(name: "across programs, one late", asOf: "2026-01-01", programs: [
            "identity": ProgramText(target: "2026-06-30", milestones: """
            milestones:
              - { id: M1, name: Spec, start: 2026-02-01, date: 2026-03-01 }
              - { id: M3, name: Token service GA, start: 2026-04-01, date: 2026-04-20, depends_on: [M1] }
              - { id: M4, name: MFA, start: 2026-04-20, date: 2026-06-01, depends_on: [M3] }
            """),
            "pay": ProgramText(target: "2026-04-30", milestones: """
            milestones:
              - { id: M2, name: Beta, date: 2026-04-15, depends_on: [identity/M3] }
              - { id: M6, name: Rollout, start: 2026-04-16, date: 2026-05-06, depends_on: [M2] }
            """),
            "mobile": ProgramText(target: nil, milestones: """
            milestones:
              - { id: M1, name: Sign in, start: 2026-03-15, date: 2026-04-25, depends_on: [identity/M3] }
              - { id: M2, name: Payments, date: 2026-05-20, depends_on: [M1, pay/M6] }
            """),
        ]),
        Network(name: "fixed event dates, done work and an overdue milestone", asOf: "2026-03-10", programs: [
            "pay": ProgramText(target: "2026-03-31", milestones: """
            milestones:
              - { id: M1, name: Design, start: 2026-01-10, date: 2026-02-01, status: done, done_on: 2026-02-05 }
              - { id: M2, name: Beta, date: 2026-03-01, depends_on: [M1] }
              - { id: M3, name: Pilot, start: 2026-03-02, date: 2026-03-25, depends_on: [M2] }
              - { id: M4, name: Audit, date: 2026-03-20, status: at-risk, depends_on: [M1] }
              - { id: M5, name: GA, date: 2026-03-31, depends_on: [M3, M4] }
              - { id: M6, name: Dropped, date: 2026-03-06, status: cancelled, depends_on: [M5] }
            """),
        ]),
    ]

    @Test(arguments: networks)
    func matchesTaskJuggler(_ network: Network) throws {
        let workspace = scheduleWorkspace(network.programs.mapValues { ($0.target, $0.milestones) })
        let asOf = day(network.asOf)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charter-tj3-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = try TaskJugglerOracle(workspace, asOf: asOf).schedule(in: folder)
        let analysis = try Scheduler.analyze(workspace, asOf: asOf)
        #expect(analysis.milestones.count == expected.count)
        for milestone in analysis.milestones {
            let oracle = try #require(expected[milestone.id], "\(milestone.id) missing from tj3's schedule")
            let charter = TaskJugglerOracle.Dates(
                earlyStart: try #require(milestone.earlyStart), earlyFinish: try #require(milestone.earlyFinish),
                lateStart: try #require(milestone.lateStart), lateFinish: try #require(milestone.lateFinish),
                freeSlack: try #require(milestone.freeSlack))
            #expect(charter == oracle, "\(milestone.id)")
            #expect(milestone.totalSlack == oracle.totalSlack, "\(milestone.id)")
        }
        for program in analysis.programs {
            let ends = expected.filter { $0.key.program == program.program }.map(\.value.earlyFinish)
            #expect(program.forecastEnd == ends.max(), "\(program.program)")
        }
    }
}
