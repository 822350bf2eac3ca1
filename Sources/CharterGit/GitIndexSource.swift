import CharterCore
import Clibgit2

/// Plan files exactly as staged in the index (not as in the worktree), under `prefix`.
///
/// The folder map is built in one pass over the index entries under the prefix when the
/// source is made; file sizes are read from object headers when a folder is listed.
public final class GitIndexSource: PlanSource {
    /// The workspace folder relative to the repository root; `""` for the root.
    public let prefix: String
    /// Paths (relative to `prefix`) with unresolved merge conflicts. Their entries are left
    /// out of the listings, since there is no single staged version to read.
    public let conflictedPaths: [String]

    private let repository: Repository
    private let objects: ObjectDatabase
    private let folders: IndexedFolders
    private var listings: [String: [SourceEntry]] = [:]

    init(repository: Repository, prefix: String) throws {
        self.repository = repository
        self.prefix = pathComponents(prefix).joined(separator: "/")
        self.objects = try ObjectDatabase(of: repository)

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
        self.folders = folders
        self.conflictedPaths = conflicted
    }

    public var sourceDescription: String { "index" }

    public func entries(in directory: String) throws -> [SourceEntry]? {
        let folder = pathComponents(directory).joined(separator: "/")
        if let known = listings[folder] { return known }
        let entries = folders.entries(in: folder) { [objects] _, entry in objects.size(of: entry.id) }
        listings[folder] = entries
        return entries
    }

    /// The staged blob id of the file at `path`; `nil` for folders (the index holds no tree ids)
    /// and for paths that are not staged.
    public func objectID(of path: String) -> ObjectID? {
        guard let entry = folders.entry(at: path), entry.kind != .directory else { return nil }
        return ObjectID(entry.id)
    }

    public func contents(of path: String) throws -> [UInt8] {
        if folders.entry(at: path) == nil, conflictedPaths.contains(pathComponents(path).joined(separator: "/")) {
            throw PlanSourceError.unreadable(path, reason: "has unresolved merge conflicts")
        }
        return try folders.contents(of: path, in: repository)
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
