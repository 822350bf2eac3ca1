import CharterCore
import CharterGit

/// Where the workspace is: on disk, and inside the repository's trees.
struct WorkspaceLocation {
    /// Absolute folder of the workspace in the worktree; `nil` in a bare repository.
    var root: String?
    /// The workspace folder relative to the repository root (`""` at the root), for trees and the index.
    var prefix: String
    var repository: Repository?
}

/// Finds the workspace from the current folder: the nearest folder up to the repository top
/// that has `charter.yaml`, else one that has `programs/` or `people.yaml`, else the current folder.
enum WorkspaceLocator {
    static func locate(explicit: String?, needsRepository: Bool) throws -> WorkspaceLocation {
        let cwd = FileSystem.absolute(".")
        guard needsRepository else {
            // In a bare repository (a server) there is no worktree: the plans are in its trees.
            // Asked first, so a bare clone kept inside some worktree is not mistaken for it.
            if let bare = bareRepository(from: cwd) {
                return WorkspaceLocation(root: nil, prefix: treePrefix(explicit), repository: bare)
            }
            let root = explicit.map { FileSystem.absolute($0) } ?? search(from: cwd)
            return WorkspaceLocation(root: root, prefix: repositoryTop(above: root).flatMap { FileSystem.relative(root, to: $0) } ?? "",
                                     repository: nil)
        }
        let repository: Repository
        do {
            repository = try Repository.discover(from: cwd)
        } catch {
            throw CLIError("not in a git repository (\(error)); --staged and --rev read git")
        }
        guard let workdir = repository.workdir.map({ FileSystem.absolute($0) }) else {
            return WorkspaceLocation(root: nil, prefix: treePrefix(explicit), repository: repository)
        }
        let root = explicit.map { FileSystem.absolute($0) } ?? search(from: cwd, stopAt: workdir)
        guard let prefix = FileSystem.relative(root, to: workdir) else {
            throw CLIError("the workspace \(root) is outside the repository at \(workdir)")
        }
        return WorkspaceLocation(root: root, prefix: prefix, repository: repository)
    }

    /// In a bare repository (a server hook) `-C` names a folder inside the tree.
    private static func treePrefix(_ explicit: String?) -> String {
        (explicit ?? "").split(separator: "/").joined(separator: "/")
    }

    /// The bare repository at or above `folder` (or named by `GIT_DIR`); nil when there is none,
    /// or when the repository found has a worktree after all.
    private static func bareRepository(from folder: String) -> Repository? {
        guard let repository = try? Repository.discover(from: folder), repository.workdir == nil else { return nil }
        return repository
    }

    static func search(from start: String, stopAt top: String? = nil) -> String {
        for marker in ["charter.yaml", "programs", "people.yaml"] {
            var folder = start
            while true {
                if FileSystem.exists(folder + "/" + marker) { return folder }
                if folder == top || FileSystem.exists(folder + "/.git") || folder == "/" { break }
                folder = parent(of: folder)
            }
        }
        return start
    }

    /// The nearest folder holding `.git`: enough to make paths repository-relative for reports
    /// without starting libgit2.
    static func repositoryTop(above start: String) -> String? {
        var folder = start
        while true {
            if FileSystem.exists(folder + "/.git") { return folder }
            if folder == "/" { return nil }
            folder = parent(of: folder)
        }
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
