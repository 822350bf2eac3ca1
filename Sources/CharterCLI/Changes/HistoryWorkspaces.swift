import CharterCore
import CharterGit

/// The workspace at each commit of a history walk, re-reading only what changed: a program
/// folder whose tree id was seen before is not parsed again, and neither are `charter.yaml` and
/// `people.yaml` when their blob ids were. Successive commits then share storage for everything
/// they have in common, which also makes comparing them cheap (see `DiffScope`).
///
/// `prepare` reads the program folders a batch of commits needs that are not parsed yet, copies
/// their files out of git (libgit2 handles serve one thread), and parses them on all cores.
/// What the last two batches did not use is forgotten, so a long walk stays small.
final class HistoryWorkspaces {
    private typealias ParsedProgram = (program: Program, unreadable: [UnreadableFile])
    private let repository: Repository
    private let prefix: String
    private var programs: [String: ParsedProgram] = [:]
    private var roots: [String: (workspace: Workspace, unreadable: [UnreadableFile])] = [:]
    private var recent: [(commit: ObjectID, side: DiffSide)] = []
    /// Program keys the previous batch used: kept for the next one, whose commits are older.
    private var usedBefore: Set<String> = []

    init(repository: Repository, prefix: String) {
        self.repository = repository
        self.prefix = prefix
    }

    /// Parses, on all cores, the program folders these commits hold that are not parsed yet,
    /// and forgets those the previous batches used and these do not.
    func prepare(_ commits: [ObjectID?]) throws {
        var wanted: [String: (folder: String, tree: GitTreeSource)] = [:]
        var batch: Set<String> = []
        for commit in Set(commits.compactMap { $0 }) {
            let tree = try repository.treeSource(commit: commit, prefix: prefix)
            for (folder, key) in try programKeys(tree) {
                batch.insert(key)
                if programs[key] == nil && wanted[key] == nil { wanted[key] = (folder, tree) }
            }
        }
        // One loader call per few hundred folders (it parses their files on all cores), with
        // each folder name once per call: two versions of one program go to separate calls.
        // The copied bytes of a 10,000-program workspace are then never all held at once.
        var layers: [[(key: String, folder: String, tree: GitTreeSource)]] = []
        var names: [Set<String>] = []
        for (key, found) in wanted.sorted(by: { $0.key < $1.key }) {
            var layer = layers.count - 1
            while layer >= 0 && (layers[layer].count >= 256 || names[layer].contains(found.folder)) { layer -= 1 }
            if layer < 0 {
                layers.append([])
                names.append([])
                layer = layers.count - 1
            }
            layers[layer].append((key, found.folder, found.tree))
            names[layer].insert(found.folder)
        }
        for layer in layers {
            var folders: [String: FolderSnapshot] = [:]
            for entry in layer {
                folders[entry.folder] = try FolderSnapshot(entry.tree, folder: "programs/" + entry.folder)
                // A missing object is a damaged repository, not an unreadable plan: never a silent gap.
                try entry.tree.throwIfDamaged()
            }
            let source = SnapshotSet(folders: folders)
            let result = WorkspaceLoader.load(from: ProgramSubsetSource(source, programs: Set(folders.keys), rootFiles: []))
            let unreadable = DiffSide.unreadableFiles(in: result.findings)
            let keyOf = Dictionary(uniqueKeysWithValues: layer.map { ($0.folder, $0.key) })
            for program in result.workspace.programs {
                guard let key = keyOf[program.folder] else { continue }
                programs[key] = (program, unreadable.filter { $0.path.hasPrefix("programs/\(program.folder)/") })
            }
        }
        let keep = batch.union(usedBefore)
        programs = programs.filter { keep.contains($0.key) }
        usedBefore = batch
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

    /// Each program folder at a tree, with the key it is parsed under (folder and tree id).
    private func programKeys(_ tree: GitTreeSource) throws -> [(folder: String, key: String)] {
        let folders = (try tree.entries(in: "programs") ?? []).filter { $0.kind == .directory }.map(\.name)
        return try folders.map { folder in
            (folder, folder + "@" + (try tree.objectID(of: "programs/" + folder)?.hex ?? "-"))
        }
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
        let keys = try programKeys(tree)
        let missing = keys.filter { programs[$0.key] == nil }
        if !missing.isEmpty {
            let folders = Set(missing.map(\.folder))
            let result = WorkspaceLoader.load(from: ProgramSubsetSource(tree, programs: folders, rootFiles: []))
            let unreadableFiles = DiffSide.unreadableFiles(in: result.findings)
            let keyOf = Dictionary(uniqueKeysWithValues: missing.map { ($0.folder, $0.key) })
            for program in result.workspace.programs {
                let files = unreadableFiles.filter { $0.path.hasPrefix("programs/\(program.folder)/") }
                if let key = keyOf[program.folder] { programs[key] = (program, files) }
            }
        }
        workspace.programs = keys.compactMap { programs[$0.key]?.program }
        unreadable += keys.flatMap { programs[$0.key]?.unreadable ?? [] }
        workspace.planFiles = []
        // A missing object is a damaged repository, not an unreadable plan: never a silent gap.
        try tree.throwIfDamaged()
        return DiffSide(workspace: workspace, unreadable: unreadable)
    }
}

/// Program folders copied from several commits, seen as one source: `programs/` lists them all.
struct SnapshotSet: PlanSource, Sendable {
    let folders: [String: FolderSnapshot]

    var sourceDescription: String { folders.values.first?.sourceDescription ?? "history" }

    func entries(in directory: String) throws -> [SourceEntry]? {
        let parts = directory.split(separator: "/").map(String.init)
        switch parts.count {
        case 0: return [SourceEntry(name: "programs", kind: .directory)]
        case 1 where parts[0] == "programs":
            return try folders.keys.sorted().flatMap { try folders[$0]!.entries(in: "programs") ?? [] }
        default:
            guard parts[0] == "programs", let folder = folders[parts[1]] else { return nil }
            return try folder.entries(in: directory)
        }
    }

    func contents(of path: String) throws -> [UInt8] {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count > 2, parts[0] == "programs", let folder = folders[parts[1]] else { throw PlanSourceError.notFound(path) }
        return try folder.contents(of: path)
    }
}

/// A copy of one folder of a source, and the way there, as the loader sees it: listings, file
/// bytes, and the errors reading them gave (a symbolic link, a submodule), so it can be parsed
/// on another thread with the same result as the source itself.
struct FolderSnapshot: PlanSource, Sendable {
    let sourceDescription: String
    private var listings: [String: [SourceEntry]] = [:]
    private var files: [String: Result<[UInt8], any Error>] = [:]

    init(_ base: any PlanSource, folder: String) throws {
        sourceDescription = base.sourceDescription
        let parts = folder.split(separator: "/").map(String.init)
        // The folders above: only the entry that leads down.
        var above = ""
        for part in parts {
            listings[above] = (try base.entries(in: above) ?? []).filter { $0.name == part }
            above = above.isEmpty ? part : above + "/" + part
        }
        try copy(base, folder: folder)
    }

    private mutating func copy(_ base: any PlanSource, folder: String) throws {
        guard let entries = try base.entries(in: folder) else { return }
        listings[folder] = entries
        for entry in entries {
            let path = folder + "/" + entry.name
            if entry.kind == .directory {
                try copy(base, folder: path)
            } else {
                files[path] = Result { try base.contents(of: path) }
            }
        }
    }

    func entries(in directory: String) throws -> [SourceEntry]? {
        listings[directory.split(separator: "/").joined(separator: "/")]
    }

    func contents(of path: String) throws -> [UInt8] {
        guard let result = files[path] else { throw PlanSourceError.notFound(path) }
        return try result.get()
    }
}
