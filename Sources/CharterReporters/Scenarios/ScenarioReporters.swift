import CharterCore

/// The output formats of `charter scenarios --format`. The raw value is the name on the command line.
public enum ScenarioFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case json
}

/// Turns a scenario report into text in one format. Pure; every rendering ends with a newline.
public enum ScenarioReporters {
    public static func render(_ report: ScenarioReport, as format: ScenarioFormat, useColor: Bool = false) -> String {
        switch format {
        case .text: return ScenarioTextReporter.render(report)
        case .markdown: return ScenarioMarkdownReporter.render(report)
        case .json: return ScenarioJSONReporter.render(report)
        }
    }
}

/// Wording the text and markdown reports share.
enum ScenarioPhrases {
    static func verdict(_ branch: BranchScenario) -> String {
        if !branch.mergesCleanly { return "does not merge" }
        return branch.valid ? "valid" : "invalid (\(branch.errors) error\(branch.errors == 1 ? "" : "s"))"
    }

    static func forecast(_ change: ForecastChange) -> String {
        let days = change.days.map { " (\(DiffFormatting.signedDays($0)))" } ?? ""
        return "\(change.program) ends \(change.from?.description ?? "unscheduled") → \(change.to?.description ?? "unscheduled")\(days)"
    }

    static func counts(_ report: ScenarioReport) -> String {
        let evaluated = report.branches.count
        var parts = ["\(evaluated) branch\(evaluated == 1 ? "" : "es") against \(report.target.ref) (\(report.target.commit.prefix(8)))"]
        if !report.skipped.isEmpty { parts.append("\(report.skipped.count) skipped") }
        parts.append("\(report.pairsChecked) of \(report.pairsPossible) pairs merged (those touching a common program or person)")
        return parts.joined(separator: "; ")
    }

    static func location(_ conflict: ScenarioConflict) -> String {
        conflict.locationText.map { "\($0): " } ?? ""
    }
}
