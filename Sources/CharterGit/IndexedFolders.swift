import CharterCore
import Clibgit2

/// Flat paths, as an index holds them, arranged into folders so they can be listed like a tree:
/// what the index source and the in-memory merge source share.
struct IndexedFolders {
    /// Folder (relative to the prefix) to the entries directly inside it.
    private var folders: [String: [String: StoredEntry]] = [:]

    /// At the repository root the workspace folder always exists; in a subfolder, only once
    /// something is staged under it (so a missing workspace lists as `nil`, as in a tree).
    init(rootAlwaysExists: Bool) {
        if rootAlwaysExists { folders[""] = [:] }
    }

    /// Adds a file, creating the folders above it.
    mutating func add(_ relativePath: String, _ entry: StoredEntry) {
        var parent = ""
        var components = pathComponents(relativePath)
        guard let name = components.popLast() else { return }
        if folders[""] == nil { folders[""] = [:] }
        for component in components {
            let child = parent.isEmpty ? String(component) : parent + "/" + component
            if folders[child] == nil {
                folders[child] = [:]
                folders[parent, default: [:]][String(component)] = StoredEntry(id: git_oid(), mode: 0o040000)
            }
            parent = child
        }
        folders[parent, default: [:]][String(name)] = entry
    }

    func entry(at path: String) -> StoredEntry? {
        let (parent, name) = splitParent(path)
        return folders[parent]?[name]
    }

    /// The entries of a folder, sorted by name; `size` gives a file's size when it is cheap to know.
    func entries(in directory: String, size: (String, StoredEntry) -> Int?) -> [SourceEntry]? {
        let folder = normalisedPath(directory)
        guard let stored = folders[folder] else { return nil }
        return stored.map { name, entry in
            let path = folder.isEmpty ? name : folder + "/" + name
            return SourceEntry(name: name, kind: entry.kind, size: entry.kind == .file ? size(path, entry) : nil)
        }.sorted { $0.name < $1.name }
    }

    /// The bytes of a regular file, or why there are none.
    func contents(of path: String, in repository: Repository) throws -> [UInt8] {
        guard let entry = entry(at: path) else { throw PlanSourceError.notFound(path) }
        switch entry.kind {
        case .file: return try repository.blobContents(entry.id)
        case .directory: throw PlanSourceError.unreadable(path, reason: "is a folder, not a file")
        case .symlink: throw PlanSourceError.unreadable(path, reason: "is a symbolic link, not a regular file")
        case .submodule: throw PlanSourceError.unreadable(path, reason: "is a submodule, not a file")
        case .other: throw PlanSourceError.unreadable(path, reason: "is not a regular file")
        }
    }
}
