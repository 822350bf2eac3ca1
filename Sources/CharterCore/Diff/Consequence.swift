/// A schedule problem a change creates, though the change did not touch it directly: a dependent
/// that now starts or is due before its dependency ends, one left with little slack, one whose
/// dependency is gone, a program target that can no longer be met.
public struct Consequence: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The milestone's `start` is before a dependency can end.
        case startsBeforeDependency = "starts-before-dependency"
        /// The milestone's `date` is before a dependency can end.
        case dueBeforeDependency = "due-before-dependency"
        /// Still after its dependency, but with fewer days to spare than before.
        case slackReduced = "slack-reduced"
        /// A milestone of the program cannot end by the program's `target`.
        case targetAtRisk = "target-at-risk"
        /// The milestone depends on one this change removes (or moves to another program).
        case dependencyRemoved = "dependency-removed"
    }

    public var kind: Kind
    /// The program the affected milestone (or target) belongs to.
    public var program: String
    /// The affected milestone; for a target at risk, the one that ends latest.
    public var milestone: String
    /// The dependency it now conflicts with (not for targets).
    public var dependency: QualifiedID?
    /// The affected milestone's start (starts-before) or date.
    public var date: PlanDate?
    /// When the dependency can end, its own dependencies considered.
    public var dependencyEnd: PlanDate?
    public var slackFrom: Int?
    public var slackTo: Int?
    /// The program's target, for a target at risk.
    public var target: PlanDate?
    /// The earliest the milestone can end (its early finish in `charter schedule` at the new
    /// revision): for a target at risk, the program's forecast end; also set for a milestone now
    /// before a dependency.
    public var earliestEnd: PlanDate?
    /// The milestone at the start of the chain that pushes this one, when it is not the direct dependency.
    public var pushedBy: QualifiedID?
    /// One sentence, ids relative to `program`.
    public var message: String

    public init(kind: Kind, program: String, milestone: String, message: String) {
        self.kind = kind
        self.program = program
        self.milestone = milestone
        self.message = message
    }

    public var milestoneKey: QualifiedID { QualifiedID(program: program, id: milestone) }
}
