import CharterCore
import Foundation
@testable import CharterReporters
import Testing

/// A status report with hostile text in every field a plan author controls.
enum ReportSamples {
    static func day(_ text: String) -> PlanDate { PlanDate(text)! }

    static let hostile = "<script>alert(1)</script> & \"quotes\" 'x' : # ; \u{7}"

    static var program: ProgramStatus {
        var program = ProgramStatus(
            id: "pay", name: "Payments \(hostile)", owner: "Alice <a@x>", status: "active", start: day("2026-01-12"),
            target: day("2026-09-30"), forecastEnd: day("2026-10-15"),
            milestones: [
                MilestoneBar(id: "M1", name: "Design: review #1; done", start: day("2026-01-12"), date: day("2026-02-15"), status: .done,
                             critical: true, baselineDate: day("2026-02-15")),
                MilestoneBar(id: "M2", name: hostile, date: day("2026-05-15"), status: .atRisk, critical: true,
                             baselineDate: day("2026-05-01")),
                MilestoneBar(id: "M3", name: "Launch", start: day("2026-06-01"), date: day("2026-10-15"), critical: true),
                MilestoneBar(id: "M4", name: "Someday", date: nil),
            ],
            risks: [RiskPoint(id: "R1", title: hostile, probability: 4, impact: 5, status: "open"),
                    RiskPoint(id: "R2", title: "Vendor", probability: 4, impact: 5, status: "mitigating"),
                    RiskPoint(id: "R3", title: "Closed", probability: 1, impact: 1, status: "closed")],
            currency: "USD", budgetTotal: 1_000_000,
            budget: [BudgetCategory(name: "vendor \(hostile)", amount: 600_000), BudgetCategory(name: "people", amount: 300_000)],
            atRisk: [AtRiskMilestone(id: "M2", name: hostile, date: day("2026-05-15"), owner: nil, reasons: ["overdue by 3d"])],
            kpis: [KPISeries(id: "K1", name: "p99 \(hostile)", unit: "ms", baseline: 900, target: 300, direction: "decrease",
                             points: [.init(asOf: day("2026-01-31"), value: 850), .init(asOf: day("2026-03-31"), value: 610),
                                      .init(asOf: day("2026-04-30"), value: 480)])])
        program.criticalPaths = [["M1", "M2", "M3"]]
        return program
    }

    static var report: StatusReport {
        var report = StatusReport(title: "acme \(hostile)", generatedAt: "2026-05-18T10:00:00Z", asOf: day("2026-05-18"),
                                  source: "worktree", programs: [program])
        report.baseline = .init(name: "q1", commit: String(repeating: "a", count: 40), date: day("2026-03-01"))
        report.changeLog = .init(since: "since baseline q1", entries: [
            .init(id: "CR-0123456789ab", commit: "0123456789ab", date: "2026-04-01", author: "Bob \(hostile)", title: hostile,
                  reason: hostile, approvals: ["Carol (sponsor)"], approvalRequired: true, approved: true, impact: "max slip 14d"),
        ], omitted: 2)
        report.diffSummary = .init(from: "baseline q1", to: "worktree", rows: [.init(label: "milestones", value: hostile)],
                                   highlights: ["pay/M2 slipped 14d"], line: hostile)
        return report
    }
}

@Suite("Status report renderers")
struct StatusReportRendererTests {
    /// The first well-formedness error of the page read as XML (charter's own strict reader),
    /// without its `<!DOCTYPE html>`, which that reader refuses.
    static func xmlError(_ html: String) -> XMLError? {
        var scanner = XMLScanner(Array(html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "").utf8))
        do {
            while try scanner.next() != nil {}
            return nil
        } catch {
            return error
        }
    }

    @Test func htmlIsWellFormedXMLWithEveryStringEscaped() throws {
        let html = HTMLReportRenderer.render(ReportSamples.report)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;x&#39;"))
        #expect(!html.contains("\u{7}"))
        let error = Self.xmlError(html)
        #expect(error == nil, "not well-formed: \(error.map(String.init(describing:)) ?? "")")
    }

    @Test func htmlIsSelfContained() {
        let html = HTMLReportRenderer.render(ReportSamples.report)
        for external in [#"src=""#, "src='", "<script", "<link", "@import", "url(", #"href="http"#, "href='http"] {
            #expect(!html.contains(external), "found \(external)")
        }
        // The only URL is the SVG namespace, which browsers never fetch.
        let urls = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg") })
        #expect(html.contains("@media print"))
        #expect(html.contains("<meta name=\"viewport\""))
    }

    @Test func ganttBarsStayInsideTheViewBoxAndTodayIsWhereItBelongs() throws {
        let program = ReportSamples.program
        let asOf = ReportSamples.day("2026-05-18")
        let svg = GanttChart.render(program, asOf: asOf, idPrefix: "p1")
        let viewBox = try #require(svg.firstMatch(of: /viewBox="0 0 ([0-9.]+) ([0-9.]+)"/))
        let width = Double(viewBox.1)!, height = Double(viewBox.2)!
        #expect(height == GanttChart.headerHeight + 3 * GanttChart.rowHeight + GanttChart.footerHeight)
        for match in svg.matches(of: /<rect class="(?:bar|ghost)" x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)" height="([0-9.]+)"/) {
            let x = Double(match.1)!, y = Double(match.2)!, w = Double(match.3)!, h = Double(match.4)!
            #expect(x >= GanttChart.chartX && x + w <= width && y >= 0 && y + h <= height)
        }
        #expect(svg.matches(of: /<rect class="bar"/).count == 2)
        #expect(svg.matches(of: /class="bar diamond"/).count == 1)
        #expect(svg.contains("class=\"ghost diamond\""))
        // Today's line: at as-of on the same scale the bars use.
        let scale = try #require(GanttChart.scale(program, rows: GanttChart.rows(program, asOf: asOf), asOf: asOf))
        let today = try #require(svg.firstMatch(of: /<g class="today">.*?<line x1="([0-9.]+)"/))
        #expect(abs(Double(today.1)! - scale.position(asOf)) < 0.1)
        #expect(scale.position(scale.from) == GanttChart.chartX)
        #expect(svg.contains("<title"))
        #expect(svg.contains("critical path: M1 → M2 → M3"))
    }

    @Test func aMilestoneAtTheEndOfTimeStillDraws() {
        var program = ReportSamples.program
        program.milestones.append(MilestoneBar(id: "M9", name: "Far future", date: ReportSamples.day("9999-12-25")))
        let svg = GanttChart.render(program, asOf: ReportSamples.day("2026-05-18"), idPrefix: "p1")
        #expect(svg.contains("Far future"))
        #expect(svg.contains("Dec 9999") || svg.contains("9999"))
    }

    @Test func heatMapCountsOpenRisksInTheirCells() {
        let svg = RiskHeatMap.render(ReportSamples.program.risks, programName: "Payments", idPrefix: "p1")
        #expect((svg.components(separatedBy: "<g class=\"cell ").count - 1) == 25)
        #expect(svg.contains(#"data-probability="4" data-impact="5" data-count="2""#))
        // Closed risks are not on the map.
        #expect(svg.contains(#"data-probability="1" data-impact="1" data-count="0""#))
        #expect(svg.contains("band-critical"))
        #expect(RiskHeatMap.band(score: 4) == "low" && RiskHeatMap.band(score: 15) == "critical")
    }

    @Test func mermaidLinesFollowTheGanttGrammar() {
        let block = MermaidGantt.render(ReportSamples.report).text
        let lines = block.split(separator: "\n").map(String.init)
        #expect(lines.first == "```mermaid" && lines.last == "```" && lines[1] == "gantt")
        let task = /^    [^:#;]+ :(?:(?:milestone|done|active|crit), )*p[0-9]+_[A-Za-z0-9_]+, \d{4}-\d{2}-\d{2}, (?:\d{4}-\d{2}-\d{2}|0d)$/
        let other = /^    (?:title [^:#;]+|dateFormat YYYY-MM-DD|axisFormat %b %Y|section [^:#;]+)$/
        for line in lines.dropFirst(2).dropLast() {
            #expect(line.wholeMatch(of: task) != nil || line.wholeMatch(of: other) != nil, "bad line: \(line)")
        }
        #expect(block.contains(":done, crit, p0_M1, 2026-01-12, 2026-02-15"))
        #expect(block.contains(":milestone, active, crit, p0_M2, 2026-05-15, 0d"))
        #expect(!block.contains("Someday"))
    }

    @Test func markdownFitsTheCommentLimitAndEscapes() {
        var report = ReportSamples.report
        report.programs = (0..<300).map { index in
            var program = ReportSamples.program
            program.id = "program-\(index)"
            return program
        }
        let markdown = MarkdownReportRenderer.render(report)
        #expect(markdown.utf8.count <= DiffReportContext.gitHubCommentLimit)
        #expect(markdown.contains("more not shown") || markdown.contains("left out"))
        #expect(!markdown.contains("<script"))
        let mermaid = markdown.components(separatedBy: "```mermaid")[1].components(separatedBy: "```")[0]
        #expect(mermaid.utf8.count < 50_000)
    }

    @Test func emptyReportStillRenders() throws {
        let report = StatusReport(title: "empty", generatedAt: "now", asOf: ReportSamples.day("2026-01-01"), source: "worktree",
                                  programs: [ProgramStatus(id: "x", name: "X")])
        let html = HTMLReportRenderer.render(report)
        #expect(html.contains("No baseline yet — charter baseline create NAME"))
        #expect(html.contains("No dated milestones yet."))
        #expect(html.contains("No risks recorded"))
        #expect(html.contains("No budget recorded"))
        #expect(Self.xmlError(html) == nil)
        let markdown = MarkdownReportRenderer.render(report)
        #expect(markdown.contains("No baseline yet"))
    }

    @Test func kpiChartDrawsEveryPointAndTheTarget() {
        let svg = KPIChart.render(ReportSamples.program.kpis[0], idPrefix: "p1")
        #expect(svg.matches(of: /<circle class="point"/).count == 3)
        #expect(svg.contains("class=\"target\""))
        #expect(MarkdownReportRenderer.sparkline([850, 610, 480]) == "█▃▁")
        // The latest value is written beside its point, with its unit, below it (the line comes from above).
        #expect(svg.contains(#"class="latest" x="342" y="#) && svg.contains(">480 ms</text>"))
        #expect(svg.contains(">target 300</text>") && svg.contains(">baseline 900</text>"))
    }

    @Test func kpiStandingAndDirectionInBothFormats() {
        var report = ReportSamples.report
        report.programs[0].kpis[0].status = "on-track"
        report.programs[0].kpis[0].progressPercent = 70
        let html = HTMLReportRenderer.render(report)
        #expect(html.contains(#"<span class="badge ok">on-track</span>"#))
        #expect(html.contains("lower is better · 70% of the way from baseline to target"))
        let markdown = MarkdownReportRenderer.render(report)
        #expect(markdown.contains("| 900 ms | 480 ms (2026-04-30) | 300 ms | lower ↓ | on-track, 70% of the way from baseline to target | █▃▁ |"))
    }

    @Test func aScheduleNoteIsShownInBothFormats() throws {
        var report = ReportSamples.report
        report.scheduleNote = "No schedule: dependency cycle: pay/M1 → pay/M2 → pay/M1. <b>"
        let html = HTMLReportRenderer.render(report)
        #expect(html.contains(#"<p class="note warn">No schedule: dependency cycle: pay/M1 → pay/M2 → pay/M1. &lt;b&gt;</p>"#))
        #expect(Self.xmlError(html) == nil)
        #expect(MarkdownReportRenderer.render(report).contains("> ⚠️ No schedule: dependency cycle"))
    }
}
