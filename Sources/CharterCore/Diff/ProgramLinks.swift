import Dispatch

/// For each program folder of one version of a workspace, the program folders its milestones
/// name in `depends_on` (its own included when a reference names it): what `DiffScope` and the
/// changed cone follow between programs. A history walk keeps each program version's names, so
/// a commit does not rescan every milestone of the workspace to find them.
public struct ProgramLinks: Sendable, Hashable {
    public private(set) var names: [String: Set<String>] {
        didSet { reverse = ReverseMap() }
    }
    /// `dependents([self])`, made the first time it is asked for and kept with this value: a
    /// history walk asks it of each commit's side twice (as the new side, then as the old one).
    private var reverse = ReverseMap()

    /// Scans every milestone of the workspace.
    public init(_ workspace: Workspace) {
        var names: [String: Set<String>] = [:]
        for program in workspace.programs { names[program.folder, default: []].formUnion(Self.names(of: program)) }
        self.names = names
    }

    /// Names already known, by folder (each from `names(of:)` of that folder's program).
    public init(names: [String: Set<String>]) {
        self.names = names
    }

    public static func == (lhs: ProgramLinks, rhs: ProgramLinks) -> Bool { lhs.names == rhs.names }

    public func hash(into hasher: inout Hasher) { hasher.combine(names) }

    /// For each folder, the other folders whose milestones name it.
    var dependents: [String: Set<String>] {
        reverse.map { Self.dependents([self]) }
    }

    /// Made once, from whichever thread asks first; the lock makes the others wait for it.
    private final class ReverseMap: @unchecked Sendable {
        private let lock = DispatchSemaphore(value: 1)
        private var made: [String: Set<String>]?

        func map(_ make: () -> [String: Set<String>]) -> [String: Set<String>] {
            lock.wait()
            defer { lock.signal() }
            if let made { return made }
            let map = make()
            made = map
            return map
        }
    }

    /// The program folders one program's milestones name.
    public static func names(of program: Program) -> Set<String> {
        var found: Set<String> = []
        for milestone in program.milestones {
            for reference in milestone.dependsOn {
                if let other = reference.value.program { found.insert(other) }
            }
        }
        return found
    }

    /// For each program folder, the other folders (of either version) whose milestones name it.
    static func dependents(_ versions: [ProgramLinks]) -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        for version in versions {
            for (folder, names) in version.names {
                for other in names where other != folder { found[other, default: []].insert(folder) }
            }
        }
        return found
    }

    /// The folders whose milestones name a folder, in either of two versions.
    struct Dependents {
        private let old: [String: Set<String>]
        private let new: [String: Set<String>]

        init(_ old: ProgramLinks, _ new: ProgramLinks) {
            self.old = old.dependents
            self.new = new.dependents
        }

        func of(_ folder: String) -> Set<String> {
            (old[folder] ?? []).union(new[folder] ?? [])
        }
    }
}
