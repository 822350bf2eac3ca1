import CharterCore

/// The terminal view: each branch with its verdict, summary and forecast changes; the pairs'
/// conflicts; the queue.
public enum ScenarioTextReporter {
    public static func render(_ report: ScenarioReport) -> String {
        var lines = ["Scenarios: " + ScenarioPhrases.counts(report)]
        if !report.branches.isEmpty {
            lines += ["", "Branches merged alone into \(report.target.ref):"]
            for branch in report.branches {
                let ok = branch.mergesCleanly && branch.valid
                lines.append("  \(ok ? "✓" : "✗") \(branch.ref) (\(branch.commit.prefix(8))): \(ScenarioPhrases.verdict(branch))")
                for conflict in branch.textConflicts { lines.append("      conflict in \(conflict.path) (\(conflict.summary))") }
                if let summary = branch.summary { lines.append("      \(summary)") }
                for change in branch.forecastChanges { lines.append("      forecast: \(ScenarioPhrases.forecast(change))") }
                for finding in branch.newFindings {
                    lines.append("      \(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]")
                }
            }
        }
        if !report.skipped.isEmpty {
            lines += ["", "Skipped:"]
            lines += report.skipped.map { "  \($0.ref) (\($0.commit.prefix(8))): \($0.reason)" }
        }
        lines += ["", report.conflicts.isEmpty ? "No conflicts between branches." : "Conflicts between branches (\(report.conflicts.count)):"]
        for conflict in report.conflicts {
            lines.append("  \(conflict.refs.joined(separator: " + ")): \(conflict.kind): \(ScenarioPhrases.location(conflict))\(conflict.message)")
        }
        if let queue = report.queue {
            lines += ["", "Queue (merged in this order; a branch that breaks it is left out):"]
            for (index, step) in queue.steps.enumerated() {
                lines.append("  \(index + 1). \(step.ref): \(step.merged ? "merged" : "breaks the queue")")
                for reason in step.reasons {
                    lines.append("       \(reason.kind): \(ScenarioPhrases.location(reason))\(reason.message)")
                }
            }
            lines.append(queue.firstBroken.map { "First to break the queue: \($0)" } ?? "The whole queue merges and validates.")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
