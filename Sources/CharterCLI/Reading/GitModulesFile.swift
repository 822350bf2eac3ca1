#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `path = …` entries of the `.gitmodules` file at the top of the worktree that holds a
/// workspace, read with POSIX calls (the worktree source starts no libgit2).
enum GitModulesFile {
    /// Paths of the declared submodules, relative to `workspaceRoot`; those outside it are left out.
    static func submodulePaths(workspaceRoot root: String) -> Set<String> {
        guard let top = worktreeTop(above: root), let text = try? FileSystem.readText(top + "/.gitmodules") else { return [] }
        let prefix = root == top ? "" : String(root.dropFirst(top.count + 1)) + "/"
        var paths = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingSpaces == "path" else { continue }
            let path = parts[1].trimmingSpaces.split(separator: "/").joined(separator: "/")
            if prefix.isEmpty {
                paths.insert(path)
            } else if path.hasPrefix(prefix) {
                paths.insert(String(path.dropFirst(prefix.count)))
            }
        }
        return paths
    }

    /// The nearest folder at or above `path` that holds `.git` (a folder, or a file in a linked worktree).
    private static func worktreeTop(above path: String) -> String? {
        var current = path
        while true {
            var info = stat()
            if lstat(current + "/.git", &info) == 0 { return current }
            guard let slash = current.lastIndex(of: "/"), current != "/" else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
            if current == "/" { return lstat("/.git", &info) == 0 ? "/" : nil }
        }
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
