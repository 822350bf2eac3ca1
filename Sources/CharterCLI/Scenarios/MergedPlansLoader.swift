import CharterCore
import CharterGit

/// Loads the target and the results of many merges of the same plans, parsing each version of a program
/// folder (and of the root files) once: merges of different branches share almost every file,
/// and equal blob ids mean equal bytes, so equal positions and findings too. The assembled
/// load equals `WorkspaceLoader.load(from:)` of the merge (a test compares them).
final class MergedPlansLoader {
    private static let rootFiles = [PlanFileKind.settings.fileName, PlanFileKind.people.fileName]

    private var roots: [String: LoadResult] = [:]
    private var programs: [String: (program: Program, planFiles: [String], findings: [String: [Finding]])] = [:]

    func load(_ source: MergeSource) throws -> LoadResult {
        try load(source) { path in source.objectID(of: path)?.hex ?? "conflict:" + source.ours.hex + source.theirs.hex }
    }

    func load(_ source: GitTreeSource) throws -> LoadResult {
        try load(source) { path in try source.objectID(of: path)?.hex ?? "-" }
    }

    /// - Parameter blobKey: what identifies the content of the file at a path.
    private func load(_ source: some PlanSource, blobKey: (String) throws -> String) throws -> LoadResult {
        let rootEntries = try source.entries(in: "") ?? []
        let programsEntry = rootEntries.first { $0.name == "programs" }
        let folders = programsEntry?.kind == .directory ? try source.entries(in: "programs") ?? [] : []
        // Anything unusual at the top of programs/ (a file, a link) is the full loader's to report.
        if (programsEntry != nil && programsEntry?.kind != .directory) || folders.contains(where: { $0.kind != .directory }) {
            return WorkspaceLoader.load(from: source)
        }

        let rootKey = try Self.rootFiles.map { name in try key(name, in: rootEntries, blobKey) }.joined(separator: ":")
        if roots[rootKey] == nil {
            roots[rootKey] = WorkspaceLoader.load(from: ProgramSubsetSource(source, programs: [], rootFiles: Set(Self.rootFiles)))
        }
        var result = roots[rootKey]!

        var keys: [String: String] = [:]
        var missing: Set<String> = []
        for folder in folders.map(\.name) {
            let path = "programs/\(folder)"
            let entries = try source.entries(in: path) ?? []
            let key = folder + "/" + (try entries.map { try "\($0.name)=\(self.key(path + "/" + $0.name, in: entries, blobKey))" }
                .joined(separator: ","))
            keys[folder] = key
            if programs[key] == nil { missing.insert(folder) }
        }
        if !missing.isEmpty {
            let load = WorkspaceLoader.load(from: ProgramSubsetSource(source, programs: missing, rootFiles: []))
            for program in load.workspace.programs {
                let prefix = "programs/\(program.folder)/"
                let findings = load.findings.mapValues { $0.filter { $0.location.path.hasPrefix(prefix) } }.filter { !$0.value.isEmpty }
                programs[keys[program.folder]!] = (program, load.workspace.planFiles.filter { $0.hasPrefix(prefix) }, findings)
            }
        }
        for folder in folders.map(\.name) {
            guard let part = keys[folder].flatMap({ programs[$0] }) else { continue }
            result.workspace.programs.append(part.program)
            result.workspace.planFiles += part.planFiles
            result.findings.merge(part.findings) { $0 + $1 }
        }
        return result
    }

    /// What identifies an entry's content: a file's blob id, a conflicted file's path, a kind.
    private func key(_ path: String, in entries: [SourceEntry], _ blobKey: (String) throws -> String) throws -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let entry = entries.first(where: { $0.name == name }) else { return "-" }
        guard entry.kind == .file else { return entry.kind.rawValue }
        return try blobKey(path)
    }
}
