import CharterCore
import CharterGit
import Foundation

/// The persistent index of change-request records: for each plan commit, the record built from
/// its diff against its first parent, as charter would build it again from the same objects.
/// Kept in `<common git dir>/charter/history.idx` (a `CacheFile`), so linked worktrees share it.
///
/// Only what a commit fixes forever goes in: the commit, its trees and so the plans, people and
/// policy on both sides. Approvals recorded as notes can be added later (`charter approve`), so a
/// commit that has a note is never read from the index: its record is built afresh with the note.
/// The carrying of a merged branch's approvals to its merge is also done at read time.
///
/// A cache, never a source of truth: output with it is byte-identical to output without it.
/// `--no-cache` or `CHARTER_NO_CACHE=1` turns it off (`HistoryIndexSwitch`).
final class ChangeRecordIndex {
    /// Raise when what a record holds, or how it is built, changes.
    /// 2: records in `BinaryCodable` form instead of JSON (much cheaper to read back).
    static let formatVersion = 2
    static let fileName = "history.idx"

    let file: CacheFile
    private var contents = CacheFile.Contents()
    private var added: [String: [UInt8]] = [:]
    private var loaded = false
    /// Set when the file on disk was not usable: it is then rewritten whole.
    private(set) var problem: CacheFile.Problem?

    init(repository: Repository) {
        file = CacheFile(repository: repository, name: Self.fileName, version: Self.version)
    }

    /// The index of this repository for the command running now, or `nil` when the cache is off.
    /// One per repository and process, so the file is read once and noted about once.
    static func shared(for repository: Repository) -> ChangeRecordIndex? {
        guard HistoryIndexSwitch.isOn else { return nil }
        let path = repository.commonDir
        if let known = opened[path] { return known }
        let index = ChangeRecordIndex(repository: repository)
        opened[path] = index
        return index
    }

    nonisolated(unsafe) private static var opened: [String: ChangeRecordIndex] = [:]

    /// What a record is keyed by: the workspace folder in the repository, the commit, and the
    /// first parent it was compared with (in a shallow clone, the one the clone has).
    static func key(prefix: String, commit: CommitInfo) -> String {
        prefix + "\u{0}" + commit.id.hex + "\u{0}" + (commit.parentIDs.first?.hex ?? "")
    }

    var count: Int {
        load()
        return contents.count + added.filter { contents.value($0.key) == nil }.count
    }

    /// The records the index has, `nil` for the others; decoded on all cores.
    func records(_ keys: [String]) -> [ChangeRequest?] {
        load()
        let stored: [[UInt8]?] = keys.map { key in added[key] ?? contents.value(key).map(Array.init) }
        return ParallelMap.map(stored, minimumCount: 64) { bytes in
            bytes.flatMap { try? BinaryReader.decode(ChangeRequest.self, from: $0[...]) }
        }
    }

    func store(_ records: [(key: String, record: ChangeRequest)]) {
        let encoded = ParallelMap.map(records.map(\.record), minimumCount: 64) { BinaryWriter.encode($0) }
        for (entry, bytes) in zip(records, encoded) { added[entry.key] = bytes }
    }

    /// Writes what was added since the file was read. Quietly does nothing where the repository
    /// cannot be written (a read-only clone, a server's hook without write access).
    func save() {
        guard !added.isEmpty || problem != nil else { return }
        var entries: [(key: String, value: ArraySlice<UInt8>)] = []
        for key in contents.keys where added[key] == nil {
            entries.append((key, contents.value(key)!))
        }
        for (key, value) in added { entries.append((key, value[...])) }
        entries.sort { $0.key < $1.key }
        do {
            try file.write(entries)
            problem = nil
        } catch {
            return
        }
    }

    func clear() throws {
        try file.remove()
        contents = CacheFile.Contents()
        added = [:]
        loaded = true
    }

    private func load() {
        guard !loaded else { return }
        loaded = true
        let read = file.read()
        contents = read.contents
        problem = read.problem
        if let problem {
            Terminal.warning("the history index \(file.path) \(problem); it is rebuilt", quietUnlessTerminal: false)
        }
    }

    /// The format and the build of charter that wrote the file: records from another build may
    /// have been computed by other rules, so they read as absent.
    static let version: String = {
        var build = Charter.configuration.version
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath
        if let executable, let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            build += " \(size) \(Int64(modified * 1000))"
        }
        return "records \(formatVersion) charter \(build)"
    }()
}

/// Whether the history commands may use the index: not with `CHARTER_NO_CACHE` set (to anything
/// but `0` or empty), nor after `--no-cache`.
enum HistoryIndexSwitch {
    nonisolated(unsafe) static var disabledByFlag = false

    static var isOn: Bool {
        if disabledByFlag { return false }
        guard let value = ProcessInfo.processInfo.environment["CHARTER_NO_CACHE"] else { return true }
        return value.isEmpty || value == "0"
    }
}
