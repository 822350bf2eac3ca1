/// Reads the two sides of a diff, and of a large workspace only what the comparison needs.
/// It reads through `DiffSideSource`, so it does no I/O of its own: the CLI passes commits,
/// the index or the worktree.
///
/// 1. Program folders are compared by content id (tree ids between commits, blob ids of the
///    plan files otherwise): only folders that differ are parsed, on both sides. The root files
///    (`charter.yaml`, `people.yaml`) likewise.
/// 2. Consequences reach further: a milestone whose end moves can push milestones of unchanged
///    programs. Their `milestones.yaml` is searched (as bytes) for references to the milestones
///    that moved (`program/id`); programs that refer to one are read, once, and shared by both
///    sides (they are the same on both). Repeat while ends keep moving.
/// 3. Programs that loaded milestones depend on are read too, but only their `milestones.yaml`:
///    enough to know when those dependencies end. Their own dependencies are not followed, so
///    they count at their own dates, which is exact whenever that part of the plan validates.
///
/// The result equals what comparing two full loads gives; `everything()` does that, for tests
/// and for `--no-incremental`.
public struct DiffNarrowing {
    public let old: any DiffSideSource
    public let new: any DiffSideSource

    public init(old: any DiffSideSource, new: any DiffSideSource) {
        self.old = old
        self.new = new
    }

    private static let rootFiles = [PlanFileKind.settings.fileName, PlanFileKind.people.fileName]

    /// Both sides read completely.
    public func everything() -> (from: DiffSide, to: DiffSide) {
        let before = WorkspaceLoader.load(from: old.source), after = WorkspaceLoader.load(from: new.source)
        return (side(before.workspace, [before], old), side(after.workspace, [after], new))
    }

    /// - Parameter asOf: the day consequences are judged on: ends are early finishes at it.
    public func load(asOf: PlanDate) throws -> (from: DiffSide, to: DiffSide) {
        let oldRoot = try Self.entries(old, ""), newRoot = try Self.entries(new, "")
        // `programs` must be a folder (or absent) on both sides to compare folder by folder.
        if [oldRoot["programs"], newRoot["programs"]].contains(where: { $0 != nil && $0 != .directory }) {
            return everything()
        }
        var changedRoot: Set<String> = []
        for name in Self.rootFiles {
            let a = try oldRoot[name].flatMap { try old.contentKey(of: name, kind: $0) }
            let b = try newRoot[name].flatMap { try new.contentKey(of: name, kind: $0) }
            if a != b { changedRoot.insert(name) }
        }
        let oldFolders = try Self.entries(old, "programs"), newFolders = try Self.entries(new, "programs")
        var changed: Set<String> = []
        for folder in Set(oldFolders.keys).union(newFolders.keys) {
            guard let a = oldFolders[folder], let b = newFolders[folder], a == b else {
                changed.insert(folder)
                continue
            }
            guard a == .directory else { continue }
            let path = "programs/\(folder)"
            if let x = try old.folderID(of: path), let y = try new.folderID(of: path) {
                if x != y { changed.insert(folder) }
            } else if try planFileKeys(old, folder) != planFileKeys(new, folder) {
                changed.insert(folder)
            }
        }
        if changed.isEmpty && changedRoot.isEmpty {
            return (side(Workspace(), [], old), side(Workspace(), [], new))
        }

        let changedOld = WorkspaceLoader.load(from: ProgramSubsetSource(
            old.source, programs: changed.filter { oldFolders[$0] != nil }, rootFiles: changedRoot))
        let changedNew = WorkspaceLoader.load(from: ProgramSubsetSource(
            new.source, programs: changed.filter { newFolders[$0] != nil }, rootFiles: changedRoot))

        // Unchanged programs read from the new side, identical on both: the ones whole, and the
        // ones read for their milestones' dates only.
        var shared: [String: Program] = [:]
        var sharedLoads: [LoadResult] = []
        var whole = changed
        var datesOnly: Set<String> = []
        var searched: Set<QualifiedID> = []
        var scanned: [String: [UInt8]] = [:]

        func workspaces() -> (Workspace, Workspace) {
            var before = changedOld.workspace, after = changedNew.workspace
            let extra = shared.keys.sorted().map { shared[$0]! }
            before.programs += extra
            after.programs += extra
            return (before, after)
        }

        func readShared(_ folders: Set<String>, datesOnly: Bool) {
            guard !folders.isEmpty else { return }
            let load = WorkspaceLoader.load(from: ProgramSubsetSource(
                new.source, programs: datesOnly ? [] : folders, scheduleOnly: datesOnly ? folders : [], rootFiles: []))
            for program in load.workspace.programs { shared[program.folder] = program }
            sharedLoads.append(load)
        }

        while true {
            // What loaded milestones depend on, outside what is loaded.
            var upstream: Set<String> = []
            for program in changedOld.workspace.programs + changedNew.workspace.programs + whole.compactMap({ shared[$0] }) {
                for milestone in program.milestones {
                    for reference in milestone.dependsOn {
                        guard let other = reference.value.program, !whole.contains(other), !datesOnly.contains(other),
                              newFolders[other] == .directory else { continue }
                        upstream.insert(other)
                    }
                }
            }
            readShared(upstream, datesOnly: true)
            datesOnly.formUnion(upstream)

            let candidates = newFolders.filter { $0.value == .directory && !whole.contains($0.key) }.keys
            guard !candidates.isEmpty else { break }
            let (before, after) = workspaces()
            let moved = ScheduleImpact.milestonesWithChangedEnds(old: before, new: after, asOf: asOf).subtracting(searched)
            searched.formUnion(moved)
            var targets: [String: Set<String>] = [:]
            for key in moved { targets[key.program, default: []].insert(key.id) }
            guard !targets.isEmpty else { break }

            var found: Set<String> = []
            for folder in candidates {
                let path = "programs/\(folder)/\(PlanFileKind.milestones.fileName)"
                let bytes = scanned[folder] ?? new.bytes(of: path) ?? []
                scanned[folder] = bytes
                if Self.refers(bytes, to: targets) { found.insert(folder) }
            }
            guard !found.isEmpty else { break }
            readShared(found, datesOnly: false)
            whole.formUnion(found)
            datesOnly.subtract(found)
        }

        let (before, after) = workspaces()
        return (side(before, [changedOld] + sharedLoads, old), side(after, [changedNew] + sharedLoads, new))
    }

    // MARK: Helpers

    private func side(_ workspace: Workspace, _ loads: [LoadResult], _ endpoint: any DiffSideSource) -> DiffSide {
        var unreadable: [String: UnreadableFile] = [:]
        for load in loads {
            for file in DiffSide.unreadableFiles(in: load.findings) where unreadable[file.path] == nil {
                unreadable[file.path] = file
            }
        }
        for path in endpoint.conflictedPaths where PlanFileKind.classify(path) != nil {
            unreadable[path] = UnreadableFile(location: SourceLocation(path: path),
                                              message: "'\(path)' has unresolved merge conflicts in the index")
        }
        return DiffSide(workspace: workspace, unreadable: unreadable.values.sorted { $0.location < $1.location })
    }

    /// Names and kinds of what a folder holds; empty when there is no such folder.
    private static func entries(_ endpoint: any DiffSideSource, _ folder: String) throws -> [String: SourceEntry.Kind] {
        var kinds: [String: SourceEntry.Kind] = [:]
        for entry in try endpoint.source.entries(in: folder) ?? [] { kinds[entry.name] = entry.kind }
        return kinds
    }

    /// The content ids of a program folder's plan files, by name.
    private func planFileKeys(_ endpoint: any DiffSideSource, _ folder: String) throws -> [String: String] {
        let known = Set(PlanFileKind.programFiles.map(\.fileName))
        var keys: [String: String] = [:]
        for entry in try endpoint.source.entries(in: "programs/\(folder)") ?? [] where known.contains(entry.name) {
            keys[entry.name] = try endpoint.contentKey(of: "programs/\(folder)/\(entry.name)", kind: entry.kind) ?? ""
        }
        return keys
    }

    /// Whether the text mentions `program/id` for one of the targets (whole ids only). Quoting
    /// does not matter; it may find a mention that is not a reference, which only costs a read.
    public static func refers(_ bytes: [UInt8], to targets: [String: Set<String>]) -> Bool {
        let slash = UInt8(ascii: "/")
        return bytes.withUnsafeBufferPointer { text in
            var index = 0
            while index < text.count {
                guard text[index] == slash else {
                    index += 1
                    continue
                }
                var start = index
                while start > 0, ScalarParsing.isIDByte(text[start - 1]) { start -= 1 }
                var end = index + 1
                while end < text.count, ScalarParsing.isIDByte(text[end]) { end += 1 }
                if start < index, end > index + 1 {
                    let program = String(decoding: UnsafeBufferPointer(rebasing: text[start..<index]), as: UTF8.self)
                    if let ids = targets[program] {
                        let id = String(decoding: UnsafeBufferPointer(rebasing: text[(index + 1)..<end]), as: UTF8.self)
                        if ids.contains(id) { return true }
                    }
                }
                index = end
            }
            return false
        }
    }
}

/// One side of a diff as `DiffNarrowing` reads it: the plans, and cheap content ids (git object
/// ids, or the blob id of bytes on disk) that tell which program folders differ unparsed.
public protocol DiffSideSource {
    var source: any PlanSource { get }
    /// Plan files with unresolved merge conflicts (an index side), which have no single version.
    var conflictedPaths: [String] { get }
    /// An id equal on two sides exactly when the file's bytes are (kind included); `nil` when
    /// there is no such entry.
    func contentKey(of path: String, kind: SourceEntry.Kind) throws -> String?
    /// The tree id of a folder when the side is a commit; `nil` otherwise.
    func folderID(of path: String) throws -> String?
}

extension DiffSideSource {
    /// The bytes of a file, or nil when it cannot be read.
    func bytes(of path: String) -> [UInt8]? {
        try? source.contents(of: path)
    }
}
