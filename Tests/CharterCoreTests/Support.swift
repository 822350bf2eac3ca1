@testable import CharterCore

/// Validates an in-memory workspace built on the rule examples' base files.
func validate(_ files: [String: String], asOf: String = "2026-01-15", base: Bool = true) -> [Diagnostic] {
    let example = RuleExample(files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, asOf: asOf, includesBase: base)
    return Validator.validate(WorkspaceLoader.load(from: example.source), asOf: example.asOf)
}

func validate(bytes: [String: [UInt8]], asOf: String = "2026-01-15") -> [Diagnostic] {
    var all = RuleExample.baseFiles.mapValues { Array($0.utf8) }
    all.merge(bytes) { $1 }
    return Validator.validate(WorkspaceLoader.load(from: InMemoryPlanSource(bytes: all)), asOf: PlanDate(asOf)!)
}
