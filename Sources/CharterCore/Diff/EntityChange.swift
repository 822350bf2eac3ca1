/// What kind of thing changed. The raw value is the name in JSON output and in the docs.
public enum EntityKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case program
    case workstream
    case milestone
    case risk
    case budgetLine = "budget-line"
    case decision
    /// A measurable objective in `kpis.yaml`.
    case kpi
    case allocation
    case person
    /// `charter.yaml`: format version and policy.
    case settings

    /// The order entities are listed in within a program.
    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// "milestone", "budget line": how prose names one of them.
    public var noun: String {
        switch self {
        case .budgetLine: return "budget line"
        case .kpi: return "KPI"
        default: return rawValue
        }
    }

    /// "milestones", "people".
    public var pluralNoun: String {
        switch self {
        case .person: return "people"
        case .settings: return "settings"
        default: return noun + "s"
        }
    }

    public func counted(_ count: Int) -> String {
        "\(count) \(count == 1 ? noun : pluralNoun)"
    }
}

/// How an entity changed between the two sides.
public enum ChangeKind: String, Sendable, Hashable, CaseIterable {
    case added
    case removed
    case modified
    /// Left one program and appeared in another (or its program was renamed).
    case moved
}

/// A field's value as the diff compares and shows it.
public enum DiffValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case text(String)
    case number(Double)
    case date(PlanDate)
    case list([String])
    case flag(Bool)

    /// As a person reads it: numbers grouped like money, lists comma-separated.
    public var description: String {
        switch self {
        case .text(let text): return text
        case .number(let number): return Money.format(number)
        case .date(let date): return date.description
        case .list(let items): return items.isEmpty ? "(none)" : items.joined(separator: ", ")
        case .flag(let flag): return flag ? "true" : "false"
        }
    }

    /// Lists compare as multisets: reordering `depends_on` or `deliverables` is no change.
    func isEquivalent(to other: DiffValue) -> Bool {
        switch (self, other) {
        case (.list(let a), .list(let b)): return a.count == b.count && a.sorted() == b.sorted()
        default: return self == other
        }
    }

    public var date: PlanDate? {
        if case .date(let date) = self { return date }
        return nil
    }

    public var number: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    public var items: [String] {
        if case .list(let items) = self { return items }
        return []
    }
}

/// One field that differs: `from` is `nil` when the field was absent (or the entity new).
public struct FieldChange: Hashable, Sendable, Codable {
    /// The field as written in YAML; nested ones dotted (`budget.total`, `scope.in`).
    public var field: String
    public var from: DiffValue?
    public var to: DiffValue?

    public init(field: String, from: DiffValue?, to: DiffValue?) {
        self.field = field
        self.from = from
        self.to = to
    }

    /// Items a list field gained and lost, in the order they are written.
    public var listDelta: (added: [String], removed: [String]) {
        let old = from?.items ?? [], new = to?.items ?? []
        return (new.filter { !old.contains($0) }, old.filter { !new.contains($0) })
    }
}

/// What a change means, beyond which fields moved. The raw value is the JSON tag.
public enum ChangeTag: String, Sendable, Hashable, CaseIterable {
    /// A milestone without a date got one: it is not new, it is now planned.
    case scheduled
    case unscheduled
    case slipped
    case pulledIn = "pulled-in"
    case renamed
    case statusChanged = "status-changed"
    case ownerChanged = "owner-changed"
    case dependenciesChanged = "dependencies-changed"
    case closed
    case reopened
    case rescored = "re-scored"
    case mitigationChanged = "mitigation-changed"
    case amountChanged = "amount-changed"
    case targetMoved = "target-moved"
    case budgetChanged = "budget-changed"
    case scopeChanged = "scope-changed"
    case allocationChanged = "allocation-changed"
    /// A KPI's `current` changed: a new measurement.
    case measured
}

/// A program, or an entity in one, or a person, that differs between the two sides.
public struct EntityChange: Hashable, Sendable, Codable {
    /// The program folder; `nil` for people and settings.
    public var program: String?
    public var entity: EntityKind
    /// The entity's id; for an allocation `person@workstream` (or `person`); for settings `charter.yaml`.
    public var id: String
    public var change: ChangeKind
    /// What differs. For an added or removed entity, every field it has, with the other side `nil`.
    public var fields: [FieldChange]
    public var tags: [ChangeTag]
    /// The name or title on the newer side (the older one when removed), for reading.
    public var name: String?
    /// For `moved`: the program it left.
    public var movedFrom: String?
    /// Milestone date changes: days from the old date to the new one, positive when later.
    public var slipDays: Int?
    /// Risks: probability x impact before and after.
    public var scoreFrom: Int?
    public var scoreTo: Int?
    /// Budget lines: new amount minus old (a missing amount counts as 0).
    public var amountDelta: Double?
    /// Programs: budget total delta, and that delta as a percent of the old total (nil when there was none).
    public var budgetDelta: Double?
    public var budgetDeltaPercent: Double?
    /// The program's `budget.currency` (for budget lines too).
    public var currency: String?
    /// Allocations: working days times percent, new minus old; nil when the period is unknown.
    public var personDaysDelta: Double?
    /// An added or removed program: how many of each entity it holds.
    public var contents: [EntityCount]
    /// KPIs: the unit and target on the newer side (the older when removed), to read values by.
    public var unit: String?
    public var kpiTarget: Double?
    /// KPIs whose `current` changed: whether the new value is better for the KPI's direction
    /// (nil when that cannot be told).
    public var improved: Bool?

    public init(program: String?, entity: EntityKind, id: String, change: ChangeKind, fields: [FieldChange] = [],
                tags: [ChangeTag] = [], name: String? = nil) {
        self.program = program
        self.entity = entity
        self.id = id
        self.change = change
        self.fields = fields
        self.tags = tags
        self.name = name
        self.contents = []
    }

    public func field(_ name: String) -> FieldChange? { fields.first { $0.field == name } }

    /// `payments-v2/M2`, or the bare id for people and settings.
    public var qualifiedID: String { program.map { "\($0)/\(id)" } ?? id }
}

public struct EntityCount: Hashable, Sendable, Codable {
    public var entity: EntityKind
    public var count: Int

    public init(_ entity: EntityKind, _ count: Int) {
        self.entity = entity
        self.count = count
    }
}
