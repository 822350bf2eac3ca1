/// Runs every rule over a loaded workspace and applies the severities `charter.yaml` sets.
public enum Validator {
    /// Below this many milestones the rules run one after another on the calling thread: their
    /// work is then less than starting Dispatch's worker threads and handing them the rules.
    static let parallelMilestoneCount = 400

    public static func validate(_ load: LoadResult, asOf: PlanDate, rules: [any Rule] = RuleRegistry.all) -> [Diagnostic] {
        let context = RuleContext(load: load, asOf: asOf)
        let overrides = load.workspace.settings.ruleSeverities
        // Rules are independent and pure: run them on every core, once the workspace is large
        // enough to pay for the threads (a hook's commit in a few programs is not).
        let milestones = load.workspace.programs.reduce(0) { $0 + $1.milestones.count }
        let perRule = ParallelMap.map(rules, minimumCount: milestones < parallelMilestoneCount ? Int.max : 2) { rule -> [Finding] in
            severity(of: rule, overrides) == nil ? [] : rule.check(context)
        }
        return diagnostics(Array(zip(rules, perRule)), load: load)
    }

    /// The severity `charter.yaml` gives a rule, or nil when it turns the rule off.
    static func severity(of rule: any Rule, _ overrides: [String: Located<SeveritySetting>]) -> Severity? {
        switch overrides[rule.description.id]?.value {
        case .off?: return nil
        case .severity(let chosen)?: return chosen
        case nil: return rule.description.defaultSeverity
        }
    }

    /// Each rule's findings with its severity, and the misspelt rule ids, in reading order.
    static func diagnostics(_ findings: [(rule: any Rule, findings: [Finding])], load: LoadResult) -> [Diagnostic] {
        let overrides = load.workspace.settings.ruleSeverities
        var diagnostics: [Diagnostic] = []
        for (rule, found) in findings {
            guard let severity = severity(of: rule, overrides) else { continue }
            let id = rule.description.id
            diagnostics += found.map { finding in
                Diagnostic(ruleID: id, severity: severity, location: finding.location,
                           message: finding.message, notes: finding.notes, suggestion: finding.suggestion)
            }
        }
        diagnostics += unknownRuleOverrides(overrides, known: Set(findings.map(\.rule.description.id)))
        return diagnostics.sorted()
    }

    /// A misspelt rule id in `policy.rules` would silently change nothing; say so.
    static func unknownRuleOverrides(_ overrides: [String: Located<SeveritySetting>], known: Set<String>) -> [Diagnostic] {
        let allIDs = Set(RuleRegistry.all.map(\.description.id))
        return overrides.compactMap { id, setting in
            guard !known.contains(id), !allIDs.contains(id) else { return nil }
            let suggestion = Suggestion.closest(to: id, in: allIDs)
            return Diagnostic(ruleID: RuleID.invalidValue, severity: .error, location: setting.location,
                              message: "policy.rules names '\(id)', which is not a Charter rule\(Suggestion.phrase(suggestion))",
                              suggestion: suggestion)
        }
    }

    /// Loads and validates in one call.
    public static func validate(source: some PlanSource, asOf: PlanDate) -> ValidationReport {
        let load = WorkspaceLoader.load(from: source)
        return ValidationReport(diagnostics: validate(load, asOf: asOf), sourceDescription: source.sourceDescription)
    }
}
