import Foundation
import Testing

/// `charter report` with a forecast: the Gantt's P50–P85 whiskers and the chance of meeting
/// each target, done milestones before the window folded for programs with many milestones,
/// and the markdown table, all agreeing with `charter forecast` on the same plans.
@Suite struct ReportForecastTests {
    /// 150 generated milestones in three programs (50 each: more than the chart folds at).
    static func generated() throws -> (Fixture, String) {
        let fixture = try Fixture()
        let repo = fixture.url("repo").path
        let generated = try Run.process("/usr/bin/env", [
            "python3", ForecastSamplingCheckTests.root.appendingPathComponent("Scripts/generate-forecast-history.py").path,
            repo, "--dependencies", "0.4"], in: fixture.path)
        try #require(generated.status == 0, "\(generated.stderr)")
        return (fixture, repo)
    }

    @Test("the HTML Gantt has whiskers, the chance of meeting the target and one row for the done milestones before the window")
    func htmlWhiskersAndFold() throws {
        let (fixture, repo) = try Self.generated()
        defer { withExtendedLifetime(fixture) {} }
        let report = try Run.charter(["report", "--rev", "HEAD"], in: repo)
        #expect(report.status == 0, "\(report.stderr)")
        let html = report.stdout
        #expect(html.contains("class=\"whisker"))
        #expect(html.contains("class=\"whisker beyond\""), "a P85 the history cannot reach runs dashed to the edge")
        #expect(html.contains("chance of meeting the target"))
        #expect(html.contains("forecast P50–P85"))
        let folded = html.components(separatedBy: "class=\"folded\"").count - 1
        #expect(folded == 3, "one folded row per program, not \(folded)")
        #expect(html.contains("done before "))
        // The folded milestones are not drawn one by one: far fewer rows than milestones.
        let rows = html.components(separatedBy: "class=\"milestone ").count - 1
        #expect(rows > 0 && rows < 150, "\(rows) milestone rows")
    }

    /// A JSON quantile as the tables print it.
    static func phrase(_ quantile: [String: Any]) -> String {
        if let date = quantile["date"] as? String { return date }
        return (quantile["later_than"] as? String).map { "later than \($0)" } ?? "beyond the data"
    }

    @Test("the markdown report's forecast table gives charter forecast's dates")
    func markdownTableMatchesForecast() throws {
        let (fixture, repo) = try Self.generated()
        defer { withExtendedLifetime(fixture) {} }
        let report = try Run.charter(["report", "--rev", "HEAD", "--format", "markdown"], in: repo)
        #expect(report.status == 0, "\(report.stderr)")
        let heading = "### Forecast from the plan's history (P50 / P85 / P95)"
        let section = try #require(report.stdout.components(separatedBy: heading).dropFirst().first?
            .components(separatedBy: "\n### ").first, "no forecast table")
        let lines = section.split(separator: "\n")
        let forecast = try ForecastCommandTests.json(try Run.charter(["forecast", "--rev", "HEAD", "--format", "json"], in: repo).stdout)
        let programs = try #require(forecast["programs"] as? [[String: Any]])
        for program in programs {
            let id = try #require(program["program"] as? String)
            let p50 = try #require(program["p50"] as? [String: Any])
            let phrase = Self.phrase(p50)
            let line = lines.first { $0.hasPrefix("| **\(id)** | _end_ |") }
            #expect(line?.contains("| \(phrase) |") == true, "\(id): \(line ?? "no row") vs P50 \(phrase)")
            for milestone in (program["milestones"] as? [[String: Any]] ?? []) where milestone["fixed"] as? Bool == false {
                let ref = try #require(milestone["ref"] as? String)
                let mid = String(ref.split(separator: "/")[1])
                let p85 = try #require(milestone["p85"] as? [String: Any])
                let phrase85 = Self.phrase(p85)
                let row = lines.first { $0.hasPrefix("| **\(id)** | \(mid) · ") }
                #expect(row?.contains("| \(phrase85) |") == true, "\(ref): \(row ?? "no row") vs P85 \(phrase85)")
            }
        }
    }
}
