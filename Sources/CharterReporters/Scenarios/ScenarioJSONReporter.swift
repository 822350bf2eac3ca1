import CharterCore

/// `{"target","branches":[…],"skipped":[…],"pairs":{…},"conflicts":[…],"queue"?}`; every key
/// always present in its object (null when unknown), keys sorted. See docs/scenarios.md.
public enum ScenarioJSONReporter {
    public static func render(_ report: ScenarioReport) -> String {
        encodeJSON(Document(
            target: Target(ref: report.target.ref, commit: report.target.commit),
            branches: report.branches.map(Branch.init),
            skipped: report.skipped.map { Skipped(ref: $0.ref, commit: $0.commit, reason: $0.reason) },
            pairs: Pairs(checked: report.pairsChecked, possible: report.pairsPossible),
            conflicts: report.conflicts.map(Conflict.init),
            queue: report.queue.map(Queue.init)))
    }

    private struct Document: Encodable {
        let target: Target
        let branches: [Branch]
        let skipped: [Skipped]
        let pairs: Pairs
        let conflicts: [Conflict]
        let queue: Queue?
    }

    private struct Target: Encodable {
        let ref: String
        let commit: String
    }

    private struct Pairs: Encodable {
        let checked: Int
        let possible: Int
    }

    private struct Skipped: Encodable {
        let ref: String
        let commit: String
        let reason: String
    }

    private struct Branch: Encodable {
        let ref: String
        let commit: String
        let merges_cleanly: Bool
        let valid: Bool
        let errors: Int
        let text_conflicts: [TextConflictEntry]
        @Nullable var summary: String?
        let forecast_change: [Forecast]
        let new_findings: [Finding]

        init(_ branch: BranchScenario) {
            ref = branch.ref
            commit = branch.commit
            merges_cleanly = branch.mergesCleanly
            valid = branch.valid
            errors = branch.errors
            text_conflicts = branch.textConflicts.map { TextConflictEntry(path: $0.path, sides: $0.summary) }
            summary = branch.summary
            forecast_change = branch.forecastChanges.map(Forecast.init)
            new_findings = branch.newFindings.map(Finding.init)
        }
    }

    private struct TextConflictEntry: Encodable {
        let path: String
        let sides: String
    }

    private struct Forecast: Encodable {
        let program: String
        @Nullable var from: PlanDate?
        @Nullable var to: PlanDate?
        @Nullable var days: Int?

        init(_ change: ForecastChange) {
            program = change.program
            from = change.from
            to = change.to
            days = change.days
        }
    }

    private struct Finding: Encodable {
        let rule: String
        let severity: String
        let path: String
        let line: Int
        let column: Int
        let message: String

        init(_ diagnostic: Diagnostic) {
            rule = diagnostic.ruleID
            severity = diagnostic.severity.rawValue
            path = diagnostic.location.path
            line = diagnostic.location.line
            column = diagnostic.location.column
            message = diagnostic.message
        }
    }

    private struct Conflict: Encodable {
        let refs: [String]
        let kind: String
        let severity: String
        let message: String
        @Nullable var path: String?
        @Nullable var line: Int?
        @Nullable var column: Int?

        init(_ conflict: ScenarioConflict) {
            refs = conflict.refs
            kind = conflict.kind.name
            severity = conflict.severity.rawValue
            message = conflict.message
            path = conflict.path
            line = conflict.line
            column = conflict.column
        }
    }

    private struct Queue: Encodable {
        let order: [String]
        let steps: [Step]
        @Nullable var first_broken: String?

        init(_ queue: QueueScenario) {
            order = queue.steps.map(\.ref)
            steps = queue.steps.map { Step(ref: $0.ref, merged: $0.merged, reasons: $0.reasons.map(Conflict.init)) }
            first_broken = queue.firstBroken
        }
    }

    private struct Step: Encodable {
        let ref: String
        let merged: Bool
        let reasons: [Conflict]
    }
}
