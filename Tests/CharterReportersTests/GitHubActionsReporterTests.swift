import CharterCore
import Testing
@testable import CharterReporters

@Suite struct GitHubActionsReporterTests {
    @Test func annotatesEachFindingThenPrintsTheTextReport() throws {
        let output = Samples.render(.github)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "::error file=plans/x/programs/acme pay/milestones.yaml,line=12,col=5,title=unknown-reference::"
            + "M2 depends on M9, which does not exist"
            + "%0Anote: M2 is defined here (plans/x/programs/acme pay/milestones.yaml:10:5)"
            + "%0Anote: ids are case-sensitive")
        #expect(lines[1] == "::warning file=plans/x/programs/core/budget.yaml,line=3,col=7,title=budget-over-total::"
            + "budget: 105%25 of total, over by $5,000%0Araise the total or cut a line")

        let text = TextReporter.render(Samples.report, context: Samples.context)
        let start = try #require(lines[2].wholeMatch(of: /::stop-commands::(charter-[0-9a-f]{16})/))
        let token = String(start.1)
        #expect(output == lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + text + "::\(token)::\n")
        #expect(!text.contains(token))
    }

    @Test func textReportIsNeverColoured() {
        var context = Samples.context
        context.useColor = true
        #expect(!Samples.render(.github, context: context).contains("\u{1B}"))
    }

    @Test func escapesDataAndPropertiesAsTheRunnerExpects() {
        #expect(GitHubActionsReporter.escapeData("100% done:\r\nnext, then") == "100%25 done:%0D%0Anext, then")
        #expect(GitHubActionsReporter.escapeProperty("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae")

        let diagnostic = Diagnostic(ruleID: "r:1,2", severity: .error,
                                    location: SourceLocation(path: "q3:q4, plans/x%.yaml", line: 2, column: 1),
                                    message: "50% over: cut 1,000\n::error::injected")
        let line = GitHubActionsReporter.annotation(diagnostic, context: ReportContext())
        #expect(line == "::error file=q3%3Aq4%2C plans/x%25.yaml,line=2,col=1,title=r%3A1%2C2::50%25 over: cut 1,000%0A::error::injected")
        #expect(!line.contains("\n"))
    }

    @Test func messagesCannotInjectCommands() {
        let report = ValidationReport(diagnostics: [
            Diagnostic(ruleID: "invalid-value", severity: .warning,
                       location: SourceLocation(path: "people.yaml", line: 1, column: 1),
                       message: "bad\n::add-mask::secret\r::error::fake"),
        ])
        let output = Samples.render(.github, report)
        let lines = output.split(separator: "\n").map(String.init)
        // Outside the stop-commands block, the only commands are ours.
        let stop = lines.firstIndex { $0.hasPrefix("::stop-commands::") }!
        let token = lines[stop].dropFirst("::stop-commands::".count)
        #expect(lines.last == "::\(token)::")
        #expect(lines[..<stop].allSatisfy { $0.hasPrefix("::warning file=") || $0.hasPrefix("::error file=") })
        #expect(stop == 1)
        #expect(lines[(stop + 1)..<(lines.count - 1)].allSatisfy { !$0.contains("::\(token)::") })
    }

    @Test func emptyReportIsJustTheSummary() {
        let output = Samples.render(.github, Samples.empty)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("::stop-commands::charter-"))
        #expect(lines[1] == "no problems found")
        #expect(lines[2] == "::\(lines[0].dropFirst("::stop-commands::".count))::")
    }
}
