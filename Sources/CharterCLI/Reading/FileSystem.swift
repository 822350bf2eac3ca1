import Foundation

/// The few file-system facts the commands need, in one place. Failures are `FileError`s: path
/// and reason in plain words.
enum FileSystem {
    static var currentDirectory: String { FileManager.default.currentDirectoryPath }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// An absolute, normalised path (no `.`/`..`, no trailing slash), resolving symlinks so
    /// that it compares with the paths libgit2 reports.
    static func absolute(_ path: String, relativeTo base: String = currentDirectory) -> String {
        if let plain = plainAbsolute(path, relativeTo: base) { return plain }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: base).appendingPathComponent(path)
        return url.standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// `absolute` for the common case, without Foundation's URL (whose first use costs a hook
    /// more than the rest of finding the workspace): the path, or the base with the path after
    /// it, when that is already absolute and normalised and every folder on the way exists and
    /// is no symbolic link, so there is nothing to standardise or resolve. `nil` otherwise.
    static func plainAbsolute(_ path: String, relativeTo base: String) -> String? {
        let joined: String
        if path.hasPrefix("/") {
            joined = path
        } else if path == "." {
            joined = base
        } else {
            joined = base + "/" + path
        }
        var utf8 = joined.utf8[...]
        // Foundation strips `/private` from some paths (on Darwin): leave those to it.
        guard utf8.first == UInt8(ascii: "/"), !joined.hasPrefix("/private/"), joined.utf8.count > 1 else { return nil }
        utf8 = utf8.dropFirst()
        var prefix = "/"
        for component in utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard !component.isEmpty, !component.elementsEqual(".".utf8), !component.elementsEqual("..".utf8) else { return nil }
            prefix += String(decoding: component, as: UTF8.self)
            var status = stat()
            guard lstat(prefix, &status) == 0, status.st_mode & S_IFMT != S_IFLNK else { return nil }
            prefix += "/"
        }
        return joined
    }

    /// `path` relative to `base`, when it lies inside it.
    static func relative(_ path: String, to base: String) -> String? {
        if path == base { return "" }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    static func createDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            // The deepest existing ancestor that is a file makes a clearer reason than Foundation's.
            throw FileError("create the folder", path, error: error)
        }
    }

    /// The whole file as UTF-8 text, read with plain POSIX calls: `/dev/null` reads as empty, a
    /// folder or a missing file fails with the reason in words.
    static func readText(_ path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError("read", path, errno: errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError("read", path, errno: errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FileError("read", path, reason: "it is not UTF-8 text")
        }
        return text
    }

    /// Writes `text` to a new file at `path` (which must not exist), flushed to disk.
    static func createFile(_ path: String, text: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError("write", path, errno: errno) }
        var failure: Int32?
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            offset += count
        }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure {
            unlink(path)
            throw FileError("write", path, errno: failure)
        }
    }

    /// Writes through a temporary file in the same folder and a rename, so readers see the old
    /// file or the new one, never half of one.
    static func writeAtomically(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try createDirectory(folder.isEmpty ? "." : folder)
        let temporary = path + ".charter-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        try createFile(temporary, text: text)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileError("write", path, errno: code)
        }
    }
}
