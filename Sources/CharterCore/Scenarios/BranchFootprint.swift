/// What a branch touches, for deciding which pairs of branches can be wrong together: the
/// programs it changes, the programs whose milestones its changed milestones depend on, the
/// people it allocates, adds, removes or names as owners, and the settings file. Two branches
/// whose footprints are disjoint cannot make a finding together that neither makes alone, so
/// only pairs that share something are merged.
public struct BranchFootprint: Hashable, Sendable {
    public private(set) var programs: Set<String> = []
    public private(set) var people: Set<String> = []
    public private(set) var settings = false

    public init() {}

    /// - Parameters: diff: target → the branch merged into it; before/after: its two sides.
    public init(diff: PlanDiff, before: Workspace, after: Workspace) {
        let milestones = Self.milestones(before).merging(Self.milestones(after)) { a, b in a + b }
        for change in diff.changes {
            if let program = change.program { programs.insert(program) }
            if let from = change.movedFrom { programs.insert(from) }
            switch change.entity {
            case .person: people.insert(change.id)
            case .settings: settings = true
            case .allocation: people.insert(String(change.id.split(separator: "@", maxSplits: 1).first ?? ""))
            case .milestone:
                if let program = change.program {
                    for reference in milestones[QualifiedID(program: program, id: change.id)] ?? [] {
                        programs.insert(reference.program(from: program))
                    }
                }
            default: break
            }
            for field in change.fields where Self.personFields.contains(field.field) {
                for value in [field.from, field.to].compactMap({ $0 }) {
                    if case .text(let person) = value { people.insert(person) } else { people.formUnion(value.items) }
                }
            }
        }
        for file in diff.unreadable {
            if let folder = PlanFileKind.classify(file.file.path)?.programFolder { programs.insert(folder) }
        }
    }

    /// Fields whose values are person ids.
    private static let personFields: Set<String> = ["owner", "sponsor", "person", "stakeholders"]

    private static func milestones(_ workspace: Workspace) -> [QualifiedID: [EntityReference]] {
        var result: [QualifiedID: [EntityReference]] = [:]
        for program in workspace.programs {
            for milestone in program.milestones {
                result[QualifiedID(program: program.folder, id: milestone.id.value), default: []] += milestone.dependsOn.map(\.value)
            }
        }
        return result
    }

    public var isEmpty: Bool { programs.isEmpty && people.isEmpty && !settings }

    /// Whether the two touch a common program or person; a change to the settings (rule severities, policy) can matter to any other change.
    public func overlaps(_ other: BranchFootprint) -> Bool {
        settings || other.settings || !programs.isDisjoint(with: other.programs) || !people.isDisjoint(with: other.people)
    }
}
