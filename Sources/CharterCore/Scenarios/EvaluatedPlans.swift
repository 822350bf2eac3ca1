/// A file git could not merge, and how the sides conflict ("both modified").
public struct TextConflict: Hashable, Sendable {
    public var path: String
    public var summary: String

    public init(path: String, summary: String) {
        self.path = path
        self.summary = summary
    }
}

/// One merged result, read and validated: what scenarios compare with other merges of the
/// same plans. Findings are compared by `FindingKey`, never by line.
public struct EvaluatedPlans: Sendable {
    public var workspace: Workspace
    public var diagnostics: [Diagnostic]
    public var textConflicts: [TextConflict]
    public let locator: EntityLocator
    public let keys: Set<FindingKey>

    public init(load: LoadResult, diagnostics: [Diagnostic], textConflicts: [TextConflict] = []) {
        workspace = load.workspace
        self.diagnostics = diagnostics
        self.textConflicts = textConflicts
        let locator = EntityLocator(load.workspace, paths: Set(diagnostics.map(\.location.path)))
        self.locator = locator
        keys = Set(diagnostics.map(locator.key(of:)))
    }

    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var isValid: Bool { textConflicts.isEmpty && errors == 0 }

    /// Findings whose key none of `others` has, one per key, in file order.
    public func findings(notIn others: [EvaluatedPlans], severities: Set<Severity> = [.error, .warning]) -> [Diagnostic] {
        var seen: Set<FindingKey> = []
        return diagnostics.filter { diagnostic in
            guard severities.contains(diagnostic.severity) else { return false }
            let key = locator.key(of: diagnostic)
            return !others.contains { $0.keys.contains(key) } && seen.insert(key).inserted
        }
    }
}
