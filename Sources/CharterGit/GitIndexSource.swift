import CharterCore
import Clibgit2

/// Plan files exactly as staged in the index (not as in the worktree), under `prefix`.
///
/// The folder map is built in one pass over the index entries under the prefix when the
/// source is made; file sizes are read from object headers when a folder is listed.
///
/// Files can also be read on several threads at once (`ConcurrentPlanSource`), each reader
/// through a repository handle of its own, as `GitTreeSource` does.
public final class GitIndexSource: PlanSource, ConcurrentPlanSource {
    /// The workspace folder relative to the repository root; `""` for the root.
    public let prefix: String
    /// Paths (relative to `prefix`) with unresolved merge conflicts. Their entries are left
    /// out of the listings, since there is no single staged version to read.
    public var conflictedPaths: [String] { files.conflictedPaths }

    private let files: StagedFiles
    private var listings: [String: [SourceEntry]] = [:]

    init(repository: Repository, prefix: String) throws {
        self.prefix = normalisedPath(prefix)

        let skip = self.prefix.isEmpty ? 0 : self.prefix.utf8.count + 1
        var folders = IndexedFolders(rootAlwaysExists: self.prefix.isEmpty)
        var conflicted: [String] = []
        try repository.forEachStagedEntry(under: self.prefix) { staged in
            folders.add(String(staged.path.dropFirst(skip)), staged.stored)
        } conflicted: { path in
            let relative = String(path.dropFirst(skip))
            // Each conflicted path has up to three stages; report it once.
            if conflicted.last != relative { conflicted.append(relative) }
        }
        self.files = StagedFiles(repository: repository, objects: try ObjectDatabase(of: repository),
                                 folders: folders, conflictedPaths: conflicted)
    }

    public var sourceDescription: String { "index" }

    public func entries(in directory: String) throws -> [SourceEntry]? {
        let folder = normalisedPath(directory)
        if let known = listings[folder] { return known }
        let entries = files.entries(in: folder)
        listings[folder] = entries
        return entries
    }

    /// The staged blob id of the file at `path`; `nil` for folders (the index holds no tree ids)
    /// and for paths that are not staged.
    public func objectID(of path: String) -> ObjectID? {
        guard let entry = files.folders.entry(at: path), entry.kind != .directory else { return nil }
        return ObjectID(entry.id)
    }

    public func contents(of path: String) throws -> [UInt8] {
        try files.contents(of: path)
    }

    /// A reader on a repository handle of its own, over the same staged entries (read once,
    /// when the source was made: every reader sees the same index).
    public func makeFileReader() throws -> any PlanFileReader {
        let repository = try files.repository.openedAgain()
        return StagedFileReader(files: StagedFiles(
            repository: repository, objects: try ObjectDatabase(of: repository),
            folders: files.folders, conflictedPaths: files.conflictedPaths))
    }
}

/// The staged entries under the prefix and the handle their blobs are read through.
private struct StagedFiles {
    let repository: Repository
    let objects: ObjectDatabase
    let folders: IndexedFolders
    let conflictedPaths: [String]

    func entries(in folder: String) -> [SourceEntry]? {
        folders.entries(in: folder) { [objects] _, entry in objects.size(of: entry.id) }
    }

    func contents(of path: String) throws -> [UInt8] {
        if folders.entry(at: path) == nil, conflictedPaths.contains(normalisedPath(path)) {
            throw PlanSourceError.unreadable(path, reason: "has unresolved merge conflicts")
        }
        return try folders.contents(of: path, in: repository)
    }
}

/// A `GitIndexSource`'s folders and files for one thread.
private final class StagedFileReader: PlanFileReader {
    private let files: StagedFiles

    init(files: StagedFiles) {
        self.files = files
    }

    func entries(in directory: String) throws -> [SourceEntry]? {
        files.entries(in: normalisedPath(directory))
    }

    func contents(of path: String) throws -> [UInt8] {
        try files.contents(of: path)
    }
}

@available(*, unavailable, message: "libgit2 handles serve one task")
extension GitIndexSource: Sendable {}

extension Repository {
    /// The staged plan files under the workspace folder `prefix`. Throws for a bare
    /// repository, which has no index.
    public func indexSource(prefix: String) throws -> GitIndexSource {
        try GitIndexSource(repository: self, prefix: prefix)
    }
}
