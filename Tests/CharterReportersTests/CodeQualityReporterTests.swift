import CharterCore
import Foundation
import Testing
@testable import CharterReporters

@Suite struct CodeQualityReporterTests {
    private func issues(_ report: ValidationReport = Samples.report, context: ReportContext = Samples.context) throws -> [[String: Any]] {
        try #require(try Samples.parse(Samples.render(.codequality, report, context: context)) as? [[String: Any]])
    }

    private func fingerprints(_ report: ValidationReport) throws -> [String] {
        try issues(report).map { try #require($0["fingerprint"] as? String) }
    }

    @Test func hasGitLabsShape() throws {
        let issues = try issues()
        #expect(issues.count == 2)
        for issue in issues {
            #expect(Set(issue.keys) == ["description", "check_name", "fingerprint", "severity", "location"])
        }
        let error = issues[0]
        #expect(error["check_name"] as? String == "unknown-reference")
        #expect(error["severity"] as? String == "major")
        #expect(error["description"] as? String == "M2 depends on M9, which does not exist\nnote: M2 is defined here\nnote: ids are case-sensitive")
        let location = try #require(error["location"] as? [String: Any])
        #expect(location["path"] as? String == "plans/x/programs/acme pay/milestones.yaml")
        #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 12)

        let warning = issues[1]
        #expect(warning["severity"] as? String == "minor")
        #expect(warning["description"] as? String == Samples.trickyMessage)
        #expect((warning["location"] as? [String: Any])?["path"] as? String == "plans/x/programs/core/budget.yaml")
    }

    @Test func fingerprintsAreUniqueEvenForIdenticalFindings() throws {
        var diagnostics: [Diagnostic] = []
        for line in 1...50 {
            diagnostics.append(Samples.unknownReference(line: line))
            diagnostics.append(Samples.budgetWarning(line: line))
        }
        let prints = try fingerprints(ValidationReport(diagnostics: diagnostics))
        #expect(prints.count == 100)
        #expect(Set(prints).count == 100)
        #expect(prints.allSatisfy { $0.wholeMatch(of: /[0-9a-f]{16}/) != nil })
    }

    @Test func fingerprintsAreStableWhenLinesMove() throws {
        let before = try fingerprints(ValidationReport(diagnostics: [Samples.unknownReference(line: 12), Samples.unknownReference(line: 20)]))
        let after = try fingerprints(ValidationReport(diagnostics: [Samples.unknownReference(line: 15), Samples.unknownReference(line: 31)]))
        #expect(before == after)
        let reworded = try fingerprints(ValidationReport(diagnostics: [Samples.budgetWarning()]))
        #expect(!before.contains(reworded[0]))
    }

    @Test func emptyReportIsAnEmptyArray() throws {
        let output = Samples.render(.codequality, Samples.empty)
        #expect(try issues(Samples.empty).isEmpty)
        #expect(output.hasSuffix("\n"))
    }
}
