import Foundation
import Testing

/// `charter report` wired to the rest of charter on real repositories: the baseline the
/// baselines API chooses (a `git tag -a` one and one made by `charter baseline create`), KPI
/// trends from the committed history, and the schedule engine's critical path (or a note when a
/// dependency cycle stops it).
@Suite("charter report: baselines, KPIs, schedule")
struct ReportHistoryTests {
    private static let tagger = ["GIT_COMMITTER_NAME": "Bob Li", "GIT_COMMITTER_EMAIL": "bob@example.com",
                                 "GIT_COMMITTER_DATE": "2026-03-09T10:00:00+00:00"]

    @Test func theNewestBaselineByTagDateIsTheOneEveryCommandPicks() throws {
        let fixture = try ReportCommandTests.withBaseline()
        // Made a week after q1, on an older commit than HEAD: newest by tag date, not by name.
        let create = try Run.charter(["baseline", "create", "after-slip", "--rev", "HEAD~1", "-m", "After the slip"],
                                     in: fixture.path, environment: Self.tagger)
        #expect(create.status == 0, "\(create.stderr)")
        let list = try Run.charter(["baseline", "list"], in: fixture.path)
        #expect(list.stdout.hasPrefix("after-slip "))
        let variance = try Run.charter(["variance"], in: fixture.path)
        #expect(variance.stdout.hasPrefix("charter variance after-slip "))

        let report = try Run.charter(["report", "--format", "markdown", "--as-of", "2026-03-10"], in: fixture.path)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("baseline **after-slip**"))
        #expect(report.stdout.contains("### Changes since baseline after-slip"))
        #expect(report.stdout.contains("Add vendor risk") && !report.stdout.contains("Slip Beta two weeks"))
        // Against the newest baseline Beta has not slipped; against q1 it has.
        #expect(!report.stdout.contains("slipped 14d vs baseline"))
        let q1 = try Run.charter(["report", "--format", "markdown", "--baseline", "q1", "--as-of", "2026-03-10"], in: fixture.path)
        #expect(q1.stdout.contains("baseline **q1**"))
        #expect(q1.stdout.contains("slipped 14d vs baseline (2026-05-01 → 2026-05-15)"))
        #expect(q1.stdout.contains("Slip Beta two weeks"))
    }

    @Test func noBaselineIsNotAnErrorForTheReport() throws {
        let fixture = try ReportCommandTests.oneCommit()
        let report = try Run.charter(["report", "--format", "markdown"], in: fixture.path)
        #expect(report.status == 0 && report.stdout.contains("No baseline yet"))
        let named = try Run.charter(["report", "--baseline", "q1"], in: fixture.path)
        #expect(named.status == 2)
        #expect(named.stderr.contains("no baselines yet; make one with charter baseline create NAME"))
    }

    @Test func kpiValuesCommittedThreeTimesAreThreePoints() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace(["programs/pay/kpis.yaml": KPIsCommandTests.kpis(current: "420", asOf: "2026-02-01")])
        try fixture.commitAll("Add KPIs")
        for (value, day) in [("395", "2026-03-01"), ("380", "2026-04-01")] {
            try fixture.write("programs/pay/kpis.yaml", KPIsCommandTests.kpis(current: value, asOf: day))
            try fixture.commitAll("Measure K1")
        }
        let html = try Run.charter(["report", "--as-of", "2026-04-02"], in: fixture.path).stdout
        #expect(html.contains("Checkout p99 latency: 3 recorded values, latest 380 ms on 2026-04-01, target 300 ms"))
        #expect(html.matches(of: /<circle class="point"/).count == 3)
        for point in ["2026-02-01: 420 ms", "2026-03-01: 395 ms", "2026-04-01: 380 ms"] { #expect(html.contains(point)) }
        #expect(html.contains("lower is better"))
        #expect(html.contains("baseline 420") && html.contains("target 300"))
        let markdown = try Run.charter(["report", "--format", "markdown", "--as-of", "2026-04-02"], in: fixture.path).stdout
        #expect(markdown.contains("| **pay** | K1 · Checkout p99 latency | 420 ms | 380 ms (2026-04-01) | 300 ms | lower ↓ | "))
        #expect(markdown.contains(" | █▃▁ |"))
        // K2 has no measurement yet: no points, still listed.
        #expect(markdown.contains("K2 · Card auth success rate | 96.5% | — | 98.5% | higher ↑ | unknown |"))

        // An uncommitted measurement is the plan's latest value: charted after the committed ones.
        try fixture.write("programs/pay/kpis.yaml", KPIsCommandTests.kpis(current: "362", asOf: "2026-04-20"))
        let worktree = try Run.charter(["report", "--as-of", "2026-04-21"], in: fixture.path).stdout
        #expect(worktree.contains("4 recorded values, latest 362 ms on 2026-04-20"))
        let committed = try Run.charter(["report", "--rev", "HEAD"], in: fixture.path).stdout
        #expect(committed.contains("3 recorded values, latest 380 ms"))
    }

    @Test func theCriticalPathIsTheSchedulersAndACycleStillRenders() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace(["programs/pay/milestones.yaml": """
        milestones:
          - { id: M1, name: Design, start: 2026-01-05, date: 2026-02-01 }
          - { id: M2, name: Side track, start: 2026-01-05, date: 2026-02-10 }
          - { id: M3, name: Beta, start: 2026-02-02, date: 2026-05-01, depends_on: [M1] }

        """])
        try fixture.commitAll("Plan")
        let markdown = try Run.charter(["report", "--format", "markdown", "--as-of", "2026-01-05"], in: fixture.path).stdout
        // As charter schedule has it: M3's own start leaves M1 a day of slack, so only M3 is critical
        // (the chain of latest dates, the stand-in without a schedule, would take M1 too).
        let schedule = try Run.charter(["schedule", "--as-of", "2026-01-05"], in: fixture.path).stdout
        #expect(schedule.contains("critical path: M3 Beta (2026-05-01)"))
        #expect(markdown.contains("M3 Beta :crit, p0_M3, 2026-02-02, 2026-05-01"))
        #expect(markdown.contains("M1 Design :p0_M1, 2026-01-05, 2026-02-01"))
        #expect(markdown.contains("M2 Side track :p0_M2, 2026-01-05, 2026-02-10"))
        #expect(!markdown.contains("No schedule"))

        try fixture.write("programs/pay/milestones.yaml", """
        milestones:
          - { id: M1, name: Design, date: 2026-02-01, depends_on: [M2] }
          - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M1] }

        """)
        let html = try Run.charter(["report", "--as-of", "2026-01-05"], in: fixture.path)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("No schedule: dependency cycle: pay/M1 → pay/M2 → pay/M1."))
        #expect(html.stdout.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gantt\""))
        let cycle = try Run.charter(["report", "--format", "markdown", "--as-of", "2026-01-05"], in: fixture.path).stdout
        #expect(cycle.contains("> ⚠️ No schedule: dependency cycle: pay/M1 → pay/M2 → pay/M1."))
        // The chain of latest dates stands in for the critical path.
        #expect(cycle.contains("M2 Beta :milestone, crit, p0_M2, 2026-05-01, 0d"))
    }
}
