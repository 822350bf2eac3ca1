import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file operations behind install and uninstall: each one atomic, none overwriting a
/// file it was not asked to replace.
enum HookFiles {
    /// What is at a path, without following a final symbolic link's target for existence.
    enum Kind: Equatable {
        case missing
        /// A regular file, or a symbolic link to one.
        case file
        /// A directory, a dangling link, a device...: nothing git could run.
        case other
    }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            guard stat(path, &info) == 0 else { return .other }
        }
        return (info.st_mode & S_IFMT) == S_IFREG ? .file : .other
    }

    /// Whether git would run it: `access(X_OK)`, as git checks.
    static func isExecutable(_ path: String) -> Bool {
        kind(path) == .file && access(path, X_OK) == 0
    }

    /// The text of a hook, if it is text; a binary hook (a compiled program) gives `nil`.
    static func text(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Writes `text` to a temporary file in the same folder with mode 755, then renames it
    /// over `path`: git sees the old hook or the new one, never half of one, and never a
    /// hook without its executable bit.
    static func writeExecutable(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/." + (path as NSString).lastPathComponent + ".charter-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o755)
        guard descriptor >= 0 else { throw failure("cannot create \(temporary)") }
        var ok = true
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                ok = false
                break
            }
            bytes = bytes.dropFirst(written)
        }
        // The umask may have taken bits away; a hook must be executable by everyone who commits.
        ok = ok && fchmod(descriptor, 0o755) == 0 && fsync(descriptor) == 0
        let error = errno
        close(descriptor)
        guard ok else {
            unlink(temporary)
            errno = error
            throw failure("cannot write \(temporary)")
        }
        guard rename(temporary, path) == 0 else {
            let error = errno
            unlink(temporary)
            errno = error
            throw failure("cannot move \(temporary) to \(path)")
        }
    }

    /// Keeps the file at `path` under the name `keep` as well, refusing to overwrite `keep`.
    /// A hard link, so that `path` stays in place until the new hook replaces it; where the
    /// file system has no hard links, a rename (checked first, so nothing is overwritten).
    static func keep(_ path: String, as keep: String) throws {
        if kind(keep) != .missing {
            throw CLIError("\(keep) already exists; move it away first")
        }
        if link(path, keep) == 0 { return }
        guard errno == EPERM || errno == ENOTSUP || errno == EXDEV || errno == EMLINK else {
            throw failure("cannot keep \(path) as \(keep)")
        }
        try move(path, to: keep)
    }

    /// Renames, replacing `destination` if it exists.
    static func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else { throw failure("cannot move \(source) to \(destination)") }
    }

    static func remove(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw failure("cannot remove \(path)") }
    }

    static func createDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create the hooks folder \(path): \(FileError.reason(error))")
        }
    }

    private static func failure(_ what: String) -> CLIError {
        CLIError("\(what): \(String(cString: strerror(errno)))")
    }
}
