import Dispatch

/// Who a set of plan changes concerns, and why: the one answer `notify` (who must hear about a
/// change request) and `charter digest` (what a person cares about) both filter.
///
/// Read against one workspace — the plans as they stand when the question is asked (a change
/// record is cached in the history index, but who owns what and who holds which role is decided
/// by the plans and people.yaml at read time). Owners written in the change itself (a removed
/// milestone's owner, an owner that changed hands) count too, old and new.
public struct ChangeAudience: Sendable {
    /// Why a person is concerned.
    public enum Kind: String, Hashable, Sendable, CaseIterable, Comparable {
        /// Owns a milestone the change touches (before or after it).
        case milestoneOwner = "milestone-owner"
        /// Owns a milestone in another program that depends on one the change moves, directly or
        /// through others (the milestone network's downstream).
        case dependentOwner = "dependent-owner"
        /// Holds a role in a program the change touches: a RACI role, or owner or sponsor.
        case stakeholder

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// One reason one person is concerned.
    public struct Concern: Hashable, Sendable, Comparable {
        public var person: String
        public var kind: Kind
        /// The milestone (`program/id`) they own, or the program they hold a role in.
        public var subject: String
        /// For a dependent: the changed milestone theirs depends on.
        public var dependsOn: String?
        /// For a stakeholder: the role (`accountable`, …, or `owner`, `sponsor`).
        public var role: String?

        public init(person: String, kind: Kind, subject: String, dependsOn: String? = nil, role: String? = nil) {
            self.person = person
            self.kind = kind
            self.subject = subject
            self.dependsOn = dependsOn
            self.role = role
        }

        public static func < (lhs: Concern, rhs: Concern) -> Bool {
            (lhs.kind, lhs.subject, lhs.dependsOn ?? "", lhs.role ?? "") < (rhs.kind, rhs.subject, rhs.dependsOn ?? "", rhs.role ?? "")
        }
    }

    public let workspace: Workspace
    /// The first program of each folder (as `Workspace.program(_:)` finds it), by folder.
    private let programIndex: [String: Int]
    /// For each program folder, the other folders whose milestones name it (`ProgramLinks`):
    /// where a milestone's dependents outside its own program can be.
    private let referrers: [String: Set<String>]
    /// people.yaml by id (the first of an id).
    let people: [String: Person]
    /// The networks built for earlier changes, by the programs they hold: the records of a long
    /// history mostly change the same programs.
    private let networks = NetworkCache()

    /// No whole milestone network is built: each set of changes builds the network of only the
    /// programs its dependents can be in (see `dependents(of:movedFrom:in:)`), so a commit
    /// importing 10,000 programs, whose changes are whole programs, builds none.
    public init(workspace: Workspace) {
        self.workspace = workspace
        var index: [String: Int] = [:]
        index.reserveCapacity(workspace.programs.count)
        for (position, program) in workspace.programs.enumerated() where index[program.folder] == nil {
            index[program.folder] = position
        }
        programIndex = index
        referrers = ProgramLinks.dependents([ProgramLinks(workspace)])
        people = Dictionary(workspace.people.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The first program at a folder.
    func program(_ folder: String) -> Program? {
        programIndex[folder].map { workspace.programs[$0] }
    }

    /// Every concern these changes raise, each once, in a stable order.
    public func concerns(_ changes: [EntityChange]) -> [Concern] {
        var found: [Concern] = []
        var programs: Set<String> = []
        let network = dependentsNetwork(for: changes)
        for change in changes {
            if let program = change.program { programs.insert(program) }
            if let from = change.movedFrom { programs.insert(from) }
            guard change.entity == .milestone, let program = change.program else { continue }
            let key = QualifiedID(program: program, id: change.id)
            for owner in owners(of: key, in: change) {
                found.append(Concern(person: owner, kind: .milestoneOwner, subject: key.description))
            }
            guard Self.reachesDependents(change), let network else { continue }
            for dependent in Self.dependents(of: key, movedFrom: change.movedFrom.map { QualifiedID(program: $0, id: change.id) }, in: network) {
                guard let owner = network.milestone(dependent)?.owner?.value else { continue }
                found.append(Concern(person: owner, kind: .dependentOwner, subject: dependent.description, dependsOn: key.description))
            }
        }
        for folder in programs.sorted() {
            guard let program = program(folder) else { continue }
            for (person, role) in Self.roles(in: program) {
                found.append(Concern(person: person, kind: .stakeholder, subject: folder, role: role))
            }
        }
        var seen: Set<Concern> = []
        return found.filter { seen.insert($0).inserted }
    }

    /// The roles people hold in a program: owner, sponsor, then each stakeholder's RACI role.
    public static func roles(in program: Program) -> [(person: String, role: String)] {
        var roles: [(String, String)] = []
        if let owner = program.owner?.value { roles.append((owner, "owner")) }
        if let sponsor = program.sponsor?.value { roles.append((sponsor, "sponsor")) }
        for stakeholder in program.stakeholders {
            if let role = stakeholder.raci { roles.append((stakeholder.person.value, role.rawValue)) }
        }
        return roles
    }

    /// A change that moves what others wait for: its date or status, its dependencies, or the
    /// milestone itself (added, removed, moved). A new name or deliverable does not.
    static func reachesDependents(_ change: EntityChange) -> Bool {
        if change.change != .modified { return true }
        let moving: Set<ChangeTag> = [.slipped, .pulledIn, .scheduled, .unscheduled, .statusChanged, .dependenciesChanged]
        return !moving.isDisjoint(with: change.tags) || change.field("start") != nil
    }

    /// The milestone's owners: those the change names (old and new), else the plans' owner.
    private func owners(of key: QualifiedID, in change: EntityChange) -> [String] {
        if let field = change.field("owner") {
            return [field.from?.text, field.to?.text].compactMap { $0 }
        }
        return program(key.program)?.milestones.first { $0.id.value == key.id }?.owner.map { [$0.value] } ?? []
    }

    /// The network of the programs where the dependents of these changes' milestones can be:
    /// the programs of the milestones whose change reaches dependents (and those they moved
    /// from), and every program whose milestones name one of those. A dependent's chain is
    /// followed only inside the changed milestone's program, and a milestone outside it that
    /// depends on one inside names that program, so this network gives the whole network's
    /// answer. `nil` when no change reaches dependents.
    private func dependentsNetwork(for changes: [EntityChange]) -> MilestoneNetwork? {
        var homes: Set<String> = []
        for change in changes where change.entity == .milestone && Self.reachesDependents(change) {
            if let program = change.program { homes.insert(program) }
            if let from = change.movedFrom { homes.insert(from) }
        }
        guard !homes.isEmpty else { return nil }
        var scope: Set<String>? = homes
        for home in homes { scope!.formUnion(referrers[home] ?? []) }
        // Half the programs or more: the whole network, built once for every such change.
        if scope!.count * 2 >= programIndex.count { scope = nil }
        return networks.network(holding: scope) { MilestoneNetwork(workspace.restricted(to: scope)) }
    }

    /// Milestones of other programs that depend on `key`: the first milestone outside its
    /// program on each chain of dependents (a chain inside that other program is its own
    /// owners' business); for a milestone the plans no longer hold, those whose `depends_on`
    /// still names it, or that reach it through their own program.
    private static func dependents(of key: QualifiedID, movedFrom: QualifiedID?, in network: MilestoneNetwork) -> [QualifiedID] {
        var starts: [MilestoneNetwork.Node] = network.node(key).map { [$0] } ?? []
        for old in [key, movedFrom].compactMap({ $0 }) {
            for entry in network.dangling where MilestoneNetwork.key(EntityReference(entry.reference), from: entry.milestone.program) == old {
                if let node = network.node(entry.milestone) { starts.append(node) }
            }
        }
        var result: Set<QualifiedID> = []
        var visited: Set<MilestoneNetwork.Node> = []
        var stack = starts
        while let node = stack.popLast() {
            guard visited.insert(node).inserted else { continue }
            if network.ids[node].program != key.program {
                result.insert(network.ids[node])
                continue
            }
            stack += network.successors[node]
        }
        return result.sorted()
    }
}

/// Milestone networks by the program folders they hold (`nil`: all), shared by the copies of one
/// `ChangeAudience` and safe to ask from several threads. Bounded: it starts afresh past 32.
private final class NetworkCache: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var built: [Set<String>?: MilestoneNetwork] = [:]

    func network(holding scope: Set<String>?, make: () -> MilestoneNetwork) -> MilestoneNetwork {
        lock.wait()
        defer { lock.signal() }
        if let known = built[scope] { return known }
        if built.count >= 32 { built.removeAll() }
        let network = make()
        built[scope] = network
        return network
    }
}
