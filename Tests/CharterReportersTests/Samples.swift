import CharterCore
import Foundation
@testable import CharterReporters

/// Reports and contexts the reporter tests render.
enum Samples {
    static let rules: [RuleDescription] = [
        rule("yaml-syntax", "YAML syntax", "A plan file must be valid YAML.", .files, .error),
        rule("unknown-reference", "Unknown reference", "A reference must name an entity that exists.", .references, .error),
        rule("budget-over-total", "Budget over total", "Budget lines must not add up to more than the total.", .budget, .warning),
    ]

    static func rule(_ id: String, _ name: String, _ summary: String, _ category: RuleCategory, _ severity: Severity) -> RuleDescription {
        RuleDescription(id: id, name: name, summary: summary, category: category, defaultSeverity: severity,
                        triggeringExamples: [], nonTriggeringExamples: [])
    }

    static let spacedPath = "programs/acme pay/milestones.yaml"
    static let budgetPath = "programs/core/budget.yaml"
    /// Has `%`, `:`, `,` and a newline.
    static let trickyMessage = "budget: 105% of total, over by $5,000\nraise the total or cut a line"

    static func unknownReference(line: Int = 12) -> Diagnostic {
        Diagnostic(
            ruleID: "unknown-reference",
            severity: .error,
            location: SourceLocation(path: spacedPath, line: line, column: 5),
            message: "M2 depends on M9, which does not exist",
            notes: [
                Diagnostic.Note("M2 is defined here", at: SourceLocation(path: spacedPath, line: 10, column: 5)),
                Diagnostic.Note("ids are case-sensitive"),
            ]
        )
    }

    static func budgetWarning(line: Int = 3) -> Diagnostic {
        Diagnostic(
            ruleID: "budget-over-total",
            severity: .warning,
            location: SourceLocation(path: budgetPath, line: line, column: 7),
            message: trickyMessage
        )
    }

    /// An error with two notes (one with a location), a warning, a path with a space, a tricky message.
    static let report = ValidationReport(diagnostics: [budgetWarning(), unknownReference()])
    static let empty = ValidationReport(diagnostics: [])

    static let context = ReportContext(toolVersion: "1.2.3", useColor: false, rules: rules, pathPrefix: "plans/x")

    static func render(_ format: ValidationFormat, _ report: ValidationReport = report, context: ReportContext = context) -> String {
        ValidationReporters.render(report, as: format, context: context)
    }

    /// Parses rendered JSON, failing the test's expectation (not crashing) when it is not JSON.
    static func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
