/// What two branches do wrong together that neither does alone: the comparison of the pair
/// merged into the target with each branch merged alone, and of the two branches' diffs
/// against the target.
public enum PairFindings {
    /// - Parameters:
    ///   - refs: the two branches, in the order they were merged.
    ///   - pair: both merged into the target.
    ///   - alone: each merged alone into the target, in the order of `refs`.
    ///   - diffs: target → each branch merged alone, in the order of `refs`.
    public static func conflicts(refs: (String, String), pair: EvaluatedPlans,
                                 alone: (EvaluatedPlans, EvaluatedPlans), diffs: (PlanDiff, PlanDiff)) -> [ScenarioConflict] {
        let names = [refs.0, refs.1]
        var found: [ScenarioConflict] = pair.textConflicts.map { conflict in
            ScenarioConflict(refs: names, kind: .textConflict,
                message: "git cannot merge \(conflict.path) (\(conflict.summary)): both change the same lines",
                path: conflict.path)
        }
        // With a file git cannot merge, what the merged plans mean is unknown: only the diffs speak.
        if pair.textConflicts.isEmpty {
            for diagnostic in pair.findings(notIn: [alone.0, alone.1]) {
                found.append(ScenarioConflict(refs: names, kind: ScenarioConflictKind(ruleID: diagnostic.ruleID),
                    message: diagnostic.message, path: diagnostic.location.path, line: diagnostic.location.line,
                    column: diagnostic.location.column, severity: diagnostic.severity))
            }
        }
        found += SemanticClashes.between(refs: refs, diffs: diffs, pair: pair)
        return found.sorted()
    }
}

/// Contradictions read from two diffs against the same target: one field of one entity set to
/// two different values, one branch removing what the other changes, and (where git could not
/// merge the file, so no rule can see it) both adding one id differently.
enum SemanticClashes {
    static func between(refs: (String, String), diffs: (PlanDiff, PlanDiff), pair: EvaluatedPlans) -> [ScenarioConflict] {
        var second: [EntityAddress: EntityChange] = [:]
        for change in diffs.1.changes { second[EntityAddress(change)] = change }
        let conflicted = Set(pair.textConflicts.map(\.path))
        var found: [ScenarioConflict] = []
        for a in diffs.0.changes {
            let address = EntityAddress(a)
            guard let b = second[address] else { continue }
            func clash(_ kind: ScenarioConflictKind, _ message: String) {
                let location = conflicted.isEmpty ? pair.locator.location(of: address) : nil
                found.append(ScenarioConflict(refs: [refs.0, refs.1], kind: kind, message: message,
                    path: location?.path ?? address.path, line: location?.line, column: location?.column))
            }
            switch (a.change, b.change) {
            case (.modified, .modified), (.moved, .moved):
                let theirs = Dictionary(b.fields.map { ($0.field, $0) }, uniquingKeysWith: { first, _ in first })
                for field in a.fields {
                    guard let other = theirs[field.field], !same(field.to, other.to) else { continue }
                    clash(.conflictingEdits,
                        "\(address.description): \(refs.0) sets \(field.field) to \(shown(field.to)), \(refs.1) to \(shown(other.to))")
                }
            case (.removed, .modified), (.removed, .moved):
                clash(.conflictingEdits, "\(address.description): \(refs.0) removes it, \(refs.1) changes \(fieldNames(b))")
            case (.modified, .removed), (.moved, .removed):
                clash(.conflictingEdits, "\(address.description): \(refs.1) removes it, \(refs.0) changes \(fieldNames(a))")
            case (.added, .added) where conflicted.contains(address.path) && !sameFields(a, b):
                clash(.duplicateID, "\(address.description) is added by both \(refs.0) and \(refs.1), differently")
            default:
                continue
            }
        }
        return found
    }

    private static func same(_ a: DiffValue?, _ b: DiffValue?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?): return x.isEquivalent(to: y)
        default: return false
        }
    }

    private static func sameFields(_ a: EntityChange, _ b: EntityChange) -> Bool {
        a.fields.count == b.fields.count && zip(a.fields.sorted { $0.field < $1.field }, b.fields.sorted { $0.field < $1.field })
            .allSatisfy { $0.field == $1.field && same($0.to, $1.to) }
    }

    private static func shown(_ value: DiffValue?) -> String { value.map { "'\($0)'" } ?? "nothing" }

    private static func fieldNames(_ change: EntityChange) -> String {
        change.fields.isEmpty ? "it" : change.fields.map(\.field).joined(separator: ", ")
    }
}
