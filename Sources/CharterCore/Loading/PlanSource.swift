/// What a folder holds, as far as finding plan files needs to know.
public struct SourceEntry: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case file
        case directory
        case symlink
        /// A git submodule: a gitlink (mode 160000) in a tree or the index, or a folder holding a
        /// `.git` in the worktree. Never read, and reported the same way from every source.
        case submodule
        /// A socket, a device: never read.
        case other
    }

    public var name: String
    public var kind: Kind
    /// Size in bytes when the source knows it cheaply; lets the loader refuse huge files before reading them.
    public var size: Int?

    public init(name: String, kind: Kind, size: Int? = nil) {
        self.name = name
        self.kind = kind
        self.size = size
    }
}

/// Where plan files come from: the worktree, the git index, or the tree of any commit.
///
/// Paths are relative to the workspace root and `/`-separated; `""` is the root itself.
/// The core library never touches the file system or git: it asks a source.
public protocol PlanSource {
    /// Names the source in reports: "worktree", "index", "commit 1a2b3c4d".
    var sourceDescription: String { get }
    /// The entries directly inside `directory`, or `nil` when there is no such directory.
    func entries(in directory: String) throws -> [SourceEntry]?
    /// The bytes of the regular file at `path`.
    func contents(of path: String) throws -> [UInt8]
}

/// A source held in memory: for tests, rule examples and merged trees.
public struct InMemoryPlanSource: PlanSource, Sendable {
    public var files: [String: [UInt8]]
    public var sourceDescription: String

    public init(files: [String: String], sourceDescription: String = "memory") {
        self.files = files.mapValues { Array($0.utf8) }
        self.sourceDescription = sourceDescription
    }

    public init(bytes: [String: [UInt8]], sourceDescription: String = "memory") {
        self.files = bytes
        self.sourceDescription = sourceDescription
    }

    public func entries(in directory: String) -> [SourceEntry]? {
        let prefix = directory.isEmpty ? "" : directory + "/"
        var found: [String: SourceEntry] = [:]
        for (path, bytes) in files where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                let name = String(rest[..<slash])
                found[name] = SourceEntry(name: name, kind: .directory)
            } else {
                found[String(rest)] = SourceEntry(name: String(rest), kind: .file, size: bytes.count)
            }
        }
        if found.isEmpty && !directory.isEmpty { return nil }
        return found.values.sorted { $0.name < $1.name }
    }

    public func contents(of path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw PlanSourceError.notFound(path) }
        return bytes
    }
}

public enum PlanSourceError: Error, CustomStringConvertible, Sendable {
    case notFound(String)
    case unreadable(String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file"
        case .unreadable(let path, let reason): return "\(path): \(reason)"
        }
    }
}
