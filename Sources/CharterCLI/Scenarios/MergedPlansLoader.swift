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
        // A conflicted file reads as an error naming both sides: not shared with other merges.
        let conflict = "conflict:" + source.ours.hex + source.theirs.hex
        return try load(source) { folder in
            (source.contentKeys(in: folder) ?? []).map { "\($0.name)=\($0.key == "conflict" ? conflict : $0.key)" }
        }
    }

    func load(_ source: GitTreeSource) throws -> LoadResult {
        try load(source) { folder in
            try (source.entries(in: folder) ?? []).map { entry in
                let path = folder.isEmpty ? entry.name : folder + "/" + entry.name
                return "\(entry.name)=\(entry.kind == .file ? try source.objectID(of: path)?.hex ?? "-" : entry.kind.rawValue)"
            }
        }
    }

    /// - Parameter contentKeys: `name=key` for each entry of a folder, where equal keys mean equal
    ///   contents (blob ids), without reading the files.
    private func load(_ source: some PlanSource, contentKeys: (String) throws -> [String]) throws -> LoadResult {
        let rootEntries = try source.entries(in: "") ?? []
        let programsEntry = rootEntries.first { $0.name == "programs" }
        let folders = programsEntry?.kind == .directory ? try source.entries(in: "programs") ?? [] : []
        // Anything unusual at the top of programs/ (a file, a link) is the full loader's to report.
        if (programsEntry != nil && programsEntry?.kind != .directory) || folders.contains(where: { $0.kind != .directory }) {
            return WorkspaceLoader.load(from: source)
        }

        let rootKeys = try contentKeys("")
        let rootKey = Self.rootFiles.map { name in rootKeys.first { $0.hasPrefix(name + "=") } ?? "-" }.joined(separator: ":")
        if roots[rootKey] == nil {
            roots[rootKey] = WorkspaceLoader.load(from: ProgramSubsetSource(source, programs: [], rootFiles: Set(Self.rootFiles)))
        }
        var result = roots[rootKey]!

        var keys: [String: String] = [:]
        var missing: Set<String> = []
        for folder in folders.map(\.name) {
            let key = folder + "/" + (try contentKeys("programs/\(folder)").joined(separator: ","))
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
}
