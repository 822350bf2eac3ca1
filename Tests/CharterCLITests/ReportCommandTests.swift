import Foundation
import Testing

/// `charter report` on real repositories: one commit, no baselines, an annotated baseline tag,
/// --since as a day and as a revision, --rev, markdown, --out.
@Suite("charter report")
struct ReportCommandTests {
    /// A workspace with one commit.
    static func oneCommit() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.commitAll("Start the Payments program")
        return fixture
    }

    /// Three commits: start, baseline tag q1 on it (`git tag -a`, dated 2026-03-02), then a
    /// 14-day slip of M2 and a new risk.
    static func withBaseline() throws -> Fixture {
        let fixture = try oneCommit()
        try fixture.git("tag", "-a", "charter/baseline/q1", "-m", "Q1 baseline")
        try fixture.write("programs/pay/milestones.yaml", """
        milestones:
          - { id: M1, name: Design, date: 2026-02-01, status: done, done_on: 2026-02-01 }
          - { id: M2, name: Beta, date: 2026-05-15, depends_on: [M1] }

        """)
        try fixture.commitAll("Slip Beta two weeks\n\nReason: vendor SDK late")
        try fixture.write("programs/pay/risks.yaml", """
        risks:
          - { id: R1, title: Vendor SDK late, owner: carol, probability: 4, impact: 4, status: open, mitigation: Fallback }

        """)
        try fixture.commitAll("Add vendor risk")
        return fixture
    }

    @Test func oneCommitNoBaselineStillRenders() throws {
        let fixture = try Self.oneCommit()
        let result = try Run.charter(["report", "--as-of", "2026-03-02"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(result.stdout.contains("No baseline yet — charter baseline create NAME"))
        #expect(result.stdout.contains("Changes in the last 30 days (since 2026-01-31)"))
        // The commit is dated 2026-03-02: inside the default 30 days, so it is listed.
        #expect(result.stdout.contains("Start the Payments program"))
        #expect(result.stdout.contains("No risks recorded"))
    }

    @Test func baselineTagGivesGhostsSlipsAndTheChangeLogSinceIt() throws {
        let fixture = try Self.withBaseline()
        let result = try Run.charter(["report", "--as-of", "2026-03-02"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        let html = result.stdout
        #expect(html.contains("Since baseline q1"))
        #expect(html.contains("pay/M2 slipped 14d (2026-05-01 → 2026-05-15)"))
        #expect(html.contains("Changes since baseline q1"))
        #expect(html.contains("Slip Beta two weeks") && html.contains("Add vendor risk"))
        #expect(!html.contains("Start the Payments program"))
        #expect(html.contains("class=\"ghost diamond\""))
        #expect(html.contains("slipped 14d vs baseline (2026-05-01 → 2026-05-15)"))
        #expect(html.contains(#"data-probability="4" data-impact="4" data-count="1""#))
    }

    @Test func sinceTakesADayOrARevision() throws {
        let fixture = try Self.withBaseline()
        let first = try fixture.git("rev-list", "--max-parents=0", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let byRevision = try Run.charter(["report", "--since", "HEAD~1", "--format", "markdown"], in: fixture.path)
        #expect(byRevision.status == 0, "\(byRevision.stderr)")
        #expect(byRevision.stdout.contains("Add vendor risk") && !byRevision.stdout.contains("Slip Beta two weeks"))
        let byDay = try Run.charter(["report", "--since", "2026-03-01", "--format", "markdown"], in: fixture.path)
        #expect(byDay.stdout.contains("Slip Beta two weeks") && byDay.stdout.contains("Start the Payments program"))
        let later = try Run.charter(["report", "--since", "2026-03-03", "--format", "markdown"], in: fixture.path)
        #expect(later.stdout.contains("No plan changes"))
        let fromRoot = try Run.charter(["report", "--since", first, "--format", "markdown"], in: fixture.path)
        #expect(fromRoot.stdout.contains("Slip Beta two weeks"))
    }

    @Test func markdownHasAMermaidGanttAndFitsAComment() throws {
        let fixture = try Self.withBaseline()
        let result = try Run.charter(["report", "--format", "markdown", "--as-of", "2026-03-02"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("```mermaid\ngantt\n"))
        #expect(result.stdout.contains("    section Payments\n"))
        #expect(result.stdout.contains("M2 Beta :milestone, crit, p0_M2, 2026-05-15, 0d"))
        #expect(result.stdout.utf8.count <= 65_536)
    }

    @Test func revReportsAnOldCommitAndOutWritesAFile() throws {
        let fixture = try Self.withBaseline()
        let result = try Run.charter(["report", "--rev", "HEAD~2", "--out", "out/report.html"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("wrote out/report.html"))
        let html = try fixture.read("out/report.html")
        #expect(html.contains("plans: HEAD~2"))
        #expect(html.contains("2026-05-01"))
        #expect(!html.contains("Vendor SDK late"))
    }

    @Test func badInputIsAUsageError() throws {
        let fixture = try Self.withBaseline()
        let missing = try Run.charter(["report", "--baseline", "nope"], in: fixture.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no baseline 'nope'; there are: q1 (charter baseline list)"))
        // The same words as charter variance: both ask the baselines API.
        let variance = try Run.charter(["variance", "--baseline", "nope"], in: fixture.path)
        #expect(variance.status == 2 && variance.stderr == missing.stderr)
        let program = try Run.charter(["report", "paj"], in: fixture.path)
        #expect(program.status == 2)
        #expect(program.stderr.contains("no program 'paj' (programs: pay)"))
        let date = try Run.charter(["report", "--as-of", "2026-02-30"], in: fixture.path)
        #expect(date.status == 2)
    }

    @Test func aFolderOutsideGitAndAnUnbornBranchStillRender() throws {
        let plain = try Fixture()
        try plain.writeWorkspace()
        let outside = try Run.charter(["report"], in: plain.path)
        #expect(outside.status == 0, "\(outside.stderr)")
        #expect(outside.stdout.contains("Payments"))
        try plain.git("init", "-q")
        let unborn = try Run.charter(["report", "--format", "markdown"], in: plain.path)
        #expect(unborn.status == 0, "\(unborn.stderr)")
        #expect(unborn.stdout.contains("No plan changes"))
    }
}
