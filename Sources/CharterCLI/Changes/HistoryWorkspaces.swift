import CharterCore
import CharterGit
import Foundation

/// The workspace at each commit of a history walk, re-reading only what changed: a program
/// folder whose tree id was seen before is not put together again, a plan file whose blob was
/// seen before (at the same path) is not parsed again, and neither are `charter.yaml` and
/// `people.yaml` when their blob ids were. Successive commits then share storage for everything
/// they have in common, which also makes comparing them cheap (see `DiffScope`).
///
/// `prepare` reads the program folders a batch of commits needs that are not known yet: each
/// folder is listed, its new files read and parsed once, and the program put together from them,
/// all on one core; a commit with many new folders (an import) spreads them over every core, each
/// reading through a repository handle of its own (libgit2 handles serve one thread). What the
/// last two batches did not use is forgotten, so a long walk stays small.
final class HistoryWorkspaces {
    /// A program version as parsed once and shared by every commit that holds it: a class, so a
    /// commit takes it with one reference count, not one per field.
    private final class ParsedProgram: Sendable {
        let program: Program
        let unreadable: [UnreadableFile]
        /// The keys (path and blob id) of the parsed files it was put together from.
        let files: [String]
        /// The programs its milestones name (`ProgramLinks`).
        let names: Set<String>

        init(program: Program, unreadable: [UnreadableFile], files: [String], names: Set<String>) {
            self.program = program
            self.unreadable = unreadable
            self.files = files
            self.names = names
        }
    }

    /// A program folder of one commit's tree: its entry in `programs`, and the key it is parsed
    /// under (folder and tree id).
    private struct FolderVersion: Sendable {
        var entry: SourceEntry
        var key: String
        var folder: String { entry.name }
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
    /// The trees of the batch being prepared, and their program folders: read once per commit.
    private var batchTrees: [ObjectID: (tree: GitTreeSource, versions: [FolderVersion])] = [:]
    /// From this many new folders in one tree, they are read on every core: below it, opening
    /// a repository handle per core costs more than it saves.
    private static let concurrentFolderCount = 64
    /// Asked once: reading it costs a system call and a parse, and a walk parses at every commit.
    private static let coreCount = ProcessInfo.processInfo.activeProcessorCount

    init(repository: Repository, prefix: String) {
        self.repository = repository
        self.prefix = prefix
    }

    /// Parses, on all cores, the program folders these commits hold that are not parsed yet,
    /// and forgets those the previous batches used and these do not.
    func prepare(_ commits: [ObjectID?]) throws {
        var wanted: Set<String> = []
        var batch: Set<String> = []
        batchTrees = [:]
        var newByTree: [(tree: GitTreeSource, versions: [FolderVersion])] = []
        for commit in commits.compactMap({ $0 }) where batchTrees[commit] == nil {
            let tree = try repository.treeSource(commit: commit, prefix: prefix)
            let versions = try folderVersions(tree)
            batchTrees[commit] = (tree, versions)
            var new: [FolderVersion] = []
            for version in versions {
                batch.insert(version.key)
                if programs[version.key] == nil && wanted.insert(version.key).inserted { new.append(version) }
            }
            newByTree.append((tree, new))
        }
        for (tree, versions) in newByTree { try parse(versions, in: tree) }
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
        let side = try load(tree, versions: known?.versions)
        // A walk asks for a commit, then for its parent, then for the parent's parent: keep a few.
        recent.append((commit, side))
        if recent.count > 4 { recent.removeFirst() }
        return side
    }

    /// Reads these program folders of one tree: lists each, parses each of its files not parsed
    /// yet, and puts the program together from its parsed files. Many folders are spread over
    /// every core, each core reading through a reader of its own.
    private func parse(_ versions: [FolderVersion], in tree: GitTreeSource) throws {
        guard !versions.isEmpty,
              let programsEntry = try tree.entries(in: "")?.first(where: { $0.name == "programs" }) else { return }
        let known = parts
        let description = tree.sourceDescription
        var read: [Result<FolderRead, any Error>] = []
        let chunkCount = min(versions.count / Self.concurrentFolderCount, Self.coreCount * 8)
        if chunkCount >= 2, let readers = try? (0..<chunkCount).map({ _ in try tree.makeTreeReader() }) {
            // Contiguous chunks, one reader each; more chunks than cores keeps every core busy to the end.
            var chunks: [FolderChunk] = []
            for (index, reader) in readers.enumerated() {
                let bounds = index * versions.count / chunkCount ..< (index + 1) * versions.count / chunkCount
                chunks.append(FolderChunk(reader: reader, versions: versions[bounds]))
            }
            let byChunk = ParallelMap.map(chunks, minimumCount: 2) { (chunk: FolderChunk) -> [Result<FolderRead, any Error>] in
                chunk.versions.map { version in
                    Result { try FolderRead(version, in: programsEntry, of: description, known: known,
                                            entriesWithIDs: chunk.reader.entriesWithIDs, contents: chunk.reader.contents) }
                }
            }
            read = byChunk.flatMap { $0 }
        } else {
            read = versions.map { version in
                Result { try FolderRead(version, in: programsEntry, of: description, known: known,
                                        entriesWithIDs: tree.entriesWithIDs, contents: tree.contents) }
            }
        }
        // A missing object is a damaged repository, not an unreadable plan: never a silent gap.
        try tree.throwIfDamaged()
        for result in read {
            let folder = try result.get()
            for (key, part) in folder.freshParts { parts[key] = part }
            if let program = folder.program { programs[folder.key] = program }
        }
    }

    /// Folders of one tree read on one core, through that core's reader.
    private struct FolderChunk: Sendable {
        var reader: GitTreeReader
        var versions: ArraySlice<FolderVersion>
    }

    /// One program folder read and put together, on whichever core: the program (none when the
    /// folder holds no plan file), and the files parsed for it (by key) that no earlier read had.
    private struct FolderRead: Sendable {
        var key: String
        var program: ParsedProgram?
        var freshParts: [(key: String, part: ProgramFilePart?)] = []

        init(_ version: FolderVersion, in programsEntry: SourceEntry, of sourceDescription: String, known: [String: ProgramFilePart],
             entriesWithIDs: (String) throws -> [(entry: SourceEntry, id: ObjectID)]?, contents: (String) throws -> [UInt8]) throws {
            key = version.key
            var copy = try ProgramFolderCopy(version.entry, in: programsEntry, of: sourceDescription,
                                             entriesWithIDs: entriesWithIDs, contents: contents) { known[$0] == nil }
            var fresh: [String: ProgramFilePart] = [:]
            for (path, key) in copy.fresh {
                let part = ProgramFilePart(copy.bytes[path]!, path: path)
                fresh[key] = part
                freshParts.append((key, part))
            }
            // Parsed: the loader takes the parts, never these bytes again.
            copy.forgetFreshBytes()
            let parsed = fresh
            let result = WorkspaceLoader.load(from: ProgramSubsetSource(copy, programs: [version.folder], rootFiles: []),
                                              parsed: { [copy] path in copy.keys[path].flatMap { parsed[$0] ?? known[$0] } })
            guard let program = result.workspace.programs.first else { return }
            let unreadable = DiffSide.unreadableFiles(in: result.findings).filter { $0.path.hasPrefix("programs/\(version.folder)/") }
            self.program = ParsedProgram(program: program, unreadable: unreadable, files: Array(copy.keys.values),
                                         names: ProgramLinks.names(of: program))
        }
    }

    /// Each program folder at a tree, with the key it is parsed under (folder and tree id).
    private func folderVersions(_ tree: GitTreeSource) throws -> [FolderVersion] {
        (try tree.entriesWithIDs(in: "programs") ?? []).filter { $0.entry.kind == .directory }.map { entry, id in
            FolderVersion(entry: entry, key: entry.name + "@" + id.hex)
        }
    }

    private func load(_ tree: GitTreeSource, versions known: [FolderVersion]?) throws -> HistorySide {
        let rootNames = [PlanFileKind.settings.fileName, PlanFileKind.people.fileName]
        let rootKey = try rootNames.map { try tree.objectID(of: $0)?.hex ?? "-" }.joined(separator: ":")
        if roots[rootKey] == nil {
            let result = WorkspaceLoader.load(from: ProgramSubsetSource(tree, programs: [], rootFiles: Set(rootNames)))
            roots[rootKey] = (result.workspace, DiffSide.unreadableFiles(in: result.findings), PeopleDirectory(result.workspace.people))
        }
        var workspace = roots[rootKey]!.workspace
        var unreadable = roots[rootKey]!.unreadable
        let versions = try known ?? folderVersions(tree)
        try parse(versions.filter { programs[$0.key] == nil }, in: tree)
        // One pass over the folders, each program version taken once by reference.
        var found: [Program] = []
        found.reserveCapacity(versions.count)
        var names: [String: Set<String>] = [:]
        names.reserveCapacity(versions.count)
        var programKeys: [String: String] = [:]
        programKeys.reserveCapacity(versions.count)
        for version in versions {
            guard let parsed = programs[version.key] else { continue }
            found.append(parsed.program)
            unreadable += parsed.unreadable
            // Folders are unique in a tree: each set is shared, not copied element by element.
            names[version.folder] = parsed.names
            programKeys[version.folder] = version.key
        }
        workspace.programs = found
        workspace.planFiles = []
        // A missing object is a damaged repository, not an unreadable plan: never a silent gap.
        try tree.throwIfDamaged()
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

/// One program folder of a commit, copied out of git so it can be put together with the same
/// result as the tree itself: the listings on the way there, the key (path and blob id) of each
/// plan file, and the bytes of those not parsed yet (or the error reading them gave, for the
/// loader to report).
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

    /// - Parameters:
    ///   - folder: the folder's entry in `programs`, whose own entry is `programsEntry`.
    ///   - entriesWithIDs, contents: read the commit's tree (through one thread's reader).
    ///   - isNew: whether a file's key has not been parsed yet (its bytes are copied).
    init(_ folder: SourceEntry, in programsEntry: SourceEntry, of sourceDescription: String,
         entriesWithIDs: (String) throws -> [(entry: SourceEntry, id: ObjectID)]?, contents: (String) throws -> [UInt8],
         isNew: (String) -> Bool) throws {
        self.sourceDescription = sourceDescription
        self.folder = folder.name
        let path = "programs/" + folder.name
        listings[""] = [programsEntry]
        listings["programs"] = [folder]
        guard let entries = try entriesWithIDs(path) else { return }
        listings[path] = entries.map(\.entry)
        for (entry, id) in entries where entry.kind == .file && PlanFileKind.programFiles.contains(where: { $0.fileName == entry.name }) {
            let file = path + "/" + entry.name
            let key = file + "@" + id.hex
            keys[file] = key
            guard isNew(key) else { continue }
            do {
                bytes[file] = try contents(file)
                // Too large a file is the loader's to refuse, never parsed.
                if bytes[file]!.count <= WorkspaceLoader.maxFileBytes { fresh[file] = key } else { keys[file] = nil }
            } catch {
                keys[file] = nil
                failures[file] = error
            }
        }
    }

    /// Drops the bytes of the files in `fresh` once they are parsed.
    mutating func forgetFreshBytes() {
        for path in fresh.keys { bytes[path] = nil }
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
