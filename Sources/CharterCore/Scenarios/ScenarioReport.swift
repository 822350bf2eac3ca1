/// Everything `charter scenarios` found: each branch merged alone into the target, the
/// conflicts of pairs, and the queue when one was asked for. What the reporters render.
public struct ScenarioReport: Sendable {
    public struct Target: Hashable, Sendable {
        public var ref: String
        public var commit: String

        public init(ref: String, commit: String) {
            self.ref = ref
            self.commit = commit
        }
    }

    public var target: Target
    public var branches: [BranchScenario]
    /// Branches with no plan change since their merge base with the target.
    public var skipped: [SkippedBranch]
    /// Pairs merged (those whose footprints overlap), of all pairs of evaluated branches.
    public var pairsChecked: Int
    public var pairsPossible: Int
    public var conflicts: [ScenarioConflict]
    public var queue: QueueScenario?

    public init(target: Target, branches: [BranchScenario], skipped: [SkippedBranch], pairsChecked: Int,
                pairsPossible: Int, conflicts: [ScenarioConflict], queue: QueueScenario?) {
        self.target = target
        self.branches = branches
        self.skipped = skipped
        self.pairsChecked = pairsChecked
        self.pairsPossible = pairsPossible
        self.conflicts = conflicts
        self.queue = queue
    }

    /// Exit status 1: a conflict, a branch that does not merge or validate, or a queue that breaks.
    public var hasFindings: Bool {
        !conflicts.isEmpty || branches.contains { !$0.mergesCleanly || !$0.valid } || queue?.firstBroken != nil
    }
}

/// One branch merged alone into the target.
public struct BranchScenario: Hashable, Sendable {
    public var ref: String
    public var commit: String
    public var mergesCleanly: Bool
    /// Merges cleanly and the result has no error.
    public var valid: Bool
    /// Files git cannot merge into the target.
    public var textConflicts: [TextConflict]
    /// The diff summary line, target → merged (`nil` when the merge conflicts).
    public var summary: String?
    public var forecastChanges: [ForecastChange]
    /// Findings of the merged result that the target does not have (by `FindingKey`).
    public var newFindings: [Diagnostic]
    /// Errors in the merged result, the target's own included.
    public var errors: Int

    public init(ref: String, commit: String, mergesCleanly: Bool, valid: Bool, textConflicts: [TextConflict],
                summary: String?, forecastChanges: [ForecastChange], newFindings: [Diagnostic], errors: Int) {
        self.ref = ref
        self.commit = commit
        self.mergesCleanly = mergesCleanly
        self.valid = valid
        self.textConflicts = textConflicts
        self.summary = summary
        self.forecastChanges = forecastChanges
        self.newFindings = newFindings
        self.errors = errors
    }
}

public struct SkippedBranch: Hashable, Sendable {
    public var ref: String
    public var commit: String
    public var reason: String

    public init(ref: String, commit: String, reason: String) {
        self.ref = ref
        self.commit = commit
        self.reason = reason
    }
}

/// The branches merged one after another in the given order, as a merge queue would: a branch
/// that breaks the result is reported and left out, and the queue goes on without it.
public struct QueueScenario: Hashable, Sendable {
    public struct Step: Hashable, Sendable {
        public var ref: String
        /// Merged into the queue (false: it broke the result and was left out).
        public var merged: Bool
        /// Why it broke the result (empty when merged); `refs` name the branch.
        public var reasons: [ScenarioConflict]

        public init(ref: String, merged: Bool, reasons: [ScenarioConflict]) {
            self.ref = ref
            self.merged = merged
            self.reasons = reasons
        }
    }

    public var steps: [Step]

    public init(steps: [Step]) {
        self.steps = steps
    }

    /// The first branch that breaks the queue.
    public var firstBroken: String? { steps.first { !$0.merged }?.ref }
}
