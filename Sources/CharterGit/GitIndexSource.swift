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
    /// Folder (relative to `prefix`) to the entries directly inside it.
    private let folders: [String: [String: StoredEntry]]
    private var listings: [String: [SourceEntry]] = [:]

    init(repository: Repository, prefix: String) throws {
        self.repository = repository
        self.prefix = pathComponents(prefix).joined(separator: "/")
        self.objects = try ObjectDatabase(of: repository)

        let skip = self.prefix.isEmpty ? 0 : self.prefix.utf8.count + 1
        var folders: [String: [String: StoredEntry]] = [:]
        var conflicted: [String] = []
        if self.prefix.isEmpty { folders[""] = [:] }
        try repository.forEachStagedEntry(under: self.prefix) { staged in
            let relative = String(staged.path.dropFirst(skip))
            var folder = ""
            var components = pathComponents(relative)
            guard let name = components.popLast() else { return }
            if folders[""] == nil { folders[""] = [:] }
            for component in components {
                let child = folder.isEmpty ? String(component) : folder + "/" + component
                if folders[child] == nil {
                    folders[child] = [:]
                    folders[folder, default: [:]][String(component)] = StoredEntry(id: git_oid(), mode: 0o040000)
                }
                folder = child
            }
            folders[folder, default: [:]][String(name)] = staged.stored
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
        guard let stored = folders[folder] else { return nil }
        let entries = stored.map { name, entry in
            SourceEntry(name: name, kind: entry.kind, size: entry.kind == .file ? objects.size(of: entry.id) : nil)
        }.sorted { $0.name < $1.name }
        listings[folder] = entries
        return entries
    }

    /// The staged blob id of the file at `path`; `nil` for folders (the index holds no tree ids)
    /// and for paths that are not staged.
    public func objectID(of path: String) -> ObjectID? {
        let (parent, name) = splitParent(path)
        guard let entry = folders[parent]?[name], entry.kind != .directory else { return nil }
        return ObjectID(entry.id)
    }

    public func contents(of path: String) throws -> [UInt8] {
        let (parent, name) = splitParent(path)
        guard let entry = folders[parent]?[name] else {
            if conflictedPaths.contains(pathComponents(path).joined(separator: "/")) {
                throw PlanSourceError.unreadable(path, reason: "has unresolved merge conflicts")
            }
            throw PlanSourceError.notFound(path)
        }
        switch entry.kind {
        case .file: return try repository.blobContents(entry.id)
        case .directory: throw PlanSourceError.unreadable(path, reason: "is a folder, not a file")
        case .symlink: throw PlanSourceError.unreadable(path, reason: "is a symbolic link, not a regular file")
        case .other: throw PlanSourceError.unreadable(path, reason: "is a submodule, not a file")
        }
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
