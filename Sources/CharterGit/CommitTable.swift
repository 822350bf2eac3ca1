import Clibgit2
import Foundation

/// charter's commit-graph: for each commit it has seen, its parents, its committer date, and
/// what it changed under the plan roots against its first parent (`PlanPathChanges`), so that
/// listing the plan commits of a first-parent line walks this table in memory and reads no
/// commit or tree object. Kept in `<common git dir>/charter/commits.idx` (a `CacheFile`).
///
/// Every fact is one of the commit's own (its parents are in its object) or of it and its first
/// parent, so it never goes stale: an amended or rebased commit is a new id, not yet in the
/// table, and is read from git and added. Shallow clones: a commit listed in `shallow`, or whose
/// first parent the clone lacks, is a boundary; the walk stops there, and what it changed is
/// computed afresh (never stored), so deepening the clone gives the full answer.
public final class CommitTable {
    public static let fileName = "commits.idx"
    /// The layout below; the facts do not depend on charter's rules, so not on its build.
    static let version = "commit-table 1"

    /// `nil`: neither read nor written (the cache is off); the table then lives for one run.
    public let file: CacheFile?
    private let repository: Repository
    private var loaded = false
    /// Why the file on disk was not used (it is then rewritten).
    public private(set) var problem: CacheFile.Problem?

    // One node per commit id: the file's, sorted by id, then those added this run.
    private var ids: [OidKey] = []
    private var sortedCount = 0
    private var addedIndex: [OidKey: Int32] = [:]
    /// Whether the node's parents and date were read (a parent not yet visited is only an id).
    private var known: [Bool] = []
    private var times: [Int64] = []
    private var offsets: [Int32] = []
    /// -1: none.
    private var firstParents: [Int32] = []
    /// Second and further parents of merges.
    private var otherParents: [Int32: [Int32]] = [:]
    /// Per set of roots (joined by NUL): what each node changed under them; `nil` unknown.
    private var sections: [String: [PlanPathChanges?]] = [:]
    private var dirty = false

    public init(repository: Repository, file: CacheFile?) {
        self.repository = repository
        self.file = file
    }

    /// The table file of `repository`, read and written; `cached: false` for one run in memory.
    public convenience init(repository: Repository, cached: Bool) {
        self.init(repository: repository,
                  file: cached ? CacheFile(repository: repository, name: Self.fileName, version: Self.version) : nil)
    }

    /// Commits whose parents and date the table holds.
    public var count: Int {
        load()
        return known.lazy.filter { $0 }.count
    }

    /// The commits on the first-parent line from `tip` (newest first) whose changes against
    /// their first parent touch, for each group of `paths`, one path of the group
    /// (repository-relative; a root commit or shallow boundary counts when the path exists in
    /// it), at most `maxCount`. `roots` are the folders and files whose changes the table
    /// records (the plan roots): a path outside them is asked of git.
    public func firstParentCommits(from tip: ObjectID, changing groups: [[String]], roots: [String],
                                   maxCount: Int? = nil) throws -> [ObjectID] {
        try ensureLibgit2()
        load()
        let shallow = try ShallowBoundary(repository: repository)
        let objects = shallow.isEmpty ? nil : try ObjectDatabase(of: repository)
        let roots = roots.sorted()
        let sectionKey = roots.joined(separator: "\u{0}")
        var section = sections[sectionKey] ?? []
        defer { sections[sectionKey] = section }
        var differ: PlanPathDiffer?
        var found: [ObjectID] = []
        var node: Int32? = try self.node(OidKey(tip.oid))
        while let current = node, maxCount.map({ found.count < $0 }) ?? true {
            let index = Int(current)
            let id = ids[index]
            try read(index, shallow: shallow)
            var parent: Int32? = firstParents[index] < 0 ? nil : firstParents[index]
            let boundary = shallow.commits.contains(id) || parent.map { !(objects?.contains(ids[Int($0)].oid) ?? true) } ?? false
            if boundary { parent = nil }
            if section.count < ids.count { section += Array(repeating: nil, count: ids.count - section.count) }
            var facts = boundary ? nil : section[index]
            if facts == nil {
                if differ == nil { differ = PlanPathDiffer(repository: repository, roots: roots) }
                facts = try differ!.changes(tree: try treeID(of: id), parentTree: try parent.map { try treeID(of: ids[Int($0)]) })
                if !boundary {
                    section[index] = facts
                    dirty = true
                }
            }
            // What the facts answer first: git is asked only when no group is known to be unchanged.
            let answers = groups.map { facts!.answer(any: $0, roots: roots) }
            var changed = !answers.contains(false)
            for (paths, answer) in zip(groups, answers) where changed && answer == nil {
                changed = try repository.commitChanges(ObjectID(id.oid), under: paths)
            }
            if changed { found.append(ObjectID(id.oid)) }
            node = parent
        }
        return found
    }

    /// Writes the table if this run added to it. Quietly does nothing where the repository
    /// cannot be written (read-only, a server hook without write access) or without a file.
    public func save() {
        guard let file, dirty || problem != nil else { return }
        do {
            try file.write([("graph", encodeGraph()[...])] + sections.keys.sorted().map { key in
                ("paths\u{0}" + key, encodeSection(sections[key]!)[...])
            })
            dirty = false
            problem = nil
        } catch {
            return
        }
    }

    // MARK: - Nodes

    /// The node of `id`, added as an unread one when new.
    private func node(_ id: OidKey) throws -> Int32 {
        if let index = sortedIndex(id) ?? addedIndex[id] { return index }
        let index = Int32(ids.count)
        ids.append(id)
        known.append(false)
        times.append(0)
        offsets.append(0)
        firstParents.append(-1)
        addedIndex[id] = index
        return index
    }

    private func sortedIndex(_ id: OidKey) -> Int32? {
        var low = 0, high = sortedCount
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] == id { return Int32(middle) }
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Reads a node's parents and date from its commit, once. A commit listed in `shallow` is
    /// read but not kept as known: what a future libgit2 shows as its parents there may be
    /// the graft, not the object's.
    private func read(_ index: Int, shallow: ShallowBoundary) throws {
        guard !known[index] else { return }
        var oid = ids[index].oid
        var commit: OpaquePointer?
        try check("git_commit_lookup", git_commit_lookup(&commit, repository.handle, &oid))
        defer { git_commit_free(commit) }
        let parents = try (0..<git_commit_parentcount(commit)).compactMap { git_commit_parent_id(commit, $0)?.pointee }
            .map { try node(OidKey($0)) }
        times[index] = Int64(git_commit_time(commit))
        offsets[index] = Int32(git_commit_time_offset(commit))
        firstParents[index] = parents.first ?? -1
        if parents.count > 1 { otherParents[Int32(index)] = Array(parents.dropFirst()) }
        if !shallow.commits.contains(ids[index]) {
            known[index] = true
            dirty = true
        }
    }

    private func treeID(of id: OidKey) throws -> git_oid {
        var oid = id.oid
        var commit: OpaquePointer?
        try check("git_commit_lookup", git_commit_lookup(&commit, repository.handle, &oid))
        defer { git_commit_free(commit) }
        return git_commit_tree_id(commit).pointee
    }

    // MARK: - File

    private func load() {
        guard !loaded else { return }
        loaded = true
        guard let file else { return }
        let read = file.read()
        problem = read.problem
        guard read.problem == nil, let graph = read.contents.value("graph") else { return }
        do {
            try decodeGraph(graph)
            for key in read.contents.keys where key.hasPrefix("paths\u{0}") {
                sections[String(key.dropFirst(6))] = try decodeSection(read.contents.value(key)!)
            }
        } catch {
            // The checksum matched, so only a writer's bug gets here: start again.
            (ids, known, times, offsets, firstParents, otherParents, sections) = ([], [], [], [], [], [:], [:])
            sortedCount = 0
            problem = .corrupt
        }
    }

    /// count; ids (20 bytes each, sorted); per node: known (1 byte), time (8), offset (4),
    /// parent count (4) and that many node indexes (4 each).
    private func encodeGraph() -> [UInt8] {
        let order = ids.indices.sorted { ids[$0] < ids[$1] }
        var position = [Int32](repeating: 0, count: ids.count)
        for (new, old) in order.enumerated() { position[old] = Int32(new) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 + ids.count * 45)
        Self.append(UInt32(ids.count), to: &bytes)
        for old in order { ids[old].append(to: &bytes) }
        for old in order {
            bytes.append(known[old] ? 1 : 0)
            Self.append(UInt64(bitPattern: times[old]), to: &bytes)
            Self.append(UInt32(bitPattern: offsets[old]), to: &bytes)
            let parents = firstParents[old] < 0 ? [] : [firstParents[old]] + (otherParents[Int32(old)] ?? [])
            Self.append(UInt32(parents.count), to: &bytes)
            for parent in parents { Self.append(UInt32(position[Int(parent)]), to: &bytes) }
        }
        // Sections follow the same order; remember it for them.
        writeOrder = order
        return bytes
    }

    private var writeOrder: [Int] = []

    /// count; per node an offset into the pool (0xFFFFFFFF: unknown); the pool: per entry a
    /// 16-bit path count, then each path as a 16-bit length and its UTF-8 bytes.
    private func encodeSection(_ section: [PlanPathChanges?]) -> [UInt8] {
        var bytes: [UInt8] = []
        Self.append(UInt32(writeOrder.count), to: &bytes)
        var pool: [UInt8] = []
        var empty: UInt32?
        for old in writeOrder {
            guard old < section.count, let facts = section[old] else {
                Self.append(UInt32.max, to: &bytes)
                continue
            }
            if facts.paths.isEmpty, let empty {
                Self.append(empty, to: &bytes)
                continue
            }
            let offset = UInt32(pool.count)
            if facts.paths.isEmpty { empty = offset }
            Self.append(offset, to: &bytes)
            Self.append(UInt16(facts.paths.count), to: &pool)
            for path in facts.paths {
                let utf8 = Array(path.utf8)
                Self.append(UInt16(utf8.count), to: &pool)
                pool += utf8
            }
        }
        return bytes + pool
    }

    private func decodeGraph(_ bytes: ArraySlice<UInt8>) throws {
        try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw: raw)
            let count = Int(try reader.uint32())
            guard count <= raw.count / 20 else { throw CacheFile.Problem.corrupt }
            ids.reserveCapacity(count)
            for _ in 0..<count { ids.append(try reader.oid()) }
            known = []; times = []; offsets = []; firstParents = []
            known.reserveCapacity(count); times.reserveCapacity(count); offsets.reserveCapacity(count)
            firstParents.reserveCapacity(count)
            for index in 0..<count {
                known.append(try reader.byte() == 1)
                times.append(Int64(bitPattern: try reader.uint64()))
                offsets.append(Int32(bitPattern: try reader.uint32()))
                let parents = Int(try reader.uint32())
                var first: Int32 = -1
                for position in 0..<parents {
                    let parent = try reader.uint32()
                    guard parent < count else { throw CacheFile.Problem.corrupt }
                    if position == 0 { first = Int32(parent) } else { otherParents[Int32(index), default: []].append(Int32(parent)) }
                }
                firstParents.append(first)
            }
            guard reader.at == raw.count else { throw CacheFile.Problem.corrupt }
            sortedCount = count
            for index in 1..<max(count, 1) where !(ids[index - 1] < ids[index]) { throw CacheFile.Problem.corrupt }
        }
    }

    private func decodeSection(_ bytes: ArraySlice<UInt8>) throws -> [PlanPathChanges?] {
        try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw: raw)
            let count = Int(try reader.uint32())
            guard count == ids.count else { throw CacheFile.Problem.corrupt }
            let poolStart = 4 + 4 * count
            guard poolStart <= raw.count else { throw CacheFile.Problem.corrupt }
            var decoded: [Int: PlanPathChanges] = [:]
            var section: [PlanPathChanges?] = []
            section.reserveCapacity(count)
            for _ in 0..<count {
                let offset = try reader.uint32()
                if offset == UInt32.max { section.append(nil); continue }
                if let known = decoded[Int(offset)] { section.append(known); continue }
                var pool = ByteReader(raw: raw, at: poolStart + Int(offset))
                var paths: [String] = []
                for _ in 0..<(try pool.uint16()) {
                    let length = Int(try pool.uint16())
                    paths.append(String(decoding: try pool.bytes(length), as: UTF8.self))
                }
                let facts = PlanPathChanges(paths: paths)
                decoded[Int(offset)] = facts
                section.append(facts)
            }
            return section
        }
    }

    private static func append<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}

/// Little-endian fields out of a buffer, each checked against its end.
private struct ByteReader {
    let raw: UnsafeRawBufferPointer
    var at = 0

    init(raw: UnsafeRawBufferPointer, at: Int = 0) {
        self.raw = raw
        self.at = at
    }

    mutating func bytes(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, at + count <= raw.count else { throw CacheFile.Problem.corrupt }
        defer { at += count }
        return UnsafeRawBufferPointer(rebasing: raw[at..<(at + count)])
    }

    mutating func byte() throws -> UInt8 { try bytes(1)[0] }
    mutating func uint16() throws -> UInt16 { UInt16(littleEndian: try bytes(2).loadUnaligned(as: UInt16.self)) }
    mutating func uint32() throws -> UInt32 { UInt32(littleEndian: try bytes(4).loadUnaligned(as: UInt32.self)) }
    mutating func uint64() throws -> UInt64 { UInt64(littleEndian: try bytes(8).loadUnaligned(as: UInt64.self)) }
    mutating func oid() throws -> OidKey { OidKey(bytes: try bytes(20)) }
}

extension OidKey: Comparable {
    /// By the id's bytes, as git sorts object ids.
    static func < (left: OidKey, right: OidKey) -> Bool {
        var one = left.oid, other = right.oid
        return withUnsafeBytes(of: &one) { a in
            withUnsafeBytes(of: &other) { b in memcmp(a.baseAddress!, b.baseAddress!, 20) < 0 }
        }
    }

    init(bytes: UnsafeRawBufferPointer) {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<20])) }
        self.init(oid)
    }

    func append(to bytes: inout [UInt8]) {
        var copy = oid
        withUnsafeBytes(of: &copy) { bytes += $0[0..<20] }
    }
}
