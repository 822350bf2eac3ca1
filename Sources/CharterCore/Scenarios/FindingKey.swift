/// What identifies a finding across different merges of the same plans: its rule, its file and
/// the entity it is about, not its line (lines shift as other branches add text above it).
public struct FindingKey: Hashable, Sendable {
    public var rule: String
    public var path: String
    /// `milestone M7`, `allocation carol@api`, `program`…: see `EntityLocator`.
    public var entity: String

    public init(rule: String, path: String, entity: String) {
        self.rule = rule
        self.path = path
        self.entity = entity
    }
}

/// Which entity of a workspace a position in a plan file belongs to: the one whose id (or, for
/// allocations and stakeholders, whose entry) is nearest above the position in that file.
/// Text above every entity belongs to the file's top level (`program`, `settings`, `file`).
public struct EntityLocator: Sendable {
    /// Per path: entity starts, sorted by position.
    private var starts: [String: [(position: TextPosition, label: String)]] = [:]
    private let workspace: Workspace

    /// - Parameter paths: the files positions will be asked about (`nil`: every file); the
    ///   index is built for those only, since a merge of a large workspace is located many times.
    public init(_ workspace: Workspace, paths: Set<String>? = nil) {
        self.workspace = workspace
        func add(_ location: SourceLocation, _ label: @autoclosure () -> String) {
            guard paths?.contains(location.path) ?? true else { return }
            starts[location.path, default: []].append((location.position, label()))
        }
        if paths?.contains(PlanFileKind.people.fileName) ?? true {
            for person in workspace.people { add(person.id.location, "person \(person.id.value)") }
        }
        for program in workspace.programs {
            let prefix = "programs/\(program.folder)/"
            guard paths?.contains(where: { $0.hasPrefix(prefix) }) ?? true else { continue }
            for item in program.workstreams { add(item.id.location, "workstream \(item.id.value)") }
            for item in program.stakeholders { add(item.person.location, "stakeholder \(item.person.value)") }
            for item in program.allocations {
                add(item.location, "allocation " + (item.workstream.map { "\(item.person.value)@\($0.value)" } ?? item.person.value))
            }
            for item in program.milestones { add(item.id.location, "milestone \(item.id.value)") }
            for item in program.risks { add(item.id.location, "risk \(item.id.value)") }
            for item in program.budgetLines { add(item.id.location, "budget-line \(item.id.value)") }
            for item in program.decisions { add(item.id.location, "decision \(item.id.value)") }
            for item in program.kpis { add(item.id.location, "kpi \(item.id.value)") }
        }
        for path in starts.keys { starts[path]!.sort { $0.position < $1.position } }
    }

    /// The entity a finding at this location is about.
    public func entity(at location: SourceLocation) -> String {
        let candidates = starts[location.path] ?? []
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if candidates[middle].position <= location.position { low = middle + 1 } else { high = middle }
        }
        if low > 0 { return candidates[low - 1].label }
        switch PlanFileKind.classify(location.path)?.kind {
        case .program?: return "program"
        case .settings?: return "settings"
        default: return "file"
        }
    }

    public func key(of diagnostic: Diagnostic) -> FindingKey {
        FindingKey(rule: diagnostic.ruleID, path: diagnostic.location.path, entity: entity(at: diagnostic.location))
    }

    /// Where an entity's id is written, if it exists here (the first of duplicates).
    public func location(of address: EntityAddress) -> SourceLocation? {
        guard let folder = address.program else {
            return address.kind == .person ? workspace.people.first { $0.id.value == address.id }?.id.location : nil
        }
        guard let program = workspace.program(folder) else { return nil }
        let id = address.id
        switch address.kind {
        case .program: return program.id?.location
        case .workstream: return program.workstreams.first { $0.id.value == id }?.id.location
        case .milestone: return program.milestones.first { $0.id.value == id }?.id.location
        case .risk: return program.risks.first { $0.id.value == id }?.id.location
        case .budgetLine: return program.budgetLines.first { $0.id.value == id }?.id.location
        case .decision: return program.decisions.first { $0.id.value == id }?.id.location
        case .kpi: return program.kpis.first { $0.id.value == id }?.id.location
        case .allocation:
            return program.allocations.first { allocation in
                    (allocation.workstream.map { "\(allocation.person.value)@\($0.value)" } ?? allocation.person.value) == id
                }?.location
        case .person, .settings: return nil
        }
    }
}

/// An entity as the diff names it: program (none for people and settings), kind, id.
public struct EntityAddress: Hashable, Sendable {
    public var program: String?
    public var kind: EntityKind
    public var id: String

    public init(program: String?, kind: EntityKind, id: String) {
        self.program = program
        self.kind = kind
        self.id = id
    }

    public init(_ change: EntityChange) {
        self.init(program: change.program, kind: change.entity, id: change.id)
    }

    /// The file an entity of this kind is written in.
    public var path: String {
        guard let program else { return kind == .settings ? PlanFileKind.settings.fileName : PlanFileKind.people.fileName }
        let file: PlanFileKind
        switch kind {
        case .milestone: file = .milestones
        case .risk: file = .risks
        case .budgetLine: file = .budget
        case .decision: file = .decisions
        case .kpi: file = .kpis
        case .program, .workstream, .allocation, .person, .settings: file = .program
        }
        return "programs/\(program)/\(file.fileName)"
    }

    /// `milestone payments/M7`, `person zoe`.
    public var description: String {
        "\(kind.noun) \(program.map { "\($0)/\(id)" } ?? id)"
    }
}
