/// Where two sides of a diff can differ, as their reader already knows from content ids: a
/// history walk compares each program folder's tree id and the root files' blob ids with the
/// parent commit's. Every program folder outside `programs` is the same value on both sides
/// (read once, from the same objects), and so are `charter.yaml` and `people.yaml` when
/// `rootFiles` is false; `DiffScope` and `SemanticDiff` then skip those by identity instead of
/// comparing them field by field.
///
/// A superset is always right: a folder listed here is still compared, so one whose tree changed
/// but whose plans did not (a comment edited) gives no change. Leaving out a folder that differs
/// is wrong: its changes would not be found.
public struct KnownChanges: Sendable, Hashable {
    /// The program folders whose content may differ, including those on one side only.
    public var programs: Set<String>
    /// Whether `charter.yaml` or `people.yaml` may differ.
    public var rootFiles: Bool

    public init(programs: Set<String>, rootFiles: Bool) {
        self.programs = programs
        self.rootFiles = rootFiles
    }

    /// From the content ids of each side's program folders (by folder) and root files: a folder
    /// may differ when its id differs or it is on one side only.
    public init(programs old: [String: String], _ new: [String: String], rootFiles oldRoot: String, _ newRoot: String) {
        var differing: Set<String> = []
        for (folder, id) in old where new[folder] != id { differing.insert(folder) }
        for folder in new.keys where old[folder] == nil { differing.insert(folder) }
        self.init(programs: differing, rootFiles: oldRoot != newRoot)
    }

    /// The programs of `workspace` in `programs`, by folder (the first of a folder, as the diff
    /// takes it).
    func programs(of workspace: Workspace) -> [String: Program] {
        var found: [String: Program] = [:]
        found.reserveCapacity(programs.count)
        // By index: only the programs kept are copied.
        for index in workspace.programs.indices where programs.contains(workspace.programs[index].folder) {
            let program = workspace.programs[index]
            if found[program.folder] == nil { found[program.folder] = program }
        }
        return found
    }
}
