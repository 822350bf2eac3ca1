import CharterCore
import Clibgit2

/// A path that an in-memory merge could not resolve, and which sides have it.
public struct MergeConflict: Hashable, Sendable {
    /// Relative to the source's prefix.
    public var path: String
    /// Present in the merge base (stage 1), in ours (stage 2), in theirs (stage 3).
    public var inBase: Bool
    public var inOurs: Bool
    public var inTheirs: Bool

    public init(path: String, inBase: Bool, inOurs: Bool, inTheirs: Bool) {
        self.path = path
        self.inBase = inBase
        self.inOurs = inOurs
        self.inTheirs = inTheirs
    }

    /// In git status's words: "both modified", "both added", "deleted by us", "deleted by them".
    public var summary: String {
        switch (inBase, inOurs, inTheirs) {
        case (true, true, true): return "both modified"
        case (false, true, true): return "both added"
        case (true, false, true): return "deleted by us"
        case (true, true, false): return "deleted by them"
        case (false, true, false): return "added by us"
        case (false, false, true): return "added by them"
        default: return "both deleted"
        }
    }
}

/// The plan files of an in-memory merge (libgit2's `git_merge_commits` or
/// `git_merge_trees`): what merging would give, without touching a worktree, the index
/// or any ref.
///
/// Everything under the prefix is copied out of the merge's index when the source is
/// made (paths, blob ids, modes), and the index is freed at once; blob contents are read
/// when asked for. Conflicted files are listed, and reading one throws
/// `PlanSourceError.unreadable` saying how the sides conflict, so a loader reports them
/// as files it cannot read rather than as missing files.
///
/// libgit2 stores the blobs it merges line by line (and, for a criss-cross history, the
/// trees of the virtual merge base) in the object database as loose objects; nothing
/// refers to them and `git gc` prunes them.
public final class MergeSource: PlanSource {
    /// The side merged into (`git merge` run on this branch).
    public let ours: ObjectID
    /// The side being merged.
    public let theirs: ObjectID
    /// The workspace folder relative to the repository root; `""` for the root.
    public let prefix: String
    /// Conflicts under the prefix, sorted by path.
    public let conflicts: [MergeConflict]

    /// The conflicted paths, relative to the prefix.
    public var conflictedPaths: [String] { conflicts.map(\.path) }
    public var hasConflicts: Bool { !conflicts.isEmpty }

    private let repository: Repository
    private let objects: ObjectDatabase
    private let folders: IndexedFolders
    private let conflictsByPath: [String: MergeConflict]
    private var listings: [String: [SourceEntry]] = [:]

    init(repository: Repository, index: OpaquePointer, ours: ObjectID, theirs: ObjectID, prefix: String) throws {
        self.repository = repository
        self.ours = ours
        self.theirs = theirs
        self.prefix = normalisedPath(prefix)
        self.objects = try ObjectDatabase(of: repository)

        let folder = self.prefix.isEmpty ? "" : self.prefix + "/"
        var folders = IndexedFolders(rootAlwaysExists: self.prefix.isEmpty)
        var conflicts: [String: MergeConflict] = [:]

        let stageMask = UInt16(GIT_INDEX_ENTRY_STAGEMASK)
        let count = git_index_entrycount(index)
        for position in 0..<count {
            guard let entry = git_index_get_byindex(index, position) else { continue }
            let path = String(cString: entry.pointee.path)
            guard path.utf8.starts(with: folder.utf8) else { continue }
            let relative = String(decoding: path.utf8.dropFirst(folder.utf8.count), as: UTF8.self)
            let stage = (entry.pointee.flags & stageMask) >> UInt16(GIT_INDEX_ENTRY_STAGESHIFT)
            if stage == 0 {
                folders.add(relative, StoredEntry(id: entry.pointee.id, mode: entry.pointee.mode))
                continue
            }
            var conflict = conflicts[relative] ?? MergeConflict(path: relative, inBase: false, inOurs: false, inTheirs: false)
            switch stage {
            case 1: conflict.inBase = true
            case 2: conflict.inOurs = true
            default: conflict.inTheirs = true
            }
            conflicts[relative] = conflict
        }
        for path in conflicts.keys.sorted() where folders.entry(at: path) == nil {
            // Listed as a file with no stored version; reading it explains the conflict.
            folders.add(path, StoredEntry(id: git_oid(), mode: 0o100644))
        }
        self.folders = folders
        self.conflictsByPath = conflicts
        self.conflicts = conflicts.values.sorted { $0.path < $1.path }
    }

    public var sourceDescription: String { "merge of \(theirs.short) into \(ours.short)" }

    public func entries(in directory: String) throws -> [SourceEntry]? {
        let folder = normalisedPath(directory)
        if let known = listings[folder] { return known }
        let entries = folders.entries(in: folder) { [objects, conflictsByPath] path, entry in
            conflictsByPath[path] == nil ? objects.size(of: entry.id) : nil
        }
        listings[folder] = entries
        return entries
    }

    /// The blob id of a file of the result (`nil` for a folder, a conflicted or a missing path):
    /// equal ids mean equal contents, so what was parsed once need not be parsed again.
    public func objectID(of path: String) -> ObjectID? {
        let relative = normalisedPath(path)
        guard conflictsByPath[relative] == nil, let entry = folders.entry(at: relative), entry.kind != .directory else { return nil }
        return ObjectID(entry.id)
    }

    /// The entries of a folder as a cache keys them, without reading any object: a file's blob
    /// id (`"conflict"` for a conflicted file), or its kind for anything else.
    public func contentKeys(in directory: String) -> [(name: String, key: String)]? {
        let folder = normalisedPath(directory)
        return folders.entries(in: folder) { _, _ in nil }?.map { entry in
            let path = folder.isEmpty ? entry.name : folder + "/" + entry.name
            guard entry.kind == .file else { return (entry.name, entry.kind.rawValue) }
            return (entry.name, conflictsByPath[path] == nil ? folders.entry(at: path).map { ObjectID($0.id).hex } ?? "-" : "conflict")
        }
    }

    public func contents(of path: String) throws -> [UInt8] {
        if let conflict = conflictsByPath[normalisedPath(path)] {
            throw PlanSourceError.unreadable(
                path, reason: "has a merge conflict (\(conflict.summary)) between \(ours.short) and \(theirs.short)")
        }
        return try folders.contents(of: path, in: repository)
    }
}

@available(*, unavailable, message: "libgit2 handles serve one task")
extension MergeSource: Sendable {}

extension Repository {
    /// Merges `theirs` into `ours` in memory, as `git merge` would (recursive merge base,
    /// rename detection), and returns the plan files of the result under `prefix`.
    /// Nothing is checked out and no ref moves. Throws when the commits do not exist, or
    /// when a shallow clone lacks the history needed to find their merge base.
    public func mergeCommits(ours: ObjectID, theirs: ObjectID, prefix: String = "") throws -> MergeSource {
        try ensureLibgit2()
        return try withMergedIndex(ours: ours, theirs: theirs) { index, _, _ in
            try MergeSource(repository: self, index: index, ours: ours, theirs: theirs, prefix: prefix)
        }
    }

    /// Merges commit `theirs` into `ours` in memory (recursive merge base, rename detection) and
    /// hands `body` the merged index and both commits, which are freed when `body` returns.
    func withMergedIndex<T>(ours: ObjectID, theirs: ObjectID,
                            _ body: (_ index: OpaquePointer, _ ours: OpaquePointer, _ theirs: OpaquePointer) throws -> T) throws -> T {
        var ourID = ours.oid
        var theirID = theirs.oid
        var ourCommit: OpaquePointer?
        var theirCommit: OpaquePointer?
        try check("git_commit_lookup", git_commit_lookup(&ourCommit, handle, &ourID), summary: "unknown commit \(ours.short)")
        defer { git_commit_free(ourCommit) }
        try check("git_commit_lookup", git_commit_lookup(&theirCommit, handle, &theirID), summary: "unknown commit \(theirs.short)")
        defer { git_commit_free(theirCommit) }

        var options = git_merge_options()
        try check("git_merge_options_init", git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION)))
        var index: OpaquePointer?
        let code = git_merge_commits(&index, handle, ourCommit, theirCommit, &options)
        if code < 0 {
            var summary = "cannot merge \(theirs.short) into \(ours.short)"
            if isShallow { summary += "; the clone is shallow, so the history joining them may be missing" }
            throw GitError.lastError(function: "git_merge_commits", code: code, summary: summary)
        }
        defer { git_index_free(index) }
        return try body(index!, ourCommit!, theirCommit!)
    }

    /// Merges two trees (or commits, taken as their trees) against `base` (`nil`: no
    /// common ancestor, so everything counts as added on both sides), in memory.
    public func mergeTrees(base: ObjectID?, ours: ObjectID, theirs: ObjectID, prefix: String = "") throws -> MergeSource {
        try ensureLibgit2()
        let baseTree = try base.map { try peeledTree($0) }
        defer { git_tree_free(baseTree) }
        let ourTree = try peeledTree(ours)
        defer { git_tree_free(ourTree) }
        let theirTree = try peeledTree(theirs)
        defer { git_tree_free(theirTree) }

        var options = git_merge_options()
        try check("git_merge_options_init", git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION)))
        var index: OpaquePointer?
        try check("git_merge_trees", git_merge_trees(&index, handle, baseTree, ourTree, theirTree, &options),
                  summary: "cannot merge \(theirs.short) into \(ours.short)")
        defer { git_index_free(index) }
        return try MergeSource(repository: self, index: index!, ours: ours, theirs: theirs, prefix: prefix)
    }
}
