/// Bringing a network up to date after some programs' milestones changed, without building it
/// anew: what the language server does after each edit, where building and freeing the whole
/// network of a 1,000-program workspace was most of an edit's time.
///
/// Only edges change in place. When a changed program's nodes would differ (a milestone added,
/// removed, renamed, moved, cancelled or brought back) every later node would be numbered
/// differently and references elsewhere could appear or vanish: `updated` says so, and the
/// caller builds the network anew. The result equals `MilestoneNetwork(workspace)` in every
/// property and query (a test compares them over random edits).
extension MilestoneNetwork {
    /// The network of `workspace`, which has the programs of the one this network was built
    /// for, in the same order and folders, differing only in the milestones of the programs at
    /// `changed` (indexes into `workspace.programs`); nil when their nodes differ.
    public func updated(to workspace: Workspace, changed: [Int]) -> MilestoneNetwork? {
        var network = self
        return network.update(to: workspace, changed: changed) ? network : nil
    }

    /// `updated(to:changed:)` in place; false, with nothing changed, when it cannot be done.
    public mutating func update(to workspace: Workspace, changed: [Int]) -> Bool {
        let old = milestones.programs
        guard old.count == workspace.programs.count else { return false }
        for program in changed {
            guard old[program].folder == workspace.programs[program].folder,
                  Self.sameNodes(old[program].milestones, workspace.programs[program].milestones) else { return false }
        }
        milestones.programs = workspace.programs
        guard !changed.isEmpty else { return true }

        let changedPrograms = Set(changed.map(Int32.init))
        let changedNodes = Set(changed.map { workspace.programs[$0].folder }).flatMap { folder in
            (members[folder] ?? []).filter { changedPrograms.contains(milestones.places[$0].program) }
        }.sorted()
        var newDangling: [DanglingDependency] = []
        for node in changedNodes {
            for dependency in dependencies[node] { Self.remove(node, from: &successors[dependency]) }
            let resolved = resolve(node)
            for dependency in resolved.dependencies { Self.insert(node, into: &successors[dependency]) }
            dependencies[node] = resolved.dependencies
            references[node] = resolved.references
            newDangling += resolved.dangling
        }
        if !dangling.isEmpty || !newDangling.isEmpty {
            // Both lists are in node order: merge them, as building would have listed them.
            var merged: [DanglingDependency] = []
            var next = newDangling.startIndex
            for entry in dangling {
                let node = index[entry.milestone]!
                guard !changedPrograms.contains(milestones.places[node].program) else { continue }
                while next < newDangling.endIndex, index[newDangling[next].milestone]! < node {
                    merged.append(newDangling[next])
                    next += 1
                }
                merged.append(entry)
            }
            merged += newDangling[next...]
            dangling = merged
        }
        findOrderAndCycles()
        return true
    }

    /// Whether two versions of a program's milestones make the same nodes: the same ids in the
    /// same places, cancelled in the same places (what a node is and where it reads its milestone).
    static func sameNodes(_ old: [Milestone], _ new: [Milestone]) -> Bool {
        old.count == new.count && zip(old, new).allSatisfy { old, new in
            old.id.value == new.id.value && (old.status.value == .cancelled) == (new.status.value == .cancelled)
        }
    }

    /// Successor lists are in node order, as building appends them.
    private static func insert(_ node: Node, into list: inout [Node]) {
        let position = list.partitioningIndex { $0 >= node }
        if position == list.endIndex || list[position] != node { list.insert(node, at: position) }
    }

    private static func remove(_ node: Node, from list: inout [Node]) {
        let position = list.partitioningIndex { $0 >= node }
        if position < list.endIndex, list[position] == node { list.remove(at: position) }
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, which must be false then true along the array.
    fileprivate func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
