/// Runs every rule over a loaded workspace and applies the severities `charter.yaml` sets.
public enum Validator {
    public static func validate(_ load: LoadResult, asOf: PlanDate, rules: [any Rule] = RuleRegistry.all) -> [Diagnostic] {
        let context = RuleContext(load: load, asOf: asOf)
        let overrides = load.workspace.settings.ruleSeverities
        // Rules are independent and pure: run them on every core.
        let perRule = ParallelMap.map(rules, minimumCount: 2) { rule -> [Diagnostic] in
            let description = rule.description
            let severity: Severity
            switch overrides[description.id]?.value {
            case .off?: return []
            case .severity(let chosen)?: severity = chosen
            case nil: severity = description.defaultSeverity
            }
            return rule.check(context).map { finding in
                Diagnostic(ruleID: description.id, severity: severity, location: finding.location,
                           message: finding.message, notes: finding.notes, suggestion: finding.suggestion)
            }
        }
        var diagnostics = perRule.flatMap { $0 }
        diagnostics += unknownRuleOverrides(overrides, known: Set(rules.map(\.description.id)))
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
