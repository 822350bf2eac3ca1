import CharterCore
import Testing
@testable import CharterReporters

@Suite struct TextReporterTests {
    @Test func rendersFindingsNotesAndSummaryLikeACompiler() {
        let expected = """
            programs/acme pay/milestones.yaml:12:5: error: M2 depends on M9, which does not exist [unknown-reference]
            programs/acme pay/milestones.yaml:10:5: note: M2 is defined here
            note: ids are case-sensitive
            programs/core/budget.yaml:3:7: warning: budget: 105% of total, over by $5,000 [budget-over-total]
                raise the total or cut a line
            1 error, 1 warning

            """
        #expect(Samples.render(.text) == expected)
    }

    @Test func pathsStayWorkspaceRelative() {
        #expect(!Samples.render(.text).contains("plans/x"))
    }

    @Test func emptyReportSaysSo() {
        #expect(Samples.render(.text, Samples.empty) == "no problems found\n")
    }

    @Test(arguments: [
        (0, 0, "no problems found"),
        (1, 0, "1 error, 0 warnings"),
        (0, 1, "0 errors, 1 warning"),
        (2, 1, "2 errors, 1 warning"),
        (1, 2, "1 error, 2 warnings"),
        (10, 10, "10 errors, 10 warnings"),
    ])
    func summaryCountsWithRightPlurals(errors: Int, warnings: Int, expected: String) {
        #expect(TextReporter.summary(errors: errors, warnings: warnings) == expected)
    }

    @Test func coloursOnlyWhenAsked() {
        let plain = Samples.render(.text)
        #expect(!plain.contains("\u{1B}"))

        var context = Samples.context
        context.useColor = true
        let coloured = Samples.render(.text, context: context)
        #expect(coloured.contains("\u{1B}[1mprograms/acme pay/milestones.yaml:12:5:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m M2 depends"))
        #expect(coloured.contains("\u{1B}[1mprograms/core/budget.yaml:3:7:\u{1B}[0m \u{1B}[33mwarning:\u{1B}[0m budget"))
        #expect(coloured.contains("\u{1B}[1mprograms/acme pay/milestones.yaml:10:5:\u{1B}[0m \u{1B}[36mnote:\u{1B}[0m M2 is defined here"))
        #expect(coloured.contains("\n\u{1B}[36mnote:\u{1B}[0m ids are case-sensitive\n"))
        // Without the escapes, the coloured report reads exactly like the plain one.
        #expect(coloured.replacing(/\x1B\[[0-9;]*m/, with: "") == plain)
    }

    @Test func controlCharactersFromPlanFilesAreEscaped() {
        let report = ValidationReport(diagnostics: [
            Diagnostic(ruleID: "invalid-value", severity: .error,
                       location: SourceLocation(path: "programs/demo/program.yaml", line: 2, column: 7),
                       message: "status \u{1B}[2Jdone\u{7} is not one of proposed, active\r\nsecond line"),
        ])
        let text = Samples.render(.text, report)
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{7}"))
        #expect(!text.contains("\r"))
        #expect(text.contains("error: status \\u{1B}[2Jdone\\u{7} is not one of proposed, active [invalid-value]\n    second line\n"))
    }

    @Test func repositoryPathJoinsThePrefix() {
        func joined(_ prefix: String, _ path: String) -> String {
            ReportContext(pathPrefix: prefix).repositoryPath(path)
        }
        #expect(joined("", "programs/a/program.yaml") == "programs/a/program.yaml")
        #expect(joined("plans/acme", "programs/a/program.yaml") == "plans/acme/programs/a/program.yaml")
        #expect(joined("plans/acme/", "people.yaml") == "plans/acme/people.yaml")
        #expect(joined("./plans", "./people.yaml") == "plans/people.yaml")
        #expect(joined(".", "people.yaml") == "people.yaml")
        #expect(joined("plans", "") == "plans")
    }
}
