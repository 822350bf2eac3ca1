import Clibgit2
import Foundation

/// A file of charter's caches in the repository's common git directory
/// (`$(git rev-parse --git-common-dir)/charter/NAME`), so every linked worktree shares it and
/// no worktree ever holds it. It maps keys to opaque bytes, like git's commit-graph maps
/// commits to facts: what it holds can always be computed again, so anything wrong with the
/// file (truncated, garbage, another format or build) makes it read as empty, never as an answer.
///
/// Layout: the line `charter-cache 1`, the line `VERSION` (whose meaning the caller owns: a
/// different one reads as empty), a 32-bit little-endian entry count, then per entry a key and
/// a value, each a 32-bit length and its bytes; last, the SHA-1 of everything before it.
/// Written to a temporary file in the same folder and renamed over the old one, so a reader, or
/// a second charter running at the same time, sees the old file or the new one, never a torn one.
public struct CacheFile {
    /// Why an existing file was not used: one line, for a note on stderr.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case notACacheFile
        case otherVersion(String)
        case corrupt

        public var description: String {
            switch self {
            case .unreadable(let reason): return "cannot be read (\(reason))"
            case .notACacheFile: return "is not a charter cache file"
            case .otherVersion(let version): return "was written by another charter (\(version))"
            case .corrupt: return "is damaged (checksum or length mismatch)"
            }
        }
    }

    /// The entries of a file, as ranges of its bytes: a value is copied out only when asked for.
    public struct Contents {
        public private(set) var bytes: [UInt8] = []
        private var ranges: [String: Range<Int>] = [:]

        public init() {}

        init(bytes: [UInt8], ranges: [String: Range<Int>]) {
            self.bytes = bytes
            self.ranges = ranges
        }

        public var count: Int { ranges.count }
        public var keys: Dictionary<String, Range<Int>>.Keys { ranges.keys }

        public func value(_ key: String) -> ArraySlice<UInt8>? {
            ranges[key].map { bytes[$0] }
        }
    }

    static let magic = Array("charter-cache 1\n".utf8)

    public let path: String
    public let version: String

    public init(path: String, version: String) {
        self.path = path
        self.version = version
    }

    /// `NAME` in the repository's common git directory's `charter/` folder.
    public init(repository: Repository, name: String, version: String) {
        self.init(path: repository.commonDir + "/charter/" + name, version: version)
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// The entries, or why the file could not be used. A missing file is empty, not a problem.
    public func read() -> (contents: Contents, problem: Problem?) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (Contents(), exists ? .unreadable("permission denied") : nil)
        }
        do {
            return (try Self.parse([UInt8](data), version: version), nil)
        } catch let problem as Problem {
            return (Contents(), problem)
        } catch {
            return (Contents(), .corrupt)
        }
    }

    static func parse(_ bytes: [UInt8], version: String) throws -> Contents {
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else { throw Problem.notACacheFile }
        guard let newline = bytes[magic.count...].firstIndex(of: 10) else { throw Problem.corrupt }
        let written = String(decoding: bytes[magic.count..<newline], as: UTF8.self)
        guard written == version else { throw Problem.otherVersion(written) }
        guard bytes.count >= newline + 1 + 4 + 20 else { throw Problem.corrupt }
        let body = bytes.count - 20
        guard try Array(sha1(bytes[0..<body])) == Array(bytes[body...]) else { throw Problem.corrupt }
        var reader = Reader(bytes: bytes, at: newline + 1, end: body)
        let count = try reader.uint32()
        var ranges: [String: Range<Int>] = [:]
        ranges.reserveCapacity(count)
        for _ in 0..<count {
            let key = try reader.chunk()
            let value = try reader.chunk()
            ranges[String(decoding: bytes[key], as: UTF8.self)] = value
        }
        guard reader.at == body else { throw Problem.corrupt }
        return Contents(bytes: bytes, ranges: ranges)
    }

    /// Replaces the file with these entries, atomically; creates `charter/` when needed.
    /// Throws when the folder cannot be written (a read-only repository): callers that only
    /// cache ignore that.
    public func write(_ entries: [(key: String, value: ArraySlice<UInt8>)]) throws {
        var bytes = Self.magic + Array(version.utf8) + [10]
        bytes.reserveCapacity(entries.reduce(bytes.count + 24) { $0 + 8 + $1.key.utf8.count + $1.value.count })
        Self.append(UInt32(entries.count), to: &bytes)
        for entry in entries {
            Self.append(UInt32(entry.key.utf8.count), to: &bytes)
            bytes += entry.key.utf8
            Self.append(UInt32(entry.value.count), to: &bytes)
            bytes += entry.value
        }
        bytes += try Self.sha1(bytes[...])
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw Problem.unreadable("cannot write \(folder)")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw Problem.unreadable("cannot replace \(path)")
        }
    }

    /// Removes the file; nothing to do when there is none.
    public func remove() throws {
        guard exists else { return }
        try FileManager.default.removeItem(atPath: path)
    }

    public var size: Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    /// SHA-1 through libgit2 (already linked; a checksum, not a security boundary).
    private static func sha1(_ bytes: ArraySlice<UInt8>) throws -> [UInt8] {
        try ensureLibgit2()
        var oid = git_oid()
        let code = bytes.withUnsafeBytes { raw in
            git_odb_hash(&oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB)
        }
        try check("git_odb_hash", code)
        return withUnsafeBytes(of: &oid) { Array($0.prefix(20)) }
    }

    private struct Reader {
        let bytes: [UInt8]
        var at: Int
        let end: Int

        mutating func uint32() throws -> Int {
            guard at + 4 <= end else { throw Problem.corrupt }
            var value: UInt32 = 0
            for shift in 0..<4 { value |= UInt32(bytes[at + shift]) << (8 * shift) }
            at += 4
            return Int(value)
        }

        mutating func chunk() throws -> Range<Int> {
            let length = try uint32()
            guard at + length <= end else { throw Problem.corrupt }
            defer { at += length }
            return at..<(at + length)
        }
    }
}
