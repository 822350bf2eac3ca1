import Clibgit2

/// What a commit changed under a few root paths (`programs`, `charter.yaml`, `people.yaml`,
/// each under the workspace's folder), against its first parent, found by comparing tree and
/// blob ids as git's tree diff does: the changed files down to `depth` levels below a root,
/// or a shorter path when the change is coarser (a folder added, a file turned into a folder).
///
/// These are facts of the two commits alone, so `CommitTable` keeps them; `answer` then says
/// whether the commit changed under a path without reading any object, or `nil` when the
/// facts are too coarse to tell (the caller asks git).
struct PlanPathChanges {
    /// Repository-relative paths, sorted; empty: nothing under the roots changed.
    var paths: [String]

    /// More paths than this collapse to the roots they are under (an import commit).
    static let limit = 256

    /// Whether a change under `query` (a folder or file path) happened: `true` when a changed
    /// path is `query` or inside it, `nil` when `query` is inside a changed path (a folder added
    /// whole: the facts do not list its files) or outside every root, else `false`.
    func answer(_ query: String, roots: [String]) -> Bool? {
        // As git and `SubtreeFilter` read a path: `programs/pay/` and `./programs/pay` are `programs/pay`.
        let query = normalisedPath(query)
        guard roots.contains(where: { query == $0 || query.hasPrefix($0 + "/") }) else { return nil }
        for path in paths {
            if path == query || path.hasPrefix(query + "/") { return true }
            if query.hasPrefix(path + "/") { return nil }
        }
        return false
    }

    /// Whether any of `queries` changed; `nil` when one of them cannot be told and none is `true`.
    func answer(any queries: [String], roots: [String]) -> Bool? {
        var unknown = false
        for query in queries {
            switch answer(query, roots: roots) {
            case true?: return true
            case nil: unknown = true
            case false?: break
            }
        }
        return unknown ? nil : false
    }
}

/// Compares two root trees level by level by object id, as git's tree diff does: where two
/// folders have the same id nothing inside them differs, so `programs/p1` costs one look into
/// the root trees when `programs` did not change. It keeps the trees it read, since a walk
/// compares each tree as a child and again as a parent.
///
/// The one mechanism behind both questions a walk asks of a commit and its first parent: what
/// changed under the plan roots (`changes`, the facts `CommitTable` keeps) and whether anything
/// changed under some paths (`differs`, the walk's path filter, `SubtreeFilter`).
final class PlanPathDiffer {
    private struct Entry: Equatable {
        var id: OidKey
        var mode: UInt32
        var isTree: Bool { mode & 0o170000 == 0o040000 }
    }

    private let repository: Repository
    let roots: [String]
    /// Levels listed below a root: `programs/<folder>/<file>` is two below `programs`.
    private let depth: Int
    private var trees: [OidKey: OpaquePointer] = [:]
    private static let cacheLimit = 256

    /// - Parameter roots: what `changes` lists changes under; `differs` takes its own paths.
    init(repository: Repository, roots: [String] = [], depth: Int = 2) {
        self.repository = repository
        self.roots = roots.sorted()
        self.depth = depth
    }

    deinit {
        for tree in trees.values { git_tree_free(tree) }
    }

    /// The changes between two root trees (`nil`: no parent, everything is new).
    func changes(tree: git_oid, parentTree: git_oid?) throws -> PlanPathChanges {
        trimCache()
        let root = OidKey(tree)
        let parentRoot = parentTree.map(OidKey.init)
        if root == parentRoot { return PlanPathChanges(paths: []) }
        var found: [String] = []
        for path in roots {
            let components = path.split(separator: "/").map(String.init)
            guard let differing = try entries(at: components, root, parentRoot) else { continue }
            try list(differing.0, differing.1, at: path, levels: depth, into: &found)
        }
        if found.count > PlanPathChanges.limit {
            found = roots.filter { root in found.contains { $0 == root || $0.hasPrefix(root + "/") } }
        }
        return PlanPathChanges(paths: found.sorted())
    }

    /// Whether the two root trees differ under one of `paths` (each as its components; `[]` for
    /// the whole tree). `parentTree` `nil`: no parent, so whatever exists at a path is new.
    func differs(tree: git_oid, parentTree: git_oid?, under paths: [[String]]) throws -> Bool {
        trimCache()
        let root = OidKey(tree)
        let parentRoot = parentTree.map(OidKey.init)
        if root == parentRoot { return false }
        for path in paths where try entries(at: path, root, parentRoot) != nil {
            return true
        }
        return false
    }

    /// The entries at `path` in two root trees (`nil`: no tree), or `nil` when they are the same
    /// there or at a folder above it (or neither side has a folder on the way).
    private func entries(at path: [String], _ left: OidKey?, _ right: OidKey?) throws -> (Entry?, Entry?)? {
        guard !path.isEmpty else { return left == right ? nil : (nil, nil) }
        var left = left, right = right
        var pair: (Entry?, Entry?) = (nil, nil)
        for name in path {
            let leftEntry = try left.map { try entry(name, in: $0) } ?? nil
            let rightEntry = try right.map { try entry(name, in: $0) } ?? nil
            if leftEntry == rightEntry { return nil }
            pair = (leftEntry, rightEntry)
            left = leftEntry?.isTree == true ? leftEntry?.id : nil
            right = rightEntry?.isTree == true ? rightEntry?.id : nil
        }
        return pair
    }

    /// Frees the kept trees when there are many; only between questions, never while `list`
    /// holds trees it read.
    private func trimCache() {
        guard trees.count >= Self.cacheLimit else { return }
        for tree in trees.values { git_tree_free(tree) }
        trees.removeAll(keepingCapacity: true)
    }

    /// Two differing entries at `path`: the path itself, or what differs inside when both are
    /// folders and levels remain.
    private func list(_ left: Entry?, _ right: Entry?, at path: String, levels: Int, into found: inout [String]) throws {
        guard levels > 0, let left, let right, left.isTree, right.isTree else {
            found.append(path)
            return
        }
        let leftTree = try tree(left.id), rightTree = try tree(right.id)
        var names = Set<String>()
        for tree in [leftTree, rightTree] {
            for index in 0..<git_tree_entrycount(tree) {
                names.insert(String(cString: git_tree_entry_name(git_tree_entry_byindex(tree, index))))
            }
        }
        for name in names {
            let one = Self.entry(name, in: leftTree), other = Self.entry(name, in: rightTree)
            if one != other { try list(one, other, at: path + "/" + name, levels: levels - 1, into: &found) }
        }
    }

    private func entry(_ name: String, in treeID: OidKey) throws -> Entry? {
        Self.entry(name, in: try tree(treeID))
    }

    private static func entry(_ name: String, in tree: OpaquePointer) -> Entry? {
        guard let entry = git_tree_entry_byname(tree, name) else { return nil }
        return Entry(id: OidKey(git_tree_entry_id(entry).pointee), mode: UInt32(git_tree_entry_filemode_raw(entry).rawValue))
    }

    private func tree(_ id: OidKey) throws -> OpaquePointer {
        if let known = trees[id] { return known }
        var oid = id.oid
        var tree: OpaquePointer?
        try check("git_tree_lookup", git_tree_lookup(&tree, repository.handle, &oid))
        trees[id] = tree!
        return tree!
    }
}
