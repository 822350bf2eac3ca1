/// Why two open plan changes are wrong together. The raw name is the `kind` in JSON output.
public enum ScenarioConflictKind: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// git cannot merge a file: both changed the same lines.
    case textConflict
    /// Both add an entity with one id (found by `duplicate-id`, or by the diffs when the file conflicts).
    case duplicateID
    /// One removes what the other newly refers to (`unknown-reference`).
    case danglingReference
    /// Their dependencies only together form a cycle (`dependency-cycle`).
    case cycle
    /// Together they allocate someone over 100% (`over-allocation`).
    case overAllocation
    /// Together their budget lines exceed the total (`budget-over-total`).
    case budgetOverTotal
    /// Both change one field of one entity to different values, or one removes what the other changes.
    case conflictingEdits
    /// Any other rule that fires only on the pair: its rule id.
    case rule(String)

    /// The kind of a finding a rule makes only on the merged pair.
    public init(ruleID: String) {
        switch ruleID {
        case "duplicate-id": self = .duplicateID
        case "unknown-reference": self = .danglingReference
        case "dependency-cycle": self = .cycle
        case "over-allocation": self = .overAllocation
        case "budget-over-total": self = .budgetOverTotal
        default: self = .rule(ruleID)
        }
    }

    public var name: String {
        switch self {
        case .textConflict: return "text-conflict"
        case .duplicateID: return "duplicate-id"
        case .danglingReference: return "dangling-reference"
        case .cycle: return "cycle"
        case .overAllocation: return "over-allocation"
        case .budgetOverTotal: return "budget-over-total"
        case .conflictingEdits: return "conflicting-edits"
        case .rule(let id): return id
        }
    }

    public var description: String { name }

    public static func < (lhs: ScenarioConflictKind, rhs: ScenarioConflictKind) -> Bool { lhs.name < rhs.name }
}
