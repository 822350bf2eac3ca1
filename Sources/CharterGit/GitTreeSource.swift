import CharterCore
import Clibgit2

/// Plan files as they are in the tree of one commit, under the workspace folder `prefix`.
///
/// The workspace folder is resolved once; each folder asked for is read from its own
/// tree object once (found through its parent's cached listing) and remembered, so
/// listing a thousand program folders reads each tree exactly once.
public final class GitTreeSource: PlanSource {
    public let commitID: ObjectID
    /// The workspace folder relative to the repository root; `""` for the root.
    public let prefix: String

    /// Keeps the repository handle alive for as long as the source reads from it.
    private let repository: Repository
    private let objects: ObjectDatabase
    private let rootTree: git_oid?
    /// A cached `nil` remembers that a folder does not exist.
    private var listings: [String: Listing?] = [:]
    /// The first object this commit names that could not be read (missing or corrupt): the
    /// loader turns the failure into a finding, and a history walk must not take that for a
    /// plan, so it asks `throwIfDamaged()` after loading.
    public private(set) var damage: GitError?

    private struct Listing {
        var stored: [String: StoredEntry]
        var entries: [SourceEntry]
    }

    init(repository: Repository, commit: ObjectID, prefix: String) throws {
        self.repository = repository
        self.commitID = commit
        self.prefix = pathComponents(prefix).joined(separator: "/")
        self.objects = try ObjectDatabase(of: repository)
        self.rootTree = try repository.treeID(ofCommit: commit, path: self.prefix)
    }

    public var sourceDescription: String { "commit \(commitID.short)" }

    public func entries(in directory: String) throws -> [SourceEntry]? {
        try listing(of: pathComponents(directory).joined(separator: "/"))?.entries
    }

    public func contents(of path: String) throws -> [UInt8] {
        let (parent, name) = splitParent(path)
        guard let entry = try listing(of: parent)?.stored[name] else {
            throw PlanSourceError.notFound(path)
        }
        switch entry.kind {
        case .file: return try readingObject(entry.id, at: path) { try repository.blobContents(entry.id) }
        case .directory: throw PlanSourceError.unreadable(path, reason: "is a folder, not a file")
        case .symlink: throw PlanSourceError.unreadable(path, reason: "is a symbolic link, not a regular file")
        case .submodule: throw PlanSourceError.unreadable(path, reason: "is a submodule, not a file")
        case .other: throw PlanSourceError.unreadable(path, reason: "is not a regular file")
        }
    }

    /// The git object id at `path`: a blob for a file, a tree for a folder (`""` is the workspace
    /// folder itself); `nil` when nothing is there. Reads only the trees above the path, so two
    /// versions of a folder can be compared without reading anything inside it.
    public func objectID(of path: String) throws -> ObjectID? {
        let (parent, name) = splitParent(path)
        if name.isEmpty { return rootTree.map(ObjectID.init) }
        return try listing(of: parent)?.stored[name].map { ObjectID($0.id) }
    }

    private func listing(of directory: String) throws -> Listing? {
        if let known = listings[directory] { return known }
        let treeID: git_oid?
        if directory.isEmpty {
            treeID = rootTree
        } else {
            let (parent, name) = splitParent(directory)
            let entry = try listing(of: parent)?.stored[name]
            treeID = entry?.kind == .directory ? entry?.id : nil
        }
        let listing = try treeID.map { id in try readingObject(id, at: directory.isEmpty ? "." : directory) { try load(id) } }
        listings[directory] = .some(listing)
        return listing
    }

    /// Runs a read of an object the commit's trees name: any failure means the repository is
    /// damaged (the object is missing or corrupt), and is remembered as such.
    private func readingObject<T>(_ id: git_oid, at path: String, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let error as GitError {
            let damaged = GitError(
                kind: error.kind, function: error.function, code: error.code, detail: error.detail,
                summary: "object \(ObjectID(id).hex) ('\(path)') of commit \(commitID.hex) is missing or corrupt; "
                    + "the repository is damaged (git fsck names what is wrong)")
            if damage == nil { damage = damaged }
            throw damaged
        }
    }

    /// Throws the first damaged object met so far (see `damage`).
    public func throwIfDamaged() throws {
        if let damage { throw damage }
    }

    private func load(_ treeID: git_oid) throws -> Listing {
        let stored = try repository.treeEntries(treeID)
        let entries = stored.map { name, entry in
            SourceEntry(name: name, kind: entry.kind, size: entry.kind == .file ? objects.size(of: entry.id) : nil)
        }
        return Listing(stored: stored, entries: entries.sorted { $0.name < $1.name })
    }
}

@available(*, unavailable, message: "libgit2 handles serve one task")
extension GitTreeSource: Sendable {}

extension Repository {
    /// The plan files of `commit`, seen from the workspace folder `prefix` ("" for the
    /// repository root, else like "plans/acme"). A folder missing at that commit gives a
    /// source whose `entries(in: "")` is `nil`.
    public func treeSource(commit: ObjectID, prefix: String) throws -> GitTreeSource {
        try GitTreeSource(repository: self, commit: commit, prefix: prefix)
    }
}
