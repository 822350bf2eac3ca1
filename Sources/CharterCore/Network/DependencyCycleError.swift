/// Scheduling stops at a dependency cycle: no order of work satisfies it.
public struct DependencyCycleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The milestones of one cycle, each depending on the next and the last on the first,
    /// starting at the smallest id (validation's `dependency-cycle` reports every cycle).
    public let cycle: [QualifiedID]
    /// Where the first milestone names the next in its `depends_on`: a place to break the cycle.
    public let location: SourceLocation?

    public init(cycle: [QualifiedID], location: SourceLocation? = nil) {
        self.cycle = cycle
        self.location = location
    }

    public var description: String {
        "dependency cycle: " + (cycle + cycle.prefix(1)).map(\.description).joined(separator: " → ")
    }
}
