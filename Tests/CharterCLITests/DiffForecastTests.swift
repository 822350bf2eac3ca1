import Foundation
import Testing

/// `charter diff --forecast`: how a change moved each program's forecast P85.
@Suite struct DiffForecastTests {
    @Test("moving a milestone a month later moves its program's P85 and, through a dependency, another's")
    func p85MovesWithTheChange() throws {
        let fixture = try ForecastCommandTests.onTimeHistory()
        try fixture.write("programs/identity/milestones.yaml", """
        milestones:
          - { id: M3, name: Token service GA, start: 2026-04-01, date: 2026-06-10 }

        """)
        let result = try Run.charter(["diff", "--forecast", "--as-of", "2026-01-28"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Forecast P85 (charter forecast, before → after):"))
        #expect(result.stdout.contains("  identity: 2026-05-10 → 2026-06-10 (+31d)"), "\(result.stdout)")
        #expect(result.stdout.contains("  pay: 2026-06-10 → 2026-07-11 (+31d)"), "\(result.stdout)")
        #expect(!result.stdout.contains("  old:"), "a program the change does not reach does not move")
        let markdown = try Run.charter(["diff", "--forecast", "--as-of", "2026-01-28", "--format", "markdown"], in: fixture.path)
        #expect(markdown.stdout.contains("- **identity**: 2026-05-10 → 2026-06-10 (+31d)"), "\(markdown.stdout)")
        let json = try Run.charter(["diff", "--forecast", "--format", "json"], in: fixture.path)
        #expect(json.status == 2)
        #expect(json.stderr.contains("--forecast writes text or markdown"))
    }

    @Test func withoutTheFlagTheDiffSaysNothingOfTheForecast() throws {
        let fixture = try ForecastCommandTests.onTimeHistory()
        try fixture.write("programs/identity/milestones.yaml", "milestones:\n  - { id: M3, name: Token service GA, start: 2026-04-01, date: 2026-06-10 }\n")
        let result = try Run.charter(["diff", "--as-of", "2026-01-28"], in: fixture.path)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("Forecast P85"))
    }
}
