/// The semantic difference between two versions of a workspace: what changed, what that does
/// to the schedule, which files could not be compared, and a summary.
public struct PlanDiff: Sendable, Hashable {
    /// Sorted by program (people and settings last), then entity kind, then id in natural order.
    public var changes: [EntityChange]
    /// Schedule problems this change creates, sorted by program and milestone.
    public var consequences: [Consequence]
    /// Plan files that could not be read on one side or both, whose entities were not compared.
    public var unreadable: [UnreadableReport]
    public var summary: DiffSummary
    /// The name of each program the diff mentions (newer side first), for headings.
    public var programNames: [String: String]
    /// Lessons learned that these changes bring back (`LessonRecall`), judged against the
    /// lessons of the newer side; set by whoever has those lessons at hand.
    public var lessons: [RecalledLesson] = []

    public init(changes: [EntityChange], consequences: [Consequence], unreadable: [UnreadableReport],
                programNames: [String: String] = [:]) {
        self.programNames = programNames
        self.changes = changes
        self.consequences = consequences
        self.unreadable = unreadable
        self.summary = DiffSummary(changes: changes, consequences: consequences, unreadable: unreadable)
    }

    /// Whether the two sides differ: any change, or a file readable on one side only (its content
    /// certainly changed, even if we cannot say how).
    public var hasChanges: Bool {
        !changes.isEmpty || !oneSidedUnreadablePaths.isEmpty
    }

    var oneSidedUnreadablePaths: Set<String> {
        let from = Set(unreadable.filter { $0.side == .from }.map(\.file.path))
        let to = Set(unreadable.filter { $0.side == .to }.map(\.file.path))
        return from.symmetricDifference(to)
    }

    /// Program folders named by changes, consequences or unreadable files, in natural order.
    public var programs: [String] {
        var folders = Set(changes.compactMap(\.program))
        folders.formUnion(consequences.map(\.program))
        folders.formUnion(unreadable.compactMap { PlanFileKind.classify($0.file.path)?.programFolder })
        return folders.sorted(by: NaturalOrder.less)
    }

    public func changes(in program: String) -> [EntityChange] {
        changes.filter { $0.program == program }
    }

    public func consequences(in program: String) -> [Consequence] {
        consequences.filter { $0.program == program }
    }
}
