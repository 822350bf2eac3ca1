import CharterCore

/// Turns a validation report into text in one format. Reporters are pure: same report and
/// context, same text, and they never print. Every rendering ends with a newline, so callers
/// write it as it is.
public protocol ValidationReporter: Sendable {
    static var format: ValidationFormat { get }
    static func render(_ report: ValidationReport, context: ReportContext) -> String
}

/// The flat registry of reporters, one per format, in the order of `ValidationFormat.allCases`.
public enum ValidationReporters {
    public static let all: [any ValidationReporter.Type] = ValidationFormat.allCases.map(reporter(for:))

    /// The reporter for a format. The switch is exhaustive, so a new format needs its reporter.
    public static func reporter(for format: ValidationFormat) -> any ValidationReporter.Type {
        switch format {
        case .text: return TextReporter.self
        case .json: return JSONReporter.self
        case .sarif: return SARIFReporter.self
        case .github: return GitHubActionsReporter.self
        case .codequality: return CodeQualityReporter.self
        }
    }

    public static func render(_ report: ValidationReport, as format: ValidationFormat, context: ReportContext) -> String {
        reporter(for: format).render(report, context: context)
    }
}
