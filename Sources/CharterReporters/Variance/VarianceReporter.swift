import CharterCore

/// The output formats of `charter variance --format`. The raw value is the name on the command line.
public enum VarianceFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case json
}

/// What a variance reporter needs besides the variance: what was compared with what.
public struct VarianceReportContext: Sendable {
    public var baseline: Baseline
    /// The current side as the user named it: `worktree`, `HEAD`, a revision.
    public var currentLabel: String
    /// The commit behind the label, when it is one.
    public var currentCommit: String?
    /// Colour the text report (the caller decides: a terminal, no `NO_COLOR`).
    public var useColor: Bool

    public init(baseline: Baseline, currentLabel: String, currentCommit: String? = nil, useColor: Bool = false) {
        self.baseline = baseline
        self.currentLabel = currentLabel
        self.currentCommit = currentCommit
        self.useColor = useColor
    }

    /// `q1-plan (2026-02-20, 4e5f6a7b)`.
    var baselineDescription: String {
        "\(baseline.name) (\(baseline.date.day), \(baseline.commit.prefix(8)))"
    }

    /// `worktree`, `HEAD (9a250f5c)`.
    var currentDescription: String {
        guard let commit = currentCommit else { return currentLabel }
        let short = String(commit.prefix(8))
        return commit.hasPrefix(currentLabel) || currentLabel.hasPrefix(short) ? short : "\(currentLabel) (\(short))"
    }
}

/// Renders a variance in one format. Pure; every rendering ends with a newline.
public enum VarianceReporters {
    public static func render(_ variance: PlanVariance, as format: VarianceFormat, context: VarianceReportContext) -> String {
        switch format {
        case .text: return VarianceTextReporter.render(variance, context: context)
        case .markdown: return VarianceMarkdownReporter.render(variance, context: context)
        case .json: return VarianceJSONReporter.render(variance, context: context)
        }
    }
}
