import CharterCore
import Clibgit2
import Dispatch

/// Plan files as they are in the tree of one commit, under the workspace folder `prefix`.
///
/// The workspace folder is resolved once; each folder asked for is read from its own
/// tree object once (found through its parent's cached listing) and remembered, so
/// listing a thousand program folders reads each tree exactly once.
///
/// Files can also be read on several threads at once (`ConcurrentPlanSource`): each reader
/// opens the repository again and reads blobs through its own handle, since libgit2 objects
/// must be used by one thread at a time.
public final class GitTreeSource: PlanSource, ConcurrentPlanSource {
    public let commitID: ObjectID
    /// The workspace folder relative to the repository root; `""` for the root.
    public let prefix: String

    private var trees: CommitTrees
    /// The damaged objects met by this source and by every reader it made.
    private let damages: DamageRecord

    init(repository: Repository, commit: ObjectID, prefix: String) throws {
        let normalised = normalisedPath(prefix)
        self.commitID = commit
        self.prefix = normalised
        self.damages = DamageRecord()
        self.trees = CommitTrees(
            repository: repository, objects: try ObjectDatabase(of: repository), commitID: commit,
            rootTree: try repository.treeID(ofCommit: commit, path: normalised), listings: [:], damages: damages)
    }

    public var sourceDescription: String { "commit \(commitID.short)" }

    /// The first object this commit names that could not be read (missing or corrupt), in
    /// reading order (folders before files, then by path), whichever thread met it: the loader
    /// turns the failure into a finding, and a history walk must not take that for a plan, so
    /// it asks `throwIfDamaged()` after loading.
    public var damage: GitError? { damages.first }

    public func entries(in directory: String) throws -> [SourceEntry]? {
        try trees.listing(of: normalisedPath(directory))?.entries
    }

    public func contents(of path: String) throws -> [UInt8] {
        try trees.contents(of: path)
    }

    /// The git object id at `path`: a blob for a file, a tree for a folder (`""` is the workspace
    /// folder itself); `nil` when nothing is there. Reads only the trees above the path, so two
    /// versions of a folder can be compared without reading anything inside it.
    public func objectID(of path: String) throws -> ObjectID? {
        let (parent, name) = splitParent(path)
        if name.isEmpty { return trees.rootTree.map(ObjectID.init) }
        return try trees.listing(of: parent)?.stored[name].map { ObjectID($0.id) }
    }

    /// Each entry of a folder with its object id, in listing order; `nil` when there is no such
    /// folder. One look at the folder's listing, where `objectID(of:)` per entry finds the folder
    /// again for each (a history walk asks this of `programs` at every commit).
    public func entriesWithIDs(in directory: String) throws -> [(entry: SourceEntry, id: ObjectID)]? {
        try trees.entriesWithIDs(in: directory)
    }

    /// A reader on a repository handle of its own, knowing every folder listed so far. The
    /// folders it lists itself (a program's, read once) it keeps only while it reads their files,
    /// and its handle, with the trees libgit2 cached in it, is freed with the reader.
    public func makeFileReader() throws -> any PlanFileReader {
        try makeTreeReader()
    }

    /// `makeFileReader()`'s reader as its own type, which also gives object ids (a history
    /// walk keys the files it parses by them).
    public func makeTreeReader() throws -> GitTreeReader {
        let repository = try trees.repository.openedAgain()
        var copy = trees
        copy.repository = repository
        copy.objects = try ObjectDatabase(of: repository)
        copy.keepsNewListings = false
        return GitTreeReader(trees: copy)
    }

    /// Throws the first damaged object met so far (see `damage`).
    public func throwIfDamaged() throws {
        if let damage { throw damage }
    }
}

@available(*, unavailable, message: "libgit2 handles serve one task")
extension GitTreeSource: Sendable {}

/// A `GitTreeSource`'s folders and files for one thread, on a repository handle of its own.
/// It may be handed to another thread, but used by one at a time. Objects it finds damaged
/// are recorded in its source's `damage`.
public final class GitTreeReader: PlanFileReader, @unchecked Sendable {
    private var trees: CommitTrees

    fileprivate init(trees: CommitTrees) {
        self.trees = trees
    }

    public func entries(in directory: String) throws -> [SourceEntry]? {
        try trees.listing(of: normalisedPath(directory))?.entries
    }

    public func contents(of path: String) throws -> [UInt8] {
        try trees.contents(of: path)
    }

    /// As `GitTreeSource.entriesWithIDs(in:)`.
    public func entriesWithIDs(in directory: String) throws -> [(entry: SourceEntry, id: ObjectID)]? {
        try trees.entriesWithIDs(in: directory)
    }
}

/// The trees of one commit read through one repository handle: folder listings, cached, and
/// the blobs they name. A copy with another handle serves another thread.
private struct CommitTrees {
    var repository: Repository
    var objects: ObjectDatabase
    let commitID: ObjectID
    let rootTree: git_oid?
    /// A cached `nil` remembers that a folder does not exist.
    var listings: [String: Listing?]
    let damages: DamageRecord
    /// Whether folders listed from now on are remembered; a reader, which lists each program's
    /// folder once and then reads its files, remembers only the last (`lastListing`).
    var keepsNewListings = true
    var lastListing: (directory: String, listing: Listing?)?

    struct Listing {
        var stored: [String: StoredEntry]
        var entries: [SourceEntry]
    }

    mutating func contents(of path: String) throws -> [UInt8] {
        let (parent, name) = splitParent(path)
        guard let entry = try listing(of: parent)?.stored[name] else {
            throw PlanSourceError.notFound(path)
        }
        switch entry.kind {
        case .file:
            let repository = repository
            return try readingObject(entry.id, at: path, isFolder: false) { try repository.blobContents(entry.id) }
        case .directory: throw PlanSourceError.unreadable(path, reason: "is a folder, not a file")
        case .symlink: throw PlanSourceError.unreadable(path, reason: "is a symbolic link, not a regular file")
        case .submodule: throw PlanSourceError.unreadable(path, reason: "is a submodule, not a file")
        case .other: throw PlanSourceError.unreadable(path, reason: "is not a regular file")
        }
    }

    mutating func entriesWithIDs(in directory: String) throws -> [(entry: SourceEntry, id: ObjectID)]? {
        guard let listing = try listing(of: normalisedPath(directory)) else { return nil }
        return listing.entries.compactMap { entry in listing.stored[entry.name].map { (entry, ObjectID($0.id)) } }
    }

    mutating func listing(of directory: String) throws -> Listing? {
        if let known = listings[directory] { return known }
        if let last = lastListing, last.directory == directory { return last.listing }
        let treeID: git_oid?
        if directory.isEmpty {
            treeID = rootTree
        } else {
            let (parent, name) = splitParent(directory)
            let entry = try listing(of: parent)?.stored[name]
            treeID = entry?.kind == .directory ? entry?.id : nil
        }
        let listing = try treeID.map { id in
            try readingObject(id, at: directory.isEmpty ? "." : directory, isFolder: true) { try load(id) }
        }
        if keepsNewListings { listings[directory] = .some(listing) } else { lastListing = (directory, listing) }
        return listing
    }

    /// Runs a read of an object the commit's trees name: any failure means the repository is
    /// damaged (the object is missing or corrupt), and is recorded as such.
    private func readingObject<T>(_ id: git_oid, at path: String, isFolder: Bool, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let error as GitError {
            let damaged = GitError(
                kind: error.kind, function: error.function, code: error.code, detail: error.detail,
                summary: "object \(ObjectID(id).hex) ('\(path)') of commit \(commitID.hex) is missing or corrupt; "
                    + "the repository is damaged (git fsck names what is wrong)")
            damages.record(damaged, at: DamageRecord.Place(isFile: !isFolder, path: path == "." ? "" : path))
            throw damaged
        }
    }

    private func load(_ treeID: git_oid) throws -> Listing {
        let stored = try repository.treeEntries(treeID)
        let entries = stored.map { name, entry in
            SourceEntry(name: name, kind: entry.kind, size: entry.kind == .file ? objects.size(of: entry.id) : nil)
        }
        return Listing(stored: stored, entries: entries.sorted { $0.name < $1.name })
    }
}

/// The damaged objects met while reading one commit, from any thread; answers with the one a
/// one-thread load meets first, so the error does not depend on which thread was faster.
private final class DamageRecord: @unchecked Sendable {
    /// Where a damaged object was met, ordered as a load reads: folders (listed before any file
    /// is read) before files, then fewer path components first (root files before program
    /// files), then by component.
    struct Place: Comparable {
        var isFile: Bool
        var components: [String]

        init(isFile: Bool, path: String) {
            self.isFile = isFile
            self.components = pathComponents(path).map(String.init)
        }

        static func < (lhs: Place, rhs: Place) -> Bool {
            if lhs.isFile != rhs.isFile { return !lhs.isFile }
            if lhs.components.count != rhs.components.count { return lhs.components.count < rhs.components.count }
            return lhs.components.lexicographicallyPrecedes(rhs.components)
        }
    }

    private let lock = DispatchSemaphore(value: 1)
    private var earliest: (place: Place, error: GitError)?

    var first: GitError? {
        lock.wait()
        defer { lock.signal() }
        return earliest?.error
    }

    func record(_ error: GitError, at place: Place) {
        lock.wait()
        defer { lock.signal() }
        if let earliest, !(place < earliest.place) { return }
        earliest = (place, error)
    }
}

extension Repository {
    /// The plan files of `commit`, seen from the workspace folder `prefix` ("" for the
    /// repository root, else like "plans/acme"). A folder missing at that commit gives a
    /// source whose `entries(in: "")` is `nil`.
    public func treeSource(commit: ObjectID, prefix: String) throws -> GitTreeSource {
        try GitTreeSource(repository: self, commit: commit, prefix: prefix)
    }
}
