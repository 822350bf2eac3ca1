import Foundation

/// A file operation that failed, in plain words: the path and the reason (`cannot write
/// changes/CR-1.yaml: permission denied`). Every I/O error a command reports goes through
/// `FileError.reason`, so no user ever reads Foundation's `NSError` text
/// ("NSCocoaErrorDomain error 512", "You don't have permission…").
struct FileError: Error, CustomStringConvertible {
    var action: String
    var path: String
    var reason: String

    init(_ action: String, _ path: String, reason: String) {
        self.action = action
        self.path = path
        self.reason = reason
    }

    /// From a POSIX `errno`.
    init(_ action: String, _ path: String, errno code: Int32) {
        self.init(action, path, reason: Self.words(errno: code))
    }

    /// From any error Foundation or the system threw.
    init(_ action: String, _ path: String, error: Error) {
        self.init(action, path, reason: Self.reason(error))
    }

    var description: String { "cannot \(action) \(path): \(reason)" }

    var cliError: CLIError { CLIError(description) }

    /// The reason in plain words: the POSIX cause when Foundation kept one, else what the
    /// Cocoa error code means.
    static func reason(_ error: Error) -> String {
        if let fileError = error as? FileError { return fileError.reason }
        if let posix = error as? POSIXError { return words(errno: posix.code.rawValue) }
        var current: NSError? = error as NSError
        var depth = 0
        while let nsError = current, depth < 8 {
            if nsError.domain == NSPOSIXErrorDomain { return words(errno: Int32(truncatingIfNeeded: nsError.code)) }
            current = nsError.userInfo[NSUnderlyingErrorKey] as? NSError
            depth += 1
        }
        let nsError = error as NSError
        guard nsError.domain == NSCocoaErrorDomain else { return "an unexpected error (\(nsError.domain) \(nsError.code))" }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on the device"
        case .fileWriteVolumeReadOnly: return "the file system is read-only"
        case .fileWriteFileExists: return "something already exists at that path"
        case .fileReadInapplicableStringEncoding, .fileWriteInapplicableStringEncoding: return "the file is not UTF-8 text"
        case .fileReadTooLarge: return "the file is too large"
        case .fileLocking: return "the file is locked"
        default: return "the operation failed (error \(nsError.code))"
        }
    }

    /// `strerror`'s text, lower-cased as the rest of a message: "permission denied".
    static func words(errno code: Int32) -> String {
        guard let text = strerror(code).map({ String(cString: $0) }), !text.isEmpty else { return "system error \(code)" }
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
