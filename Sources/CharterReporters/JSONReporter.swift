import CharterCore

/// The brief's shape, with workspace-relative paths:
/// `{"diagnostics":[{"rule","severity","path","line","column","message","notes":[{"message","path"?,"line"?,"column"?}],
///   "suggestion"?}],
///   "summary":{"errors","warnings"}}`. Keys sorted, pretty printed.
public enum JSONReporter: ValidationReporter {
    public static let format = ValidationFormat.json

    public static func render(_ report: ValidationReport, context: ReportContext) -> String {
        encodeJSON(Document(report))
    }

    struct Document: Encodable {
        var diagnostics: [Entry]
        var summary: Summary

        init(_ report: ValidationReport) {
            diagnostics = report.diagnostics.map(Entry.init)
            summary = Summary(errors: report.errorCount, warnings: report.warningCount)
        }
    }

    struct Entry: Encodable {
        var rule: String
        var severity: Severity
        var path: String
        var line: Int
        var column: Int
        var message: String
        var notes: [Note]
        /// Only when the finding is about a mistyped name: what was probably meant.
        var suggestion: String?

        init(_ diagnostic: Diagnostic) {
            rule = diagnostic.ruleID
            severity = diagnostic.severity
            path = diagnostic.location.path
            line = diagnostic.location.line
            column = diagnostic.location.column
            message = diagnostic.message
            notes = diagnostic.notes.map(Note.init)
            suggestion = diagnostic.suggestion
        }
    }

    struct Note: Encodable {
        var message: String
        var path: String?
        var line: Int?
        var column: Int?

        init(_ note: Diagnostic.Note) {
            message = note.message
            path = note.location?.path
            line = note.location?.line
            column = note.location?.column
        }
    }

    struct Summary: Encodable {
        var errors: Int
        var warnings: Int
    }
}
