/// For each program folder of one version of a workspace, the program folders its milestones
/// name in `depends_on` (its own included when a reference names it): what `DiffScope` and the
/// changed cone follow between programs. A history walk keeps each program version's names, so
/// a commit does not rescan every milestone of the workspace to find them.
public struct ProgramLinks: Sendable, Hashable {
    public private(set) var names: [String: Set<String>]

    /// Scans every milestone of the workspace.
    public init(_ workspace: Workspace) {
        names = [:]
        for program in workspace.programs { names[program.folder, default: []].formUnion(Self.names(of: program)) }
    }

    /// Names already known, by folder (each from `names(of:)` of that folder's program).
    public init(names: [String: Set<String>]) {
        self.names = names
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

    /// The folders whose milestones name a folder, asked of a few folders: the first few
    /// questions scan the names (a commit usually changes one program's milestones), and only
    /// a commit that asks of many makes the whole map.
    struct Dependents {
        private let versions: [ProgramLinks]
        private var map: [String: Set<String>]?
        private var scans = 0
        private static let scansBeforeMap = 8

        init(_ versions: ProgramLinks...) {
            self.versions = versions
        }

        mutating func of(_ folder: String) -> Set<String> {
            if map == nil && scans < Self.scansBeforeMap {
                scans += 1
                var found: Set<String> = []
                for version in versions {
                    for (other, names) in version.names where other != folder && names.contains(folder) { found.insert(other) }
                }
                return found
            }
            if map == nil { map = ProgramLinks.dependents(versions) }
            return map![folder] ?? []
        }
    }
}
