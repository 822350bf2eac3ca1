import Foundation

/// Writes a set of files into one folder all or nothing: every file is first written in full to
/// a staging folder inside the target folder (same file system, so renames are atomic), then
/// moved into place one by one; an existing file is moved aside first and put back if a later
/// move fails. A failure leaves the folder as it was and says so.
struct BatchWrite {
    /// Target path and its new content.
    var files: [(path: String, text: String)]

    struct Failure: Error, CustomStringConvertible {
        var cause: String
        /// Files that could not be put back as they were (empty when the rollback worked).
        var notRestored: [String]

        var description: String {
            if notRestored.isEmpty { return "\(cause); nothing was written" }
            return "\(cause); the rollback also failed, check these files: " + notRestored.joined(separator: ", ")
        }
    }

    func commit(into folder: String) throws {
        guard !files.isEmpty else { return }
        do {
            try FileSystem.createDirectory(folder)
        } catch {
            throw Failure(cause: FileSystem.describe(error), notRestored: [])
        }
        // Refuse before writing anything when a target cannot be replaced by a file.
        for file in files where FileSystem.isDirectory(file.path) {
            throw Failure(cause: "cannot write \(file.path): a folder is in the way", notRestored: [])
        }
        let staging = folder + "/.charter-write-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard mkdir(staging, 0o755) == 0 else {
            throw Failure(cause: FileError("write into", folder, errno: errno).description, notRestored: [])
        }
        defer { try? FileManager.default.removeItem(atPath: staging) }
        var staged: [String] = []
        for (index, file) in files.enumerated() {
            let path = staging + "/new-\(index)"
            do {
                try FileSystem.createFile(path, text: file.text)
            } catch let error as FileError {
                throw Failure(cause: FileError(error.action, file.path, reason: error.reason).description, notRestored: [])
            }
            staged.append(path)
        }
        // Move into place; remember what was done so it can be undone.
        var moved: [(target: String, backup: String?)] = []
        for (index, file) in files.enumerated() {
            var backup: String?
            if FileSystem.exists(file.path) {
                let aside = staging + "/old-\(index)"
                guard rename(file.path, aside) == 0 else {
                    let cause = FileError("replace", file.path, errno: errno).description
                    throw Failure(cause: cause, notRestored: rollBack(moved))
                }
                backup = aside
            }
            guard rename(staged[index], file.path) == 0 else {
                let cause = FileError("write", file.path, errno: errno).description
                throw Failure(cause: cause, notRestored: rollBack(moved + [(file.path, backup)]))
            }
            moved.append((file.path, backup))
        }
    }

    /// Undoes the moves newest first; returns the targets it could not restore.
    private func rollBack(_ moved: [(target: String, backup: String?)]) -> [String] {
        var failed: [String] = []
        for (target, backup) in moved.reversed() {
            if let backup {
                if rename(backup, target) != 0 { failed.append(target) }
            } else if FileSystem.exists(target), unlink(target) != 0 {
                failed.append(target)
            }
        }
        return failed
    }
}

extension FileSystem {
    /// An error as a sentence for the user: a `FileError`'s own text, anything else in words.
    static func describe(_ error: Error) -> String {
        (error as? FileError)?.description ?? FileError.reason(error)
    }
}
