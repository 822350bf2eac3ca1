import CharterCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plan files as they are on disk. Reads with POSIX calls: no libgit2 start-up cost, which a
/// worktree validation does not need.
public struct WorktreeSource: PlanSource {
    /// Absolute path of the workspace root.
    public let root: String
    public var sourceDescription: String { "worktree" }

    /// Workspace-relative paths that `.gitmodules` names as submodules: a submodule that was
    /// never checked out is an empty folder on disk, and must still read as a submodule.
    private let declaredSubmodules: Set<String>

    public init(root: String) {
        self.root = root
        self.declaredSubmodules = GitModulesFile.submodulePaths(workspaceRoot: root)
    }

    private func absolute(_ path: String) -> String { path.isEmpty ? root : root + "/" + path }

    public func entries(in directory: String) throws -> [SourceEntry]? {
        let folder = absolute(directory)
        guard let handle = opendir(folder) else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw PlanSourceError.unreadable(directory, reason: String(cString: strerror(errno)))
        }
        defer { closedir(handle) }
        let folderFD = dirfd(handle)
        var entries: [SourceEntry] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." || name == ".git" { continue }
            var info = stat()
            // Relative to the open folder: the kernel looks up one name, not the whole path again.
            guard fstatat(folderFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let kind: SourceEntry.Kind
            switch info.st_mode & S_IFMT {
            case S_IFREG: kind = .file
            case S_IFDIR:
                // A checked-out submodule (or a nested repository, which `git add` records as a
                // gitlink): the same entry the index and commits show.
                var gitInfo = stat()
                let isSubmodule = lstat(folder + "/" + name + "/.git", &gitInfo) == 0
                    || declaredSubmodules.contains(directory.isEmpty ? name : directory + "/" + name)
                kind = isSubmodule ? .submodule : .directory
            case S_IFLNK: kind = .symlink
            default: kind = .other
            }
            entries.append(SourceEntry(name: name, kind: kind, size: kind == .file ? Int(info.st_size) : nil))
        }
        return entries.sorted { $0.name < $1.name }
    }

    public func contents(of path: String) throws -> [UInt8] {
        let fd = open(absolute(path), O_RDONLY)
        guard fd >= 0 else { throw PlanSourceError.unreadable(path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        let expected = fstat(fd, &info) == 0 ? max(Int(info.st_size), 0) : 0
        // One read for the whole file (one byte more, to see it end), straight into the array:
        // no zero-filled chunk to copy from, for each of 60,000 files at 10,000 programs.
        var chunkSize = min(expected, WorkspaceLoader.maxFileBytes) + 1
        var bytes: [UInt8] = []
        while true {
            let chunk = try [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
                count = 0
                while true {
                    let got = read(fd, buffer.baseAddress, buffer.count)
                    if got >= 0 { count = got; return }
                    if errno != EINTR { throw PlanSourceError.unreadable(path, reason: String(cString: strerror(errno))) }
                }
            }
            if chunk.isEmpty { break }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if bytes.count > WorkspaceLoader.maxFileBytes { break }
            chunkSize = chunk.count < chunkSize ? 1 : 64 * 1024
        }
        return bytes
    }
}

/// POSIX reads keep no shared state, so every thread can read through the source itself.
extension WorktreeSource: ConcurrentPlanSource, PlanFileReader {
    public func makeFileReader() -> any PlanFileReader { self }
}
