import CharterCore
import CharterGit

/// The workspace at each commit of a history walk, re-reading only what changed: a program
/// folder whose tree id was seen before is not put together again, a plan file whose blob was
/// seen before (at the same path) is not parsed again, and neither are `charter.yaml` and
/// `people.yaml` when their blob ids were. Successive commits then share storage for everything
/// they have in common, which also makes comparing them cheap (see `DiffScope`).
///
/// `prepare` reads the program folders a batch of commits needs that are not known yet: it copies
/// their listings and their new files out of git (libgit2 handles serve one thread), parses each
/// new file once on all cores, then puts the programs together from the parsed files, on all
/// cores too. What the last two batches did not use is forgotten, so a long walk stays small.
final class HistoryWorkspaces {
    private struct ParsedProgram {
        var program: Program
        var unreadable: [UnreadableFile]
        /// The keys (path and blob id) of the parsed files it was put together from.
        var files: [String]
        /// The programs its milestones name (`ProgramLinks`).
        var names: Set<String>
    }

    private struct ProgramVersion {
        var key: String
        var folder: String
        var tree: GitTreeSource
    }

    private let repository: Repository
    private let prefix: String
    /// By folder and tree id.
    private var programs: [String: ParsedProgram] = [:]
    /// By path and blob id.
    private var parts: [String: ProgramFilePart] = [:]
    private var roots: [String: (workspace: Workspace, unreadable: [UnreadableFile], people: PeopleDirectory)] = [:]
    private var recent: [(commit: ObjectID, side: HistorySide)] = []
    /// Program keys the previous batch used: kept for the next one, whose commits are older.
    private var usedBefore: Set<String> = []
    /// The trees of the batch being prepared, and their program keys: read once per commit.
    private var batchTrees: [ObjectID: (tree: GitTreeSource, keys: [(folder: String, key: String)])] = [:]
    /// How many program versions are copied out of git before their files are parsed: bounds
    /// the bytes held at once (a 10,000-program root commit is 121 MB of YAML).
    private static let versionsPerRound = 256

    init(repository: Repository, prefix: String) {
        self.repository = repository
        self.prefix = prefix
    }

    /// Parses, on all cores, the program folders these commits hold that are not parsed yet,
    /// and forgets those the previous batches used and these do not.
    func prepare(_ commits: [ObjectID?]) throws {
        var wanted: [String: ProgramVersion] = [:]
        var batch: Set<String> = []
        batchTrees = [:]
        for commit in Set(commits.compactMap { $0 }) {
            let tree = try repository.treeSource(commit: commit, prefix: prefix)
            let keys = try programKeys(tree)
            batchTrees[commit] = (tree, keys)
            for (folder, key) in keys {
                batch.insert(key)
                if programs[key] == nil && wanted[key] == nil { wanted[key] = ProgramVersion(key: key, folder: folder, tree: tree) }
            }
        }
        try parse(wanted.values.sorted { $0.key < $1.key })
        let keep = batch.union(usedBefore)
        programs = programs.filter { keep.contains($0.key) }
        let files = Set(programs.values.flatMap(\.files))
        parts = parts.filter { files.contains($0.key) }
        usedBefore = batch
    }

    /// The plans at a commit; an empty workspace for `nil` (before a root commit).
    func side(at commit: ObjectID?) throws -> HistorySide {
        guard let commit else {
            return HistorySide(side: DiffSide(workspace: Workspace()), links: ProgramLinks(names: [:]), programKeys: [:], rootKey: "",
                               people: PeopleDirectory([]))
        }
        if let cached = recent.first(where: { $0.commit == commit }) { return cached.side }
        let known = batchTrees[commit]
        let tree = try known?.tree ?? repository.treeSource(commit: commit, prefix: prefix)
        let side = try load(tree, keys: known?.keys)
        // A walk asks for a commit, then for its parent, then for the parent's parent: keep a few.
        recent.append((commit, side))
        if recent.count > 4 { recent.removeFirst() }
        return side
    }

    /// Reads these program versions, a round at a time: copies (one thread, for libgit2) each
    /// one's listing and the files not parsed yet, parses each new file once, then puts each
    /// program together from its parsed files; both on all cores.
    private func parse(_ versions: [ProgramVersion]) throws {
        for start in stride(from: 0, to: versions.count, by: Self.versionsPerRound) {
            let round = versions[start..<min(start + Self.versionsPerRound, versions.count)]
            var copies: [ProgramFolderCopy] = []
            var fresh: [String: (path: String, bytes: [UInt8])] = [:]
            for version in round {
                let copy = try ProgramFolderCopy(version.tree, folder: version.folder) { key in
                    parts[key] == nil && fresh[key] == nil
                }
                // A missing object is a damaged repository, not an unreadable plan: never a silent gap.
                try version.tree.throwIfDamaged()
                for (path, key) in copy.fresh { fresh[key] = (path, copy.bytes[path]!) }
                copies.append(copy)
            }
            let work = fresh.sorted { $0.key < $1.key }
            let parsed = ParallelMap.map(work, minimumCount: 2) { item in ProgramFilePart(item.value.bytes, path: item.value.path) }
            for (item, part) in zip(work, parsed) { parts[item.key] = part }
            let known = parts
            let loaded = ParallelMap.map(copies, minimumCount: 2) { copy in
                WorkspaceLoader.load(from: ProgramSubsetSource(copy, programs: [copy.folder], rootFiles: []),
                                     parsed: { path in copy.keys[path].flatMap { known[$0] } })
            }
            for (version, (copy, result)) in zip(round, zip(copies, loaded)) {
                guard let program = result.workspace.programs.first else { continue }
                let unreadable = DiffSide.unreadableFiles(in: result.findings).filter { $0.path.hasPrefix("programs/\(version.folder)/") }
                programs[version.key] = ParsedProgram(program: program, unreadable: unreadable, files: Array(copy.keys.values),
                                                      names: ProgramLinks.names(of: program))
            }
        }
    }

    /// Each program folder at a tree, with the key it is parsed under (folder and tree id).
    private func programKeys(_ tree: GitTreeSource) throws -> [(folder: String, key: String)] {
        (try tree.entriesWithIDs(in: "programs") ?? []).filter { $0.entry.kind == .directory }.map { entry, id in
            (entry.name, entry.name + "@" + id.hex)
        }
    }

    private func load(_ tree: GitTreeSource, keys known: [(folder: String, key: String)]?) throws -> HistorySide {
        let rootNames = [PlanFileKind.settings.fileName, PlanFileKind.people.fileName]
        let rootKey = try rootNames.map { try tree.objectID(of: $0)?.hex ?? "-" }.joined(separator: ":")
        if roots[rootKey] == nil {
            let result = WorkspaceLoader.load(from: ProgramSubsetSource(tree, programs: [], rootFiles: Set(rootNames)))
            roots[rootKey] = (result.workspace, DiffSide.unreadableFiles(in: result.findings), PeopleDirectory(result.workspace.people))
        }
        var workspace = roots[rootKey]!.workspace
        var unreadable = roots[rootKey]!.unreadable
        let keys = try known ?? programKeys(tree)
        try parse(keys.filter { programs[$0.key] == nil }.map { ProgramVersion(key: $0.key, folder: $0.folder, tree: tree) })
        let found = keys.compactMap { programs[$0.key] }
        workspace.programs = found.map(\.program)
        unreadable += found.flatMap(\.unreadable)
        var names: [String: Set<String>] = [:]
        names.reserveCapacity(found.count)
        // Folders are unique in a tree: each set is shared, not copied element by element.
        for program in found { names[program.program.folder] = program.names }
        workspace.planFiles = []
        // A missing object is a damaged repository, not an unreadable plan: never a silent gap.
        try tree.throwIfDamaged()
        var programKeys: [String: String] = [:]
        programKeys.reserveCapacity(keys.count)
        for (folder, key) in keys where programs[key] != nil { programKeys[folder] = key }
        return HistorySide(side: DiffSide(workspace: workspace, unreadable: unreadable), links: ProgramLinks(names: names),
                           programKeys: programKeys, rootKey: rootKey, people: roots[rootKey]!.people)
    }
}

/// The plans at one commit of a walk, which programs each of its programs names, and the keys
/// its parts were read under: two sides with the same key for a program folder (or for the root
/// files) hold the same value there, so a diff needs to compare only where keys differ.
struct HistorySide: Sendable {
    var side: DiffSide
    var links: ProgramLinks
    /// Each program folder's key: its folder and tree id.
    var programKeys: [String: String]
    /// The blob ids of `charter.yaml` and `people.yaml`; empty before a root commit.
    var rootKey: String
    /// Its people, made once per version of the root files.
    var people: PeopleDirectory

    var workspace: Workspace { side.workspace }

    /// Where this side and `newer` can differ.
    func changes(to newer: HistorySide) -> KnownChanges {
        KnownChanges(programs: programKeys, newer.programKeys, rootFiles: rootKey, newer.rootKey)
    }
}

/// One program folder of a commit, copied out of git so it can be put together on another
/// thread with the same result as the tree itself: the listings on the way there, the key (path
/// and blob id) of each plan file, and the bytes of those not parsed yet (or the error reading
/// them gave, for the loader to report).
struct ProgramFolderCopy: PlanSource, Sendable {
    let sourceDescription: String
    let folder: String
    /// Plan files by path: their key, path and blob id.
    private(set) var keys: [String: String] = [:]
    /// The plan files whose keys were new, by path: what to parse.
    private(set) var fresh: [String: String] = [:]
    private(set) var bytes: [String: [UInt8]] = [:]
    private var listings: [String: [SourceEntry]] = [:]
    private var failures: [String: any Error] = [:]

    /// - Parameter isNew: whether a file's key has not been parsed yet (its bytes are copied).
    init(_ tree: GitTreeSource, folder: String, isNew: (String) -> Bool) throws {
        sourceDescription = tree.sourceDescription
        self.folder = folder
        let path = "programs/" + folder
        listings[""] = (try tree.entries(in: "") ?? []).filter { $0.name == "programs" }
        listings["programs"] = (try tree.entries(in: "programs") ?? []).filter { $0.name == folder }
        guard let entries = try tree.entriesWithIDs(in: path) else { return }
        listings[path] = entries.map(\.entry)
        for (entry, id) in entries where entry.kind == .file && PlanFileKind.programFiles.contains(where: { $0.fileName == entry.name }) {
            let file = path + "/" + entry.name
            let key = file + "@" + id.hex
            keys[file] = key
            guard isNew(key) else { continue }
            do {
                bytes[file] = try tree.contents(of: file)
                // Too large a file is the loader's to refuse, never parsed.
                if bytes[file]!.count <= WorkspaceLoader.maxFileBytes { fresh[file] = key } else { keys[file] = nil }
            } catch {
                keys[file] = nil
                failures[file] = error
            }
        }
    }

    func entries(in directory: String) throws -> [SourceEntry]? {
        listings[directory.split(separator: "/").joined(separator: "/")]
    }

    func contents(of path: String) throws -> [UInt8] {
        if let failure = failures[path] { throw failure }
        if let file = bytes[path] { return file }
        throw PlanSourceError.notFound(path)
    }
}
