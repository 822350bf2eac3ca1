/// Whether merging one more branch onto a merge queue breaks the result: git cannot merge it,
/// the result gains an error it did not have, or it gains a finding that neither the queue so
/// far nor the branch merged alone into the target has (they are wrong together).
public enum QueueVerdict {
    /// - Parameters:
    ///   - ref: the branch being added.
    ///   - previous: the queue so far (the target, before the first branch).
    ///   - result: the queue with the branch merged.
    ///   - alone: the branch merged alone into the target, when it merges.
    public static func reasons(ref: String, previous: EvaluatedPlans, result: EvaluatedPlans, alone: EvaluatedPlans?) -> [ScenarioConflict] {
        if !result.textConflicts.isEmpty {
            return result.textConflicts.map { conflict in
                ScenarioConflict(refs: [ref], kind: .textConflict,
                    message: "git cannot merge \(conflict.path) onto the queue (\(conflict.summary))", path: conflict.path)
            }
        }
        var reasons: [ScenarioConflict] = []
        var reported: Set<FindingKey> = []
        func add(_ diagnostic: Diagnostic) {
            guard reported.insert(result.locator.key(of: diagnostic)).inserted else { return }
            reasons.append(ScenarioConflict(refs: [ref], kind: ScenarioConflictKind(ruleID: diagnostic.ruleID),
                message: diagnostic.message, path: diagnostic.location.path, line: diagnostic.location.line,
                column: diagnostic.location.column, severity: diagnostic.severity))
        }
        result.findings(notIn: [previous], severities: [.error]).forEach(add)
        result.findings(notIn: [previous] + (alone.map { [$0] } ?? [])).forEach(add)
        return reasons.sorted()
    }
}
