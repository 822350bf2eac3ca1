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

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(target, forKey: .target)
            try container.encode(branches, forKey: .branches)
            try container.encode(skipped, forKey: .skipped)
            try container.encode(pairs, forKey: .pairs)
            try container.encode(conflicts, forKey: .conflicts)
            try container.encodeIfPresent(queue, forKey: .queue)
        }

        enum Keys: String, CodingKey { case target, branches, skipped, pairs, conflicts, queue }
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
        let summary: String?
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

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(ref, forKey: .ref)
            try container.encode(commit, forKey: .commit)
            try container.encode(merges_cleanly, forKey: .merges_cleanly)
            try container.encode(valid, forKey: .valid)
            try container.encode(errors, forKey: .errors)
            try container.encode(text_conflicts, forKey: .text_conflicts)
            try container.encode(summary, forKey: .summary)
            try container.encode(forecast_change, forKey: .forecast_change)
            try container.encode(new_findings, forKey: .new_findings)
        }

        enum Keys: String, CodingKey {
            case ref, commit, merges_cleanly, valid, errors, text_conflicts, summary, forecast_change, new_findings
        }
    }

    private struct TextConflictEntry: Encodable {
        let path: String
        let sides: String
    }

    private struct Forecast: Encodable {
        let program: String
        let from: PlanDate?
        let to: PlanDate?
        let days: Int?

        init(_ change: ForecastChange) {
            program = change.program
            from = change.from
            to = change.to
            days = change.days
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(program, forKey: .program)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(days, forKey: .days)
        }

        enum Keys: String, CodingKey { case program, from, to, days }
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
        let path: String?
        let line: Int?
        let column: Int?

        init(_ conflict: ScenarioConflict) {
            refs = conflict.refs
            kind = conflict.kind.name
            severity = conflict.severity.rawValue
            message = conflict.message
            path = conflict.path
            line = conflict.line
            column = conflict.column
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(refs, forKey: .refs)
            try container.encode(kind, forKey: .kind)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(path, forKey: .path)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
        }

        enum Keys: String, CodingKey { case refs, kind, severity, message, path, line, column }
    }

    private struct Queue: Encodable {
        let order: [String]
        let steps: [Step]
        let first_broken: String?

        init(_ queue: QueueScenario) {
            order = queue.steps.map(\.ref)
            steps = queue.steps.map { Step(ref: $0.ref, merged: $0.merged, reasons: $0.reasons.map(Conflict.init)) }
            first_broken = queue.firstBroken
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(order, forKey: .order)
            try container.encode(steps, forKey: .steps)
            try container.encode(first_broken, forKey: .first_broken)
        }

        enum Keys: String, CodingKey { case order, steps, first_broken }
    }

    private struct Step: Encodable {
        let ref: String
        let merged: Bool
        let reasons: [Conflict]
    }
}
