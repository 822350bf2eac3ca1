/// What a director reads in five seconds, in the spirit of `terraform plan`'s
/// "2 to add, 1 to change, 1 to destroy" — and the one-line contract other tools parse (`line`).
public struct DiffSummary: Hashable, Sendable {
    /// A milestone date that moved: `days` positive when later.
    public struct Shift: Hashable, Sendable {
        public var milestone: QualifiedID
        public var from: PlanDate
        public var to: PlanDate
        public var days: Int
    }

    /// A program's budget total before and after (an added program's from is `nil`).
    public struct BudgetChange: Hashable, Sendable {
        public var program: String
        public var currency: String?
        public var from: Double?
        public var to: Double?
        public var delta: Double
        /// Of the old total; `nil` when there was none.
        public var percent: Double?
    }

    /// The sum of budget deltas in one currency (amounts in different currencies are never added).
    public struct CurrencyDelta: Hashable, Sendable {
        public var currency: String?
        public var from: Double
        public var to: Double
        public var delta: Double
        public var percent: Double? { SafeNumber.ratio(delta, abs(from)).map { $0 * 100 } }
    }

    public struct Rescore: Hashable, Sendable {
        public var risk: QualifiedID
        public var from: Int?
        public var to: Int?
    }

    public struct ScopeItem: Hashable, Sendable {
        public var program: String
        public var item: String
    }

    public struct Rename: Hashable, Sendable {
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    public var added = 0
    public var removed = 0
    public var modified = 0
    public var moved = 0
    public var programsAdded: [String] = []
    public var programsRemoved: [String] = []
    public var programsRenamed: [Rename] = []
    /// Largest slip first.
    public var slipped: [Shift] = []
    /// Largest pull-in first.
    public var pulledIn: [Shift] = []
    public var milestonesAdded: [QualifiedID] = []
    public var milestonesRemoved: [QualifiedID] = []
    public var milestonesScheduled: [QualifiedID] = []
    public var milestonesUnscheduled: [QualifiedID] = []
    public var budget: [BudgetChange] = []
    public var budgetByCurrency: [CurrencyDelta] = []
    public var scopeAdded: [ScopeItem] = []
    public var scopeRemoved: [ScopeItem] = []
    public var risksAdded: [QualifiedID] = []
    public var risksClosed: [QualifiedID] = []
    public var risksRescored: [Rescore] = []
    /// Effort that allocations gained (positive) or lost, in person-days.
    public var personDaysDelta: Double = 0
    public var consequences = 0
    public var unreadableFiles = 0
    /// The contract line: see docs/diff.md, "The summary line".
    public var line: String

    public var largestSlip: Shift? { slipped.first }
    public var changeCount: Int { added + removed + modified + moved }

    public init(changes: [EntityChange], consequences: [Consequence], unreadable: [UnreadableReport]) {
        line = SummaryLine.render(changes: changes, consequences: consequences, unreadable: unreadable)
        self.consequences = consequences.count
        unreadableFiles = Set(unreadable.map(\.file.path)).count
        var totals: [String: CurrencyDelta] = [:]
        var currencyOrder: [String?] = []
        for change in changes {
            switch change.change {
            case .added: added += 1
            case .removed: removed += 1
            case .modified: modified += 1
            case .moved: moved += 1
            }
            let program = change.program ?? ""
            let qualified = QualifiedID(program: program, id: change.id)
            personDaysDelta += change.entity == .allocation || change.entity == .program ? change.personDaysDelta ?? 0 : 0
            switch change.entity {
            case .program:
                switch change.change {
                case .added: programsAdded.append(change.id)
                case .removed: programsRemoved.append(change.id)
                case .moved: programsRenamed.append(Rename(from: change.movedFrom ?? "", to: change.id))
                case .modified: break
                }
                if let delta = change.budgetDelta {
                    let total = change.field("budget.total")
                    let from = total?.from?.number, to = total?.to?.number
                    budget.append(BudgetChange(program: program, currency: change.currency, from: from, to: to,
                                               delta: delta, percent: change.budgetDeltaPercent))
                    let key = change.currency ?? ""
                    if totals[key] == nil {
                        totals[key] = CurrencyDelta(currency: change.currency, from: 0, to: 0, delta: 0)
                        currencyOrder.append(change.currency)
                    }
                    totals[key]!.from += from ?? 0
                    totals[key]!.to += to ?? 0
                    totals[key]!.delta += delta
                }
                if change.change == .modified || change.change == .moved, let scope = change.field("scope.in") {
                    let delta = scope.listDelta
                    scopeAdded += delta.added.map { ScopeItem(program: program, item: $0) }
                    scopeRemoved += delta.removed.map { ScopeItem(program: program, item: $0) }
                }
            case .milestone:
                if let days = change.slipDays, let date = change.field("date"), let from = date.from?.date, let to = date.to?.date {
                    let shift = Shift(milestone: qualified, from: from, to: to, days: days)
                    if days > 0 { slipped.append(shift) } else { pulledIn.append(shift) }
                }
                if change.change == .added { milestonesAdded.append(qualified) }
                if change.change == .removed { milestonesRemoved.append(qualified) }
                if change.tags.contains(.scheduled) { milestonesScheduled.append(qualified) }
                if change.tags.contains(.unscheduled) { milestonesUnscheduled.append(qualified) }
            case .risk:
                if change.change == .added { risksAdded.append(qualified) }
                if change.tags.contains(.closed) { risksClosed.append(qualified) }
                if change.tags.contains(.rescored) {
                    risksRescored.append(Rescore(risk: qualified, from: change.scoreFrom, to: change.scoreTo))
                }
            default: break
            }
        }
        slipped.sort { $0.days != $1.days ? $0.days > $1.days : $0.milestone < $1.milestone }
        pulledIn.sort { $0.days != $1.days ? $0.days < $1.days : $0.milestone < $1.milestone }
        budgetByCurrency = currencyOrder.map { totals[$0 ?? ""]! }
    }
}
