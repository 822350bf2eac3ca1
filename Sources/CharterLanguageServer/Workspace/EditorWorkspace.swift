import CharterCore

/// The workspace as the editor sees it: the files on disk with the open buffers over them,
/// read once in full and then one unit (the root files or one program folder) per edit. Keeps,
/// besides the current model that diagnostics come from, the last model of each unit whose
/// files all parsed: navigation keeps working while a buffer is broken mid-edit.
final class EditorWorkspace {
    let root: String
    private let disk: any PlanSource
    private(set) var buffers: [String: TextDocument] = [:]
    /// Texts of files that are not open, read when a range in them is needed.
    private var diskTexts: [String: TextDocument] = [:]

    private var units: [WorkspaceUnit: LoadResult] = [:]
    private var goodUnits: [WorkspaceUnit: LoadResult] = [:]
    /// Findings about the layout itself (an unlistable folder, `programs` not being a folder).
    private var layoutFindings: [String: [Finding]] = [:]
    private var dirty: Set<WorkspaceUnit> = []
    private var needsFullLoad = true

    /// The model with every open buffer as typed: what is validated.
    private(set) var current = LoadResult(workspace: Workspace())
    /// The model navigation uses: for a unit that does not parse now, its last version that did.
    private(set) var navigation = Workspace()
    /// Bumped whenever `current` changes, so derived data (the index, the schedule) knows it is stale.
    private(set) var generation = 0

    init(root: String, disk: any PlanSource) {
        self.root = root
        self.disk = disk
    }

    /// The workspace-relative path of an absolute one, if it is inside the workspace.
    func relativePath(_ absolute: String) -> String? {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }

    func absolutePath(_ relative: String) -> String { root.hasSuffix("/") ? root + relative : root + "/" + relative }

    // MARK: Buffers

    func open(_ path: String, _ document: TextDocument) {
        buffers[path] = document
        touch(path)
    }

    func update(_ path: String, _ change: (inout TextDocument) -> Void) {
        guard var document = buffers[path] else { return }
        change(&document)
        buffers[path] = document
        touch(path)
    }

    func close(_ path: String) {
        buffers[path] = nil
        touch(path)
    }

    /// A file changed on disk (saved by another program, created, deleted).
    func diskChanged(_ path: String) {
        touch(path)
    }

    func reloadEverything() {
        diskTexts = [:]
        textChanges = [:]
        needsFullLoad = true
    }

    /// How often each path's text changed: findings of a file whose text and findings are both
    /// unchanged need not be converted again.
    private(set) var textChanges: [String: Int] = [:]

    private func touch(_ path: String) {
        textChanges[path, default: 0] += 1
        diskTexts[path] = nil
        if let unit = WorkspaceUnit(path: path) { dirty.insert(unit) } else { needsFullLoad = true }
    }

    /// The text of a plan file: its buffer, else the file on disk.
    func document(_ path: String) -> TextDocument? {
        if let buffer = buffers[path] { return buffer }
        if let cached = diskTexts[path] { return cached }
        guard let bytes = try? disk.contents(of: path) else { return nil }
        let document = TextDocument(bytes: bytes)
        diskTexts[path] = document
        return document
    }

    // MARK: Loading

    /// Re-reads what changed since the last call; returns whether anything did.
    @discardableResult
    func refresh() -> Bool {
        if needsFullLoad {
            loadEverything()
        } else if !dirty.isEmpty {
            for unit in dirty { reload(unit) }
        } else {
            return false
        }
        dirty = []
        needsFullLoad = false
        compose()
        generation += 1
        return true
    }

    private var overlay: OverlaySource {
        OverlaySource(disk: disk, buffers: buffers.mapValues(\.bytes), unit: nil)
    }

    private func loadEverything() {
        let load = WorkspaceLoader.load(from: overlay)
        units = [:]
        layoutFindings = [:]
        var byUnit: [WorkspaceUnit: LoadResult] = [:]
        // One pass over the files: a filter per program would be quadratic in a large workspace.
        var filesByUnit: [WorkspaceUnit: [String]] = [:]
        for path in load.workspace.planFiles {
            if let unit = WorkspaceUnit(path: path) { filesByUnit[unit, default: []].append(path) }
        }
        byUnit[.root] = LoadResult(workspace: Workspace(settings: load.workspace.settings, settingsPath: load.workspace.settingsPath,
                                                        people: load.workspace.people, planFiles: filesByUnit[.root] ?? []))
        for program in load.workspace.programs {
            byUnit[.program(program.folder)] = LoadResult(workspace: Workspace(
                programs: [program], planFiles: filesByUnit[.program(program.folder)] ?? []))
        }
        for (rule, findings) in load.findings {
            for finding in findings {
                if let unit = WorkspaceUnit(path: finding.location.path) {
                    byUnit[unit, default: LoadResult(workspace: Workspace())].findings[rule, default: []].append(finding)
                } else {
                    layoutFindings[rule, default: []].append(finding)
                }
            }
        }
        units = byUnit
        goodUnits = [:]
        for (unit, result) in units where Self.parses(result) { goodUnits[unit] = result }
    }

    private func reload(_ unit: WorkspaceUnit) {
        var source = overlay
        source.unit = unit
        let result = WorkspaceLoader.load(from: source)
        if result.workspace.planFiles.isEmpty && result.findings.isEmpty && result.workspace.programs.isEmpty && unit != .root {
            units[unit] = nil
            goodUnits[unit] = nil
            return
        }
        units[unit] = result
        if Self.parses(result) { goodUnits[unit] = result }
    }

    /// Whether every file of a unit parsed (schema findings are fine: the model is still there).
    private static func parses(_ result: LoadResult) -> Bool {
        !result.findings.keys.contains { $0 == RuleID.yamlSyntax || $0 == RuleID.fileEncoding || $0 == RuleID.fileUnreadable }
    }

    private func compose() {
        current = Self.compose(units, layout: layoutFindings)
        navigation = Self.compose(goodUnits, layout: [:]).workspace
    }

    private static func compose(_ units: [WorkspaceUnit: LoadResult], layout: [String: [Finding]]) -> LoadResult {
        var result = LoadResult(workspace: Workspace(), findings: layout)
        if let root = units[.root] {
            result.workspace.settings = root.workspace.settings
            result.workspace.settingsPath = root.workspace.settingsPath
            result.workspace.people = root.workspace.people
            result.workspace.planFiles = root.workspace.planFiles
        }
        let programs = units.keys.compactMap { unit -> String? in
            if case .program(let folder) = unit { return folder }
            return nil
        }.sorted()
        for folder in programs {
            guard let unit = units[.program(folder)] else { continue }
            result.workspace.programs += unit.workspace.programs
            result.workspace.planFiles += unit.workspace.planFiles
        }
        for unit in units.values {
            for (rule, findings) in unit.findings { result.findings[rule, default: []] += findings }
        }
        return result
    }
}
