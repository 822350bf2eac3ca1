import CharterCore
import Foundation
@testable import CharterReporters
import Testing

/// `charter schedule --format markdown` and `charter kpis --format markdown`: pure renderings of
/// small in-memory workspaces whose names carry `|`, a newline and markup.
@Suite struct InsightMarkdownReporterTests {
    static let files: [String: String] = [
        "people.yaml": "people:\n  - { id: alice, name: Alice }\n",
        "programs/pay/program.yaml": """
        id: pay
        name: "Pay | ments"
        owner: alice
        status: active
        start: 2026-01-01
        target: 2026-06-30

        """,
        "programs/pay/milestones.yaml": """
        milestones:
          - { id: M1, name: "Design *final*", date: 2026-02-01 }
          - { id: M2, name: "Beta | rollout\\nphase 2", start: 2026-03-01, date: 2026-07-10, depends_on: [M1] }

        """,
        "programs/pay/kpis.yaml": """
        kpis:
          - { id: K1, name: "p99 | checkout\\nlatency", unit: ms, baseline: 420, target: 300, current: 380, as_of: 2026-03-01 }
          - { id: K2, name: Auth rate, unit: "%", baseline: 96.5, target: 98.5 }

        """,
    ]

    static let workspace = WorkspaceLoader.load(from: InMemoryPlanSource(files: files)).workspace

    /// Every table row has as many cells as its header: no `|` from the plans split a cell.
    static func expectWellFormedTables(_ markdown: String) {
        var columns: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count - 1
            if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
        }
    }

    @Test func scheduleHasAHeadingTheForecastAndAnEscapedTable() throws {
        let analysis = try Scheduler.analyze(Self.workspace, asOf: PlanDate("2026-02-15")!)
        let markdown = ScheduleReporters.render(analysis, as: .markdown, context: ScheduleReportContext(source: "HEAD (commit 0123abcd)"))
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(3)) == ["### Schedule as of 2026-02-15", "",
                                           "Plans read: `HEAD (commit 0123abcd)`. **Summary:** 1 program · 1 late · 0 conflicts"])
        #expect(lines.contains("#### pay · Pay \\| ments"))
        #expect(lines.contains("- forecast 2026-07-10 · target 2026-06-30 · 10 days late"))
        #expect(lines.contains("| \\* | M2 · Beta \\| rollout phase 2 | 2026-07-10 | 2026-03-01 | 2026-07-10 | 2026-06-30 | -10d | -10d | start |"),
                "\(markdown)")
        #expect(lines.contains { $0.hasPrefix("|  | M1 · Design \\*final\\* | 2026-02-01 |") }, "\(markdown)")
        #expect(markdown.hasSuffix("|\n") && !markdown.contains("\u{1B}["))
        Self.expectWellFormedTables(markdown)
    }

    @Test func kpisHaveAHeadingATableAndTheMeasurements() {
        func kpis(_ current: String) -> [String: [KPI]] {
            let edited = Self.files.merging(["programs/pay/kpis.yaml": Self.files["programs/pay/kpis.yaml"]!
                .replacingOccurrences(of: "current: 380, as_of: 2026-03-01", with: current)]) { $1 }
            return ["pay": WorkspaceLoader.load(from: InMemoryPlanSource(files: edited)).workspace.program("pay")!.kpis]
        }
        let trends = KPITrend.trends([
            KPITrend.Snapshot(commit: String(repeating: "a", count: 40), date: PlanDate("2026-02-01")!, kpis: kpis("current: 420, as_of: 2026-02-01")),
            KPITrend.Snapshot(commit: String(repeating: "b", count: 40), date: PlanDate("2026-03-05")!, kpis: kpis("current: 380")),
        ])
        let table = KPITable(workspace: Self.workspace, trends: trends)
        let markdown = KPITableFormat.markdown.render(table, context: KPIReportContext(source: "worktree", historyOf: "HEAD"))
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(3)) == ["### KPIs", "", "Plans read: `worktree`; history of `HEAD`."])
        #expect(lines.contains("| pay · Pay \\| ments | K1 · p99 \\| checkout latency | 420 → 380 ms | 300 ms | 33% | on-track | 2026-03-01 |"),
                "\(markdown)")
        #expect(lines.contains("| pay · Pay \\| ments | K2 · Auth rate | 96.5% (no measurement) | 98.5% | - | unknown | — |"))
        #expect(lines.contains("| pay/K1 | 2026-02-01 | 420 ms | `aaaaaaaa` |"))
        #expect(lines.contains("| pay/K1 | 2026-03-05 (no as\\_of; commit date) | 380 ms | `bbbbbbbb` |"), "\(markdown)")
        Self.expectWellFormedTables(markdown)
    }

    @Test func kpisWithoutAnyAreSaidSo() {
        let empty = WorkspaceLoader.load(from: InMemoryPlanSource(files: ["people.yaml": Self.files["people.yaml"]!])).workspace
        let markdown = KPITableFormat.markdown.render(KPITable(workspace: empty), context: KPIReportContext(source: "worktree"))
        #expect(markdown == "### KPIs\n\nPlans read: `worktree`.\n\nNo KPIs (add `programs/<id>/kpis.yaml`; see docs/kpis.md).\n")
        #expect(KPITableFormat.text.render(KPITable(workspace: empty), context: KPIReportContext(source: "worktree"))
                == "charter kpis · worktree\n\nno KPIs (add programs/<id>/kpis.yaml; see docs/kpis.md)\n")
    }
}
