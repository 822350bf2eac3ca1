/// How one program's plan differs from its baseline: dates, money and scope.
public struct ProgramVariance: Hashable, Sendable {
    /// Whether the program was in the baseline, is in the current plan, or both.
    public enum Presence: String, Hashable, Sendable {
        case both
        /// New since the baseline.
        case added
        /// Gone since the baseline.
        case removed
        /// Its folder was renamed since the baseline (`renamedFrom`).
        case renamed
    }

    /// The program folder: the current one, or the baseline's for a removed program.
    public var program: String
    public var name: String?
    public var presence: Presence
    public var renamedFrom: String?
    /// Program status at the baseline and now.
    public var baselineStatus: String?
    public var status: String?
    public var target: DateVariance
    public var budget: BudgetVariance
    /// Current milestones in file order, then the ones that left since the baseline.
    public var milestones: [MilestoneVariance]
    public var scope: ScopeVariance

    public init(program: String, name: String?, presence: Presence, renamedFrom: String?, baselineStatus: String?,
                status: String?, target: DateVariance, budget: BudgetVariance, milestones: [MilestoneVariance],
                scope: ScopeVariance) {
        self.program = program
        self.name = name
        self.presence = presence
        self.renamedFrom = renamedFrom
        self.baselineStatus = baselineStatus
        self.status = status
        self.target = target
        self.budget = budget
        self.milestones = milestones
        self.scope = scope
    }

    /// The largest slip of a milestone still in the program, in days; `nil` when none slipped.
    public var maxSlipDays: Int? {
        milestones.compactMap(\.date.days).filter { $0 > 0 }.max()
    }

    public func milestones(_ presence: MilestoneVariance.Presence) -> [MilestoneVariance] {
        milestones.filter { $0.presence == presence }
    }

    /// Milestones cancelled since the baseline (still listed, with status `cancelled`).
    public var cancelledMilestones: [MilestoneVariance] {
        milestones.filter(\.wasCancelled)
    }

    /// Anything differs from the baseline.
    public var hasVariance: Bool {
        presence != .both || baselineStatus != status || target.baseline != target.current
            || budget.hasVariance || !scope.isEmpty
            || milestones.contains { $0.presence != .both || $0.date.baseline != $0.date.current || $0.baselineStatus != $0.status }
    }
}

/// One milestone's baseline date against its current date.
public struct MilestoneVariance: Hashable, Sendable {
    public enum Presence: String, Hashable, Sendable {
        case both
        case added
        case removed
        /// Came from another program (`otherProgram`) since the baseline.
        case movedIn = "moved-in"
        /// Went to another program (`otherProgram`), where its dates are compared.
        case movedOut = "moved-out"
    }

    public var id: String
    public var name: String?
    public var presence: Presence
    /// The program it came from (moved in) or went to (moved out).
    public var otherProgram: String?
    public var date: DateVariance
    public var baselineStatus: MilestoneStatus?
    /// The current status; `nil` when it is no longer in this program.
    public var status: MilestoneStatus?
    /// When it was done, as the current plan records it.
    public var doneOn: PlanDate?

    public init(id: String, name: String?, presence: Presence, otherProgram: String?, date: DateVariance,
                baselineStatus: MilestoneStatus?, status: MilestoneStatus?, doneOn: PlanDate?) {
        self.id = id
        self.name = name
        self.presence = presence
        self.otherProgram = otherProgram
        self.date = date
        self.baselineStatus = baselineStatus
        self.status = status
        self.doneOn = doneOn
    }

    public var wasCancelled: Bool { status == .cancelled && baselineStatus != nil && baselineStatus != .cancelled }
}

/// The program's budget total and its lines by category, at the baseline and now.
public struct BudgetVariance: Hashable, Sendable {
    public struct Category: Hashable, Sendable {
        /// The lines' `category`; lines without one are counted as `uncategorized`.
        public var category: String
        public var amount: AmountVariance

        public init(category: String, amount: AmountVariance) {
            self.category = category
            self.amount = amount
        }
    }

    public static let uncategorized = BudgetLine.uncategorized

    public var currency: String?
    /// `budget.total` in program.yaml.
    public var total: AmountVariance
    /// The sum of the budget lines.
    public var lines: AmountVariance
    /// By category name.
    public var categories: [Category]

    public init(currency: String?, total: AmountVariance, lines: AmountVariance, categories: [Category]) {
        self.currency = currency
        self.total = total
        self.lines = lines
        self.categories = categories
    }

    public var hasVariance: Bool {
        total.baseline != total.current || categories.contains { $0.amount.baseline != $0.amount.current }
    }
}

/// What the program promises to deliver, added and taken away since the baseline.
public struct ScopeVariance: Hashable, Sendable {
    /// A risk as the scope summary names it.
    public struct RiskItem: Hashable, Sendable {
        public var id: String
        public var title: String?
        public var score: Int?

        public init(id: String, title: String?, score: Int?) {
            self.id = id
            self.title = title
            self.score = score
        }
    }

    /// `scope.in` and `scope.out` items, as written.
    public var inAdded: [String] = []
    public var inRemoved: [String] = []
    public var outAdded: [String] = []
    public var outRemoved: [String] = []
    public var risksAdded: [RiskItem] = []
    /// Open or mitigating at the baseline, closed now.
    public var risksClosed: [RiskItem] = []
    public var risksRemoved: [RiskItem] = []

    public init() {}

    public var isEmpty: Bool {
        inAdded.isEmpty && inRemoved.isEmpty && outAdded.isEmpty && outRemoved.isEmpty
            && risksAdded.isEmpty && risksClosed.isEmpty && risksRemoved.isEmpty
    }
}
