/// Narrows two versions of a workspace to what a diff can find different: the programs that
/// changed, and — when their milestones changed — the programs whose milestones depend on them
/// (directly or through others), whose schedules the change can push; and the programs those
/// depend on, which say when their dependencies end. Unchanged programs compare equal in O(1) when both sides share
/// storage, as successive commits loaded through a cache do; dropping the rest makes a diff of
/// one commit in a long history cost what the commit changed, not what the workspace holds.
public enum DiffScope {
    public static func narrowed(_ old: Workspace, _ new: Workspace) -> (old: Workspace, new: Workspace) {
        guard let keep = programs(old, new) else { return (old, new) }
        return (old.restricted(to: keep), new.restricted(to: keep))
    }

    /// The program folders `narrowed` keeps; `nil` when it keeps everything.
    /// - Parameters:
    ///   - links: which programs each side's programs name, when the caller keeps them
    ///     (a history walk does, per program version); `nil`: found by scanning the milestones.
    ///   - known: the folders that can differ, when the caller knows (`KnownChanges`): only
    ///     those are compared; `nil`: every program of both sides is.
    public static func programs(_ old: Workspace, _ new: Workspace,
                                links: (old: ProgramLinks, new: ProgramLinks)? = nil,
                                known: KnownChanges? = nil) -> Set<String>? {
        let before: [String: Program], after: [String: Program], folderCount: Int
        if let known {
            before = known.programs(of: old)
            after = known.programs(of: new)
            // Folders are unique in a tree; with duplicates, keeping every folder is keeping everything anyway.
            folderCount = max(old.programs.count, new.programs.count)
        } else {
            before = Dictionary(old.programs.map { ($0.folder, $0) }, uniquingKeysWith: { first, _ in first })
            after = Dictionary(new.programs.map { ($0.folder, $0) }, uniquingKeysWith: { first, _ in first })
            folderCount = max(before.count, after.count)
        }
        var keep: Set<String> = []
        // Only a change to milestones can push another program's schedule.
        var queue: [String] = []
        for folder in Set(before.keys).union(after.keys) {
            // Milestones first: when they differ, so do the programs, without comparing them again.
            if before[folder]?.milestones != after[folder]?.milestones {
                keep.insert(folder)
                queue.append(folder)
            } else if before[folder] != after[folder] {
                keep.insert(folder)
            }
        }
        guard keep.count < folderCount else { return nil }
        let links = links ?? (ProgramLinks(old), ProgramLinks(new))

        let dependents = ProgramLinks.Dependents(links.old, links.new)
        while let folder = queue.popLast() {
            for dependent in dependents.of(folder) where keep.insert(dependent).inserted {
                queue.append(dependent)
            }
        }
        // And one level upstream: when a kept milestone's dependency ends is read from the program
        // it lives in (taken at its own dates, as `charter diff` does).
        var upstream: Set<String> = []
        for folder in keep {
            upstream.formUnion(links.old.names[folder] ?? [])
            upstream.formUnion(links.new.names[folder] ?? [])
        }
        keep.formUnion(upstream)
        return keep
    }
}

extension Workspace {
    /// The workspace with only the programs in `scope` (all of them for `nil`).
    func restricted(to scope: Set<String>?) -> Workspace {
        guard let scope else { return self }
        var restricted = self
        restricted.programs = programs.filter { scope.contains($0.folder) }
        return restricted
    }
}
