import CharterCore
import CharterGit

/// One side of a diff, ready to read: a plan source, what to call it, and cheap content ids
/// (git object ids, or for the worktree the blob id of the bytes on disk) so the loader can
/// tell which program folders differ without parsing them.
final class DiffEndpoint: DiffSideSource {
    enum Storage {
        /// Nothing: before the first commit, or the parent of a root commit.
        case empty
        case tree(GitTreeSource)
        case index(GitIndexSource)
        case worktree(CachingSource)
    }

    /// As the user named it: `HEAD`, `main`, `index`, `worktree`.
    let label: String
    let commit: ObjectID?
    let storage: Storage

    init(label: String, commit: ObjectID?, storage: Storage) {
        self.label = label
        self.commit = commit
        self.storage = storage
    }

    var source: any PlanSource {
        switch storage {
        case .empty: return InMemoryPlanSource(files: [:], sourceDescription: label)
        case .tree(let tree): return tree
        case .index(let index): return index
        case .worktree(let worktree): return worktree
        }
    }

    /// Plan files in the index with unresolved conflicts: they have no single staged version.
    var conflictedPaths: [String] {
        if case .index(let index) = storage { return index.conflictedPaths }
        return []
    }

    /// An id equal on two sides exactly when the file's bytes are (kind included); `nil` when
    /// there is no such entry.
    func contentKey(of path: String, kind: SourceEntry.Kind) throws -> String? {
        guard kind == .file else { return kind.rawValue }
        switch storage {
        case .empty: return nil
        case .tree(let tree): return try tree.objectID(of: path)?.hex
        case .index(let index): return index.objectID(of: path)?.hex
        case .worktree(let worktree):
            guard let bytes = try? worktree.contents(of: path) else { return nil }
            return try ObjectID.blob(hashing: bytes).hex
        }
    }

    /// Throws when a commit side met a missing or corrupt object while being read.
    func throwIfDamaged() throws {
        if case .tree(let tree) = storage { try Git.call { try tree.throwIfDamaged() } }
    }

    /// The tree id of a folder, when this side is a commit (the index and worktree have none).
    func folderID(of path: String) throws -> String? {
        if case .tree(let tree) = storage { return try tree.objectID(of: path)?.hex }
        return nil
    }

}

/// Reads the two sides of a diff, narrowed to what changed (`DiffNarrowing`, in the core).
typealias DiffLoader = DiffNarrowing

/// A source that keeps what it has read, so hashing a worktree file and then parsing it reads
/// the disk once.
final class CachingSource: PlanSource {
    private let base: any PlanSource
    private var files: [String: [UInt8]] = [:]
    private var listings: [String: [SourceEntry]?] = [:]

    init(_ base: any PlanSource) {
        self.base = base
    }

    var sourceDescription: String { base.sourceDescription }

    func entries(in directory: String) throws -> [SourceEntry]? {
        if let known = listings[directory] { return known }
        let entries = try base.entries(in: directory)
        listings[directory] = .some(entries)
        return entries
    }

    func contents(of path: String) throws -> [UInt8] {
        if let known = files[path] { return known }
        let bytes = try base.contents(of: path)
        files[path] = bytes
        return bytes
    }
}
