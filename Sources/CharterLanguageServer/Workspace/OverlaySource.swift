import CharterCore

/// The files on disk with the editor's open buffers laid over them: a buffer's unsaved text
/// stands in for its file, and a buffer of a file not yet saved is listed as if it existed.
/// Optionally narrowed to one unit (the root files, or one program's folder) so that one edit
/// re-reads only that unit.
struct OverlaySource: PlanSource {
    var disk: any PlanSource
    var buffers: [String: [UInt8]]
    var unit: WorkspaceUnit?

    var sourceDescription: String { "editor" }

    func entries(in directory: String) throws -> [SourceEntry]? {
        // Re-reading one program need not list (and stat) every program folder on disk.
        if directory == "programs", case .program(let folder)? = unit {
            let exists = try disk.entries(in: "programs/\(folder)") != nil
                || buffers.keys.contains { $0.hasPrefix("programs/\(folder)/") }
            return exists ? [SourceEntry(name: folder, kind: .directory)] : []
        }
        var listed = try disk.entries(in: directory)
        let prefix = directory.isEmpty ? "" : directory + "/"
        for path in buffers.keys where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            let name = String(rest.prefix { $0 != "/" })
            let kind: SourceEntry.Kind = rest.contains("/") ? .directory : .file
            if listed?.contains(where: { $0.name == name }) == true { continue }
            listed = (listed ?? []) + [SourceEntry(name: name, kind: kind)]
        }
        guard let entries = listed, let unit else { return listed?.sorted { $0.name < $1.name } }
        return entries.filter { unit.admits(directory: directory, entry: $0.name) }.sorted { $0.name < $1.name }
    }

    func contents(of path: String) throws -> [UInt8] {
        if let buffer = buffers[path] { return buffer }
        return try disk.contents(of: path)
    }
}

/// The parts a workspace is re-read in: the root files (`charter.yaml`, `people.yaml`), and each
/// program folder. An edit re-reads the unit of its file; everything else is kept.
enum WorkspaceUnit: Hashable, Sendable {
    case root
    case program(String)

    /// The unit a workspace-relative path belongs to, if any.
    init?(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 1, PlanFileKind.classify(path) != nil {
            self = .root
        } else if parts.count >= 2, parts[0] == "programs", !parts[1].isEmpty {
            self = .program(String(parts[1]))
        } else {
            return nil
        }
    }

    /// Whether a listing of `directory` shows `entry` when only this unit is read.
    func admits(directory: String, entry: String) -> Bool {
        switch (self, directory) {
        case (.root, ""): return entry != "programs"
        case (.root, _): return false
        case (.program, ""): return entry == "programs"
        case (.program(let folder), "programs"): return entry == folder
        case (.program, _): return true
        }
    }
}
