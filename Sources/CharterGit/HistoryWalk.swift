import Clibgit2
import Foundation

/// How a history walk orders, limits and filters the commits of a `RevisionRange`.
public struct WalkOptions: Hashable, Sendable {
    public enum Order: Hashable, Sendable {
        /// `git rev-list`'s own order: newest commit date first, each parent queued by date
        /// when its child is shown. Streams, so `maxCount` stops the walk early.
        case `default`
        /// `git rev-list --date-order`: no parent before all of its children, otherwise by date.
        case date
        /// `git rev-list --topo-order`: no parent before all of its children, and the commits
        /// of one line of history kept together.
        case topological
    }

    public var order: Order
    /// Oldest first, like `--reverse`: applied after `maxCount`, as git does.
    public var reverse: Bool
    /// Follow only the first parent of merges (`--first-parent`): the mainline, where each
    /// merge stands for its whole branch.
    public var firstParentOnly: Bool
    /// Leave out commits whose committer date is before this, and do not walk past them
    /// (git's `--since`).
    public var since: Date?
    /// Keep only commits whose tree differs from their first parent's under one of these
    /// paths (folders or files, relative to the repository root; `""` is the whole tree).
    /// A root commit counts when one of the paths exists in it. Empty: keep every commit.
    ///
    /// Compared by tree and blob ids, never by diffing, so it costs a few object lookups
    /// per commit. Merges are compared with their first parent only (unlike `git log --
    /// path`, which simplifies history); every walked commit is considered.
    public var paths: [String]
    /// Stop after this many commits that pass the filters (`-n`).
    public var maxCount: Int?

    public init(
        order: Order = .default, reverse: Bool = false, firstParentOnly: Bool = false,
        since: Date? = nil, paths: [String] = [], maxCount: Int? = nil
    ) {
        self.order = order
        self.reverse = reverse
        self.firstParentOnly = firstParentOnly
        self.since = since
        self.paths = paths
        self.maxCount = maxCount
    }
}

/// The commits a walk found, and whether history was cut short by a shallow clone.
public struct WalkResult: Sendable {
    public var commits: [CommitInfo]
    /// The walk reached a commit whose parents this shallow clone does not have; older
    /// history may be missing from `commits`.
    public var reachedShallowBoundary: Bool
    /// The commits in `commits` whose parents are missing (git shows them as root commits,
    /// and so does `CommitInfo.parentIDs`): their changes against their real parent are unknown.
    public var shallowBoundaryCommits: Set<ObjectID>
    /// How many commits the walk went through before the path filter.
    public var visitedCount: Int

    public init(commits: [CommitInfo], reachedShallowBoundary: Bool, shallowBoundaryCommits: Set<ObjectID>, visitedCount: Int) {
        self.commits = commits
        self.reachedShallowBoundary = reachedShallowBoundary
        self.shallowBoundaryCommits = shallowBoundaryCommits
        self.visitedCount = visitedCount
    }

    static let empty = WalkResult(commits: [], reachedShallowBoundary: false, shallowBoundaryCommits: [], visitedCount: 0)
}

extension Repository {
    /// The commits of `range`, as `git rev-list` lists them (see `WalkOptions` for order
    /// and filters). An unborn branch has no commits: naming it gives an empty walk, and
    /// excluding it excludes nothing. A revision that does not exist throws.
    ///
    /// Uses libgit2's revision walker, which streams in the default order, so `maxCount`
    /// stops it early. In a shallow clone, where libgit2 1.5's walker fails on the missing
    /// parents, charter's own walk (the same date-ordered queue git uses) reads `shallow`
    /// itself, stops at the boundary and says so in `WalkResult.reachedShallowBoundary`.
    public func walk(range: RevisionRange = .head, options: WalkOptions = WalkOptions()) throws -> WalkResult {
        try ensureLibgit2()
        let tips = try resolveTips(range)
        guard !tips.including.isEmpty, options.maxCount.map({ $0 > 0 }) ?? true else { return .empty }
        let shallow = try ShallowBoundary(repository: self)
        if shallow.isEmpty {
            return try revwalk(tips: tips, options: options)
        }
        return try queueWalk(tips: tips, options: options, shallow: shallow)
    }

    /// Parses `range` as git does (`A..B`, `A...B`, `REV`) and walks it.
    public func walk(range: String, options: WalkOptions = WalkOptions()) throws -> WalkResult {
        try walk(range: RevisionRange(range), options: options)
    }

    /// Whether `commit`'s tree differs from its first parent's under one of `paths`
    /// (compared by object ids). A commit without parents, or at a shallow boundary,
    /// counts as changed when one of the paths exists in it.
    public func commitChanges(_ commit: ObjectID, under paths: [String]) throws -> Bool {
        try ensureLibgit2()
        let shallow = try ShallowBoundary(repository: self)
        let filter = SubtreeFilter(repository: self, paths: paths)
        var id = commit.oid
        var object: OpaquePointer?
        try check("git_commit_lookup", git_commit_lookup(&object, handle, &id))
        defer { git_commit_free(object) }
        let parent = shallow.firstParent(of: object!, objects: try shallow.isEmpty ? nil : ObjectDatabase(of: self))
        return try filter.changed(object!, firstParent: parent)
    }

    // MARK: - Tips

    struct WalkTips {
        var including: [git_oid] = []
        var excluding: [git_oid] = []
        /// `A...B`: also exclude what both tips share (their merge bases and all before).
        var excludesCommonAncestors = false
    }

    private func resolveTips(_ range: RevisionRange) throws -> WalkTips {
        var tips = WalkTips()
        func resolve(_ revisions: [String]) throws -> [git_oid] {
            try revisions.compactMap { try resolveCommit($0)?.oid }
        }
        switch range {
        case .ancestors(let revision):
            tips.including = try resolve([revision])
        case .between(let from, let to):
            tips.excluding = try resolve([from])
            tips.including = try resolve([to])
        case .symmetricDifference(let left, let right):
            tips.including = try resolve([left, right])
            tips.excludesCommonAncestors = tips.including.count == 2
        case .revisions(let including, let excluding):
            tips.including = try resolve(including)
            tips.excluding = try resolve(excluding)
        }
        return tips
    }

    /// The commit a revision names, or `nil` when it names an unborn branch.
    private func resolveCommit(_ revision: String) throws -> ObjectID? {
        do {
            return try commit(revision).id
        } catch let error as GitError where error.kind == .unbornBranch {
            return nil
        }
    }

    /// All best common ancestors, as `A...B` excludes them; none when the histories are unrelated.
    private func mergeBases(_ one: git_oid, _ two: git_oid) throws -> [git_oid] {
        var array = git_oidarray()
        var first = one
        var second = two
        let code = git_merge_bases(&array, handle, &first, &second)
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return []
        }
        try check("git_merge_bases", code)
        defer { git_oidarray_dispose(&array) }
        return (0..<array.count).map { array.ids[$0] }
    }

    // MARK: - libgit2's walker

    private func revwalk(tips: WalkTips, options: WalkOptions) throws -> WalkResult {
        var tips = tips
        if tips.excludesCommonAncestors {
            tips.excluding += try mergeBases(tips.including[0], tips.including[1])
        }
        var raw: OpaquePointer?
        try check("git_revwalk_new", git_revwalk_new(&raw, handle))
        guard let walker = raw else { return .empty }
        defer { git_revwalk_free(walker) }

        let sorting: UInt32
        switch options.order {
        case .default: sorting = GIT_SORT_NONE.rawValue
        case .date: sorting = GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue
        case .topological: sorting = GIT_SORT_TOPOLOGICAL.rawValue
        }
        try check("git_revwalk_sorting", git_revwalk_sorting(walker, sorting))
        if options.firstParentOnly {
            try check("git_revwalk_simplify_first_parent", git_revwalk_simplify_first_parent(walker))
        }
        let since = options.since.map { SinceFilter(repository: handle, since: Int64($0.timeIntervalSince1970.rounded(.down))) }
        if let since {
            let payload = Unmanaged.passUnretained(since).toOpaque()
            try check("git_revwalk_add_hide_cb", git_revwalk_add_hide_cb(walker, { id, payload in
                guard let id, let payload else { return 0 }
                return Unmanaged<SinceFilter>.fromOpaque(payload).takeUnretainedValue().isOlder(id) ? 1 : 0
            }, payload))
        }
        // git sorts the starting points by date before walking; libgit2 takes them in the
        // order given, which changes the output order of `A...B` and `B C ^A`.
        var starts: [(id: git_oid, hide: Bool, time: Int64)] = []
        for (tip, hide) in tips.including.map({ ($0, false) }) + tips.excluding.map({ ($0, true) }) {
            var id = tip
            var commit: OpaquePointer?
            try check("git_commit_lookup", git_commit_lookup(&commit, handle, &id))
            starts.append((tip, hide, Int64(git_commit_time(commit))))
            git_commit_free(commit)
        }
        for start in starts.enumerated().sorted(by: {
            $0.element.time != $1.element.time ? $0.element.time > $1.element.time : $0.offset < $1.offset
        }).map(\.element) {
            var id = start.id
            if start.hide {
                try check("git_revwalk_hide", git_revwalk_hide(walker, &id))
            } else {
                try check("git_revwalk_push", git_revwalk_push(walker, &id))
            }
        }

        let filter = options.paths.isEmpty ? nil : SubtreeFilter(repository: self, paths: options.paths)
        var commits: [CommitInfo] = []
        var visited = 0
        var id = git_oid()
        try withExtendedLifetime(since) {
            while true {
                let code = git_revwalk_next(&id, walker)
                if code == GIT_ITEROVER.rawValue { break }
                try check("git_revwalk_next", code)
                visited += 1
                var commit: OpaquePointer?
                try check("git_commit_lookup", git_commit_lookup(&commit, handle, &id))
                defer { git_commit_free(commit) }
                if let filter {
                    let parent = git_commit_parentcount(commit) > 0 ? git_commit_parent_id(commit, 0)?.pointee : nil
                    guard try filter.changed(commit!, firstParent: parent) else { continue }
                }
                commits.append(CommitInfo(copying: commit!))
                if let maxCount = options.maxCount, commits.count >= maxCount { break }
            }
        }
        if options.reverse { commits.reverse() }
        return WalkResult(commits: commits, reachedShallowBoundary: false, shallowBoundaryCommits: [], visitedCount: visited)
    }

    // MARK: - charter's own walk

    /// git's walk written out for shallow clones, where libgit2 1.5 neither reads `shallow`
    /// nor tolerates the missing parents: a queue of commits by date, newest first, each
    /// parent queued when its child is shown.
    private func queueWalk(tips: WalkTips, options: WalkOptions, shallow: ShallowBoundary) throws -> WalkResult {
        let graph = CommitGraph(repository: self, shallow: shallow, objects: try ObjectDatabase(of: self))
        let since = options.since.map { Int64($0.timeIntervalSince1970.rounded(.down)) }
        func hidden(_ node: CommitGraph.Node) -> Bool {
            since.map { node.time < $0 } ?? false
        }

        // Everything reachable from an excluded tip, through every parent, as git marks it
        // (a shallow clone's history is short, so no need for git's early stop).
        func ancestors(of starts: [git_oid]) throws -> Set<OidKey> {
            var found = Set<OidKey>()
            var pending = starts.map(OidKey.init)
            while let key = pending.popLast() {
                guard found.insert(key).inserted, let node = try graph.node(key) else { continue }
                pending.append(contentsOf: node.parents.map(OidKey.init))
            }
            return found
        }
        var uninteresting = try ancestors(of: tips.excluding)
        if tips.excludesCommonAncestors {
            // What both sides reach, as far as the clone goes: the merge bases and all before
            // them. (libgit2's merge-base search fails on the missing parents.)
            let left = try ancestors(of: [tips.including[0]])
            let right = try ancestors(of: [tips.including[1]])
            uninteresting.formUnion(left.intersection(right))
        }

        let filter = options.paths.isEmpty ? nil : SubtreeFilter(repository: self, paths: options.paths)
        var commits: [CommitInfo] = []
        var boundaryCommits = Set<ObjectID>()
        var visited = 0
        /// Shows one commit, if it passes the path filter; `false` once `maxCount` is reached.
        func show(_ key: OidKey, _ node: CommitGraph.Node) throws -> Bool {
            var id = node.id
            var commit: OpaquePointer?
            try check("git_commit_lookup", git_commit_lookup(&commit, handle, &id))
            defer { git_commit_free(commit) }
            visited += 1
            if let filter, try !filter.changed(commit!, firstParent: node.firstParent) { return true }
            var info = CommitInfo(copying: commit!)
            info.parentIDs = node.parents.map(ObjectID.init)
            if node.isBoundary { boundaryCommits.insert(info.id) }
            commits.append(info)
            return options.maxCount.map { commits.count < $0 } ?? true
        }

        // git's date-ordered queue: newest first, first come first served among equal dates.
        var queue = DateQueue()
        var seen = Set<OidKey>(minimumCapacity: 4096)
        for tip in tips.including {
            let key = OidKey(tip)
            guard seen.insert(key).inserted, !uninteresting.contains(key), let node = try graph.node(key), !hidden(node) else { continue }
            queue.push(key, time: node.time)
        }
        var emitted: [OidKey] = []
        var reachedBoundary = false
        while let key = queue.pop() {
            guard let node = try graph.node(key) else { continue }
            if node.isBoundary { reachedBoundary = true }
            func enqueue(_ parent: git_oid) throws {
                let parentKey = OidKey(parent)
                guard seen.insert(parentKey).inserted, !uninteresting.contains(parentKey),
                      let parentNode = try graph.node(parentKey), !hidden(parentNode) else { return }
                queue.push(parentKey, time: parentNode.time)
            }
            if let first = node.firstParent { try enqueue(first) }
            if !options.firstParentOnly {
                for parent in node.otherParents { try enqueue(parent) }
            }
            if options.order == .default {
                // Shown as soon as it leaves the queue; nothing asks about it again.
                graph.forget(key)
                guard try show(key, node) else { break }
            } else {
                emitted.append(key)
            }
        }

        if options.order != .default {
            for key in try graph.topologicalOrder(emitted, byDate: options.order == .date) {
                guard let node = try graph.node(key), try show(key, node) else { break }
            }
        }
        if options.reverse { commits.reverse() }
        return WalkResult(
            commits: commits, reachedShallowBoundary: reachedBoundary,
            shallowBoundaryCommits: boundaryCommits, visitedCount: visited)
    }
}

/// Hides commits committed before a date from libgit2's walker (and so their ancestors,
/// unless reached another way), as `git rev-list --since` does.
private final class SinceFilter {
    let repository: OpaquePointer
    let since: Int64

    init(repository: OpaquePointer, since: Int64) {
        self.repository = repository
        self.since = since
    }

    func isOlder(_ id: UnsafePointer<git_oid>) -> Bool {
        var commit: OpaquePointer?
        guard git_commit_lookup(&commit, repository, id) == 0 else {
            // The walker reports the missing object itself when it parses the commit.
            git_error_clear()
            return false
        }
        defer { git_commit_free(commit) }
        return Int64(git_commit_time(commit)) < since
    }
}

/// The commits listed in `shallow`: git treats them as having no parents.
struct ShallowBoundary {
    private(set) var commits: Set<OidKey> = []

    var isEmpty: Bool { commits.isEmpty }

    /// Read from the common directory, where git keeps it for every linked worktree.
    init(repository: Repository) throws {
        let path = repository.commonDir + "/shallow"
        guard let data = FileManager.default.contents(atPath: path) else { return }
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            if let id = ObjectID(hex: line.trimmingCharacters(in: .whitespaces)) {
                commits.insert(OidKey(id.oid))
            }
        }
    }

    /// The first parent as git sees it: none at the boundary or when the object is missing.
    func firstParent(of commit: OpaquePointer, objects: ObjectDatabase?) -> git_oid? {
        guard git_commit_parentcount(commit) > 0, let parent = git_commit_parent_id(commit, 0)?.pointee else { return nil }
        guard let objects else { return parent }
        if commits.contains(OidKey(git_commit_id(commit).pointee)) || !objects.contains(parent) { return nil }
        return parent
    }
}

/// Parents and dates of the commits of a shallow clone, each read once: the parents the
/// clone does not have are left out, and the commits whose parents are missing marked.
private final class CommitGraph {
    struct Node {
        var id: git_oid
        var time: Int64
        /// The parents as git sees them: in a shallow clone, only those it has, and none
        /// for a commit listed in `shallow`. Kept as first and others, so the usual commit
        /// with one parent costs no array.
        var firstParent: git_oid?
        var otherParents: [git_oid]
        /// Some parent is missing: history stops here.
        var isBoundary: Bool

        var parents: [git_oid] {
            guard let firstParent else { return [] }
            return [firstParent] + otherParents
        }
    }

    private let repository: Repository
    private let shallow: ShallowBoundary
    private let objects: ObjectDatabase
    private var nodes: [OidKey: Node?] = [:]

    init(repository: Repository, shallow: ShallowBoundary, objects: ObjectDatabase) {
        self.repository = repository
        self.shallow = shallow
        self.objects = objects
    }

    /// `nil` when the clone does not have the commit.
    func node(_ key: OidKey) throws -> Node? {
        if let known = nodes[key] { return known }
        var id = key.oid
        guard objects.contains(id) else {
            nodes[key] = .some(nil)
            return nil
        }
        var commit: OpaquePointer?
        try check("git_commit_lookup", git_commit_lookup(&commit, repository.handle, &id))
        defer { git_commit_free(commit) }
        let all = (0..<git_commit_parentcount(commit)).compactMap { git_commit_parent_id(commit, $0)?.pointee }
        let present = shallow.commits.contains(key) ? [] : all.filter { objects.contains($0) }
        let node = Node(
            id: id, time: Int64(git_commit_time(commit)), firstParent: present.first,
            otherParents: Array(present.dropFirst()), isBoundary: present.count < all.count)
        nodes[key] = .some(node)
        return node
    }

    /// Drops what is known of a commit the walk is done with, so a long walk stays small.
    func forget(_ key: OidKey) {
        nodes[key] = nil
    }

    /// No parent before all of its children among `keys`; ties go to the newest commit
    /// (`byDate`) or to the line of history last followed, as libgit2's topological sort does.
    func topologicalOrder(_ keys: [OidKey], byDate: Bool) throws -> [OidKey] {
        let members = Set(keys)
        var children: [OidKey: Int] = [:]
        for key in keys {
            for parent in try node(key)?.parents ?? [] where members.contains(OidKey(parent)) {
                children[OidKey(parent), default: 0] += 1
            }
        }
        var ordered: [OidKey] = []
        ordered.reserveCapacity(keys.count)
        var dated = DateQueue()
        var stack: [OidKey] = []
        func ready(_ key: OidKey) throws {
            if byDate { dated.push(key, time: try node(key)?.time ?? 0) } else { stack.append(key) }
        }
        for key in keys where children[key, default: 0] == 0 {
            try ready(key)
        }
        if !byDate { stack.reverse() }
        while let key = byDate ? dated.pop() : stack.popLast() {
            ordered.append(key)
            for parent in try node(key)?.parents ?? [] {
                let parentKey = OidKey(parent)
                guard members.contains(parentKey), let count = children[parentKey], count > 0 else { continue }
                children[parentKey] = count - 1
                if count == 1 { try ready(parentKey) }
            }
        }
        return ordered
    }
}

/// A max-heap on commit time; among equal times, the one pushed first comes out first.
private struct DateQueue {
    private var heap: [(time: Int64, sequence: Int, key: OidKey)] = []
    private var sequence = 0

    private static func before(_ a: (time: Int64, sequence: Int, key: OidKey), _ b: (time: Int64, sequence: Int, key: OidKey)) -> Bool {
        a.time != b.time ? a.time > b.time : a.sequence < b.sequence
    }

    mutating func push(_ key: OidKey, time: Int64) {
        heap.append((time, sequence, key))
        sequence += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard DateQueue.before(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> OidKey? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var best = parent
            if left < heap.count && DateQueue.before(heap[left], heap[best]) { best = left }
            if right < heap.count && DateQueue.before(heap[right], heap[best]) { best = right }
            if best == parent { break }
            heap.swapAt(parent, best)
            parent = best
        }
        return top.key
    }
}

/// Decides whether a commit changed anything under a set of paths against its first parent:
/// reads the two root tree ids and asks `PlanPathDiffer`, which compares them level by level by
/// object id and keeps the trees it read across the commits of a walk.
final class SubtreeFilter {
    private let repository: Repository
    /// Each path as its components; `[]` for the whole tree.
    private let paths: [[String]]
    private let differ: PlanPathDiffer

    init(repository: Repository, paths: [String]) {
        self.repository = repository
        let normalized = Set(paths.map { normalisedPath($0) })
        self.paths = normalized.sorted().map { $0.isEmpty ? [] : $0.split(separator: "/").map(String.init) }
        differ = PlanPathDiffer(repository: repository)
    }

    func changed(_ commit: OpaquePointer, firstParent: git_oid?) throws -> Bool {
        var parentTree: git_oid?
        if var parentID = firstParent {
            var parent: OpaquePointer?
            try check("git_commit_lookup", git_commit_lookup(&parent, repository.handle, &parentID))
            parentTree = git_commit_tree_id(parent).pointee
            git_commit_free(parent)
        }
        return try differ.differs(tree: git_commit_tree_id(commit).pointee, parentTree: parentTree, under: paths)
    }
}

/// The 20 bytes of a `git_oid`, hashable and cheap to compare (no hex strings).
struct OidKey: Hashable {
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    init(_ oid: git_oid) {
        var copy = oid
        (high, middle, low) = withUnsafeBytes(of: &copy) { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }

    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid) { raw in
            raw.storeBytes(of: high, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: middle, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: low, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }
}
