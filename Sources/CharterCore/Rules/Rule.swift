/// A check over a loaded workspace. One type per rule, one file per type, under `Rules/<Category>/`.
///
/// A rule's description carries examples: workspaces that must trigger it (with `↓` where the
/// finding must point) and workspaces that must not. The test suite runs every example, so the
/// catalogue in `charter rules` and `docs/format.md` is also the rule's specification.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// What its findings about a program depend on; `.workspace` unless the rule says otherwise.
    static var scope: RuleScope { get }
    init()
    func check(_ context: RuleContext) -> [Finding]
}

extension Rule {
    public var description: RuleDescription { Self.description }
    public static var scope: RuleScope { .workspace }
    public var scope: RuleScope { Self.scope }
}

/// What a rule reports before severities are applied.
public struct Finding: Hashable, Sendable {
    public var location: SourceLocation
    public var message: String
    public var notes: [Diagnostic.Note]
    /// The name the author probably meant, when the finding is about a name that is wrong.
    public var suggestion: String?

    public init(at location: SourceLocation, _ message: String, notes: [Diagnostic.Note] = [], suggestion: String? = nil) {
        self.location = location
        self.message = message
        self.notes = notes
        self.suggestion = suggestion
    }
}

public enum RuleCategory: String, Sendable, CaseIterable {
    case files
    case schema
    case references
    case schedule
    case risks
    case budget
    case resources
    case decisions
    case kpis
    case lessons
    /// Checks of commits against policy (`charter check`), not of the plan files themselves.
    case policy

    public var title: String {
        switch self {
        case .files: return "Files and YAML"
        case .schema: return "Schema"
        case .references: return "Ids and references"
        case .schedule: return "Schedule"
        case .risks: return "Risks"
        case .budget: return "Budget"
        case .resources: return "Resources"
        case .decisions: return "Decisions"
        case .kpis: return "KPIs"
        case .lessons: return "Lessons learned"
        case .policy: return "Policy (charter check)"
        }
    }
}

/// Identity and documentation of a rule: what `charter rules` prints and what the examples test.
public struct RuleDescription: Sendable {
    public var id: String
    public var name: String
    /// One line, a sentence a TPM understands.
    public var summary: String
    public var category: RuleCategory
    public var defaultSeverity: Severity
    public var triggeringExamples: [RuleExample]
    public var nonTriggeringExamples: [RuleExample]

    public init(
        id: String,
        name: String,
        summary: String,
        category: RuleCategory,
        defaultSeverity: Severity,
        triggeringExamples: [RuleExample],
        nonTriggeringExamples: [RuleExample]
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}
