import CharterCore
import CharterGit

/// The workspace at each commit of a history walk, re-reading only what changed: a program
/// folder whose tree id was seen before is not parsed again, and neither are `charter.yaml` and
/// `people.yaml` when their blob ids were. Successive commits then share storage for everything
/// they have in common, which also makes comparing them cheap (see `DiffScope`).
final class HistoryWorkspaces {
    private let repository: Repository
    private let prefix: String
    private var programs: [String: (program: Program, unreadable: [UnreadableFile])] = [:]
    private var roots: [String: (workspace: Workspace, unreadable: [UnreadableFile])] = [:]
    private var recent: [(commit: ObjectID, side: DiffSide)] = []

    init(repository: Repository, prefix: String) {
        self.repository = repository
        self.prefix = prefix
    }

    /// The plans at a commit; an empty workspace for `nil` (before a root commit).
    func side(at commit: ObjectID?) throws -> DiffSide {
        guard let commit else { return DiffSide(workspace: Workspace()) }
        if let cached = recent.first(where: { $0.commit == commit }) { return cached.side }
        let tree = try repository.treeSource(commit: commit, prefix: prefix)
        let side = try load(tree)
        // A walk asks for a commit, then for its parent, then for the parent's parent: keep a few.
        recent.append((commit, side))
        if recent.count > 4 { recent.removeFirst() }
        return side
    }

    private func load(_ tree: GitTreeSource) throws -> DiffSide {
        let rootNames = [PlanFileKind.settings.fileName, PlanFileKind.people.fileName]
        let rootKey = try rootNames.map { try tree.objectID(of: $0)?.hex ?? "-" }.joined(separator: ":")
        if roots[rootKey] == nil {
            let result = WorkspaceLoader.load(from: ProgramSubsetSource(tree, programs: [], rootFiles: Set(rootNames)))
            roots[rootKey] = (result.workspace, DiffSide.unreadableFiles(in: result.findings))
        }
        var workspace = roots[rootKey]!.workspace
        var unreadable = roots[rootKey]!.unreadable
        let folders = (try tree.entries(in: "programs") ?? []).filter { $0.kind == .directory }.map(\.name)
        var missing: [String] = []
        var keys: [String: String] = [:]
        for folder in folders {
            let key = folder + "@" + (try tree.objectID(of: "programs/" + folder)?.hex ?? "-")
            keys[folder] = key
            if programs[key] == nil { missing.append(folder) }
        }
        if !missing.isEmpty {
            let result = WorkspaceLoader.load(from: ProgramSubsetSource(tree, programs: Set(missing), rootFiles: []))
            let unreadableFiles = DiffSide.unreadableFiles(in: result.findings)
            for program in result.workspace.programs {
                let files = unreadableFiles.filter { $0.path.hasPrefix("programs/\(program.folder)/") }
                programs[keys[program.folder]!] = (program, files)
            }
        }
        workspace.programs = folders.compactMap { keys[$0].flatMap { programs[$0]?.program } }
        unreadable += folders.flatMap { keys[$0].flatMap { programs[$0]?.unreadable } ?? [] }
        workspace.planFiles = []
        // A missing object is a damaged repository, not an unreadable plan: never a silent gap.
        try tree.throwIfDamaged()
        return DiffSide(workspace: workspace, unreadable: unreadable)
    }
}
