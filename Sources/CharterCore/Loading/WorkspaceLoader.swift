/// Reads a workspace from any `PlanSource`: finds the plan files by the v1 layout, parses and
/// checks each, and builds the model. Never throws: whatever cannot be read becomes a finding.
public enum WorkspaceLoader {
    /// Plan files are small; anything larger is refused before it is read.
    public static let maxFileBytes = 8 * 1024 * 1024

    public static func load(from source: some PlanSource) -> LoadResult {
        var result = LoadResult(workspace: Workspace())
        var files: [(path: String, kind: PlanFileKind, folder: String?)] = []

        let rootEntries = list(source, "", into: &result) ?? []
        for entry in rootEntries {
            if let kind = [PlanFileKind.settings, .people].first(where: { $0.fileName == entry.name }),
               accept(entry, path: entry.name, into: &result) {
                files.append((entry.name, kind, nil))
            }
        }
        if let programsEntry = rootEntries.first(where: { $0.name == "programs" }) {
            if programsEntry.kind == .directory {
                for folder in list(source, "programs", into: &result) ?? [] {
                    files += programFiles(in: folder, source: source, into: &result)
                }
            } else {
                result.report(RuleID.fileUnreadable, Finding(at: SourceLocation(path: "programs"),
                    programsEntry.kind == .submodule ? submoduleProblem("programs")
                        : "'programs' must be a folder holding one folder per program"))
            }
        }

        // Reading goes through the source one file at a time (libgit2 handles are not shared
        // across threads); parsing and schema checks are pure, so they run on every core.
        let contents = files.map { read($0.path, source: source, into: &result) }
        let parsed = ParallelMap.map(Array(zip(files, contents))) { file, bytes in
            bytes.map { parse($0, path: file.path, kind: file.kind) }
        }

        var programs: [String: Program] = [:]
        var programOrder: [String] = []
        for (file, parsedFile) in zip(files, parsed) {
            result.workspace.planFiles.append(file.path)
            for (rule, finding) in parsedFile?.findings ?? [] { result.report(rule, finding) }
            if let folder = file.folder, programs[folder] == nil {
                programs[folder] = Program(folder: folder)
                programOrder.append(folder)
            }
            guard let reader = parsedFile?.reader else { continue }
            switch file.kind {
            case .settings:
                result.workspace.settings = ModelBuilder.settings(reader)
                result.workspace.settingsPath = file.path
            case .people:
                result.workspace.people = reader.objects("people").compactMap(ModelBuilder.person)
            default:
                guard let folder = file.folder else { continue }
                fill(&programs[folder]!, kind: file.kind, reader: reader)
            }
        }
        result.workspace.programs = programOrder.map { programs[$0]! }
        return result
    }

    private static func fill(_ program: inout Program, kind: PlanFileKind, reader: FieldReader) {
        switch kind {
        case .program: ModelBuilder.fillProgram(&program, from: reader)
        case .milestones: program.milestones = reader.objects("milestones").compactMap(ModelBuilder.milestone)
        case .risks: program.risks = reader.objects("risks").compactMap(ModelBuilder.risk)
        case .budget: program.budgetLines = reader.objects("lines").compactMap(ModelBuilder.budgetLine)
        case .decisions: program.decisions = reader.objects("decisions").compactMap(ModelBuilder.decision)
        case .kpis: program.kpis = reader.objects("kpis").compactMap(ModelBuilder.kpi)
        case .settings, .people: break
        }
    }

    private static func programFiles(
        in folder: SourceEntry, source: some PlanSource, into result: inout LoadResult
    ) -> [(path: String, kind: PlanFileKind, folder: String?)] {
        let folderPath = "programs/\(folder.name)"
        guard folder.kind == .directory else {
            if folder.kind == .symlink {
                result.report(RuleID.fileUnreadable, Finding(at: SourceLocation(path: folderPath),
                    "'\(folderPath)' is a symbolic link; a program must be a real folder so git and Charter see the same plans"))
            } else if folder.kind == .submodule {
                result.report(RuleID.fileUnreadable, Finding(at: SourceLocation(path: folderPath), submoduleProblem(folderPath)))
            } else if folder.name.hasSuffix(".yaml") || folder.name.hasSuffix(".yml") {
                result.report(RuleID.unknownFile, Finding(at: SourceLocation(path: folderPath),
                    "plan files belong in a program's folder: programs/<program-id>/\(folder.name)"))
            }
            return []
        }
        var found: [(String, PlanFileKind, String?)] = []
        let known = PlanFileKind.programFiles.map(\.fileName)
        for entry in list(source, folderPath, into: &result) ?? [] {
            let path = "\(folderPath)/\(entry.name)"
            if let kind = PlanFileKind.programFiles.first(where: { $0.fileName == entry.name }) {
                if accept(entry, path: path, into: &result) { found.append((path, kind, folder.name)) }
            } else if entry.name.hasSuffix(".yaml") || entry.name.hasSuffix(".yml") {
                let stem = entry.name.hasSuffix(".yml") ? String(entry.name.dropLast(4)) + ".yaml" : entry.name
                let suggestion = Suggestion.closest(to: stem, in: known)
                result.report(RuleID.unknownFile, Finding(at: SourceLocation(path: path),
                    "Charter does not read '\(entry.name)'\(suggestion == nil ? "; program folders hold " + known.joined(separator: ", ") : Suggestion.phrase(suggestion))",
                    suggestion: suggestion))
            }
        }
        if !found.contains(where: { $0.1 == .program }) {
            result.report(RuleID.missingField, Finding(at: SourceLocation(path: "\(folderPath)/program.yaml"),
                "program folder '\(folder.name)' has no program.yaml (it needs at least id, name, owner, status and start)"))
        }
        return found
    }

    /// One rule for a submodule wherever it is met (worktree, index, any commit): it is not a
    /// program folder, because its plans are not in this repository's commits.
    static func submoduleProblem(_ path: String) -> String {
        "'\(path)' is a git submodule, not a program folder: Charter reads only this repository's own files"
    }

    /// Whether an entry named like a plan file can be read as one.
    private static func accept(_ entry: SourceEntry, path: String, into result: inout LoadResult) -> Bool {
        let problem: String?
        switch entry.kind {
        case .file:
            if let size = entry.size, size > maxFileBytes {
                problem = "'\(path)' is \(formatBytes(size)); plan files are limited to \(formatBytes(maxFileBytes))"
            } else {
                problem = nil
            }
        case .directory: problem = "'\(path)' is a folder, but Charter expects a YAML file by that name"
        case .symlink: problem = "'\(path)' is a symbolic link; Charter reads only regular files so git and disk agree"
        case .submodule: problem = submoduleProblem(path)
        case .other: problem = "'\(path)' is not a regular file"
        }
        if let problem {
            result.report(RuleID.fileUnreadable, Finding(at: SourceLocation(path: path), problem))
            return false
        }
        return true
    }

    private static func list(_ source: some PlanSource, _ directory: String, into result: inout LoadResult) -> [SourceEntry]? {
        do {
            return try source.entries(in: directory)
        } catch {
            result.report(RuleID.fileUnreadable, Finding(at: SourceLocation(path: directory.isEmpty ? "." : directory),
                "cannot list '\(directory.isEmpty ? "." : directory)': \(error)"))
            return nil
        }
    }

    private static func read(_ path: String, source: some PlanSource, into result: inout LoadResult) -> [UInt8]? {
        let bytes: [UInt8]
        do {
            bytes = try source.contents(of: path)
        } catch {
            result.report(RuleID.fileUnreadable, Finding(at: SourceLocation(path: path), "cannot read '\(path)': \(error)"))
            return nil
        }
        if bytes.count > maxFileBytes {
            result.report(RuleID.fileUnreadable, Finding(at: SourceLocation(path: path),
                "'\(path)' is \(formatBytes(bytes.count)); plan files are limited to \(formatBytes(maxFileBytes))"))
            return nil
        }
        return bytes
    }

    /// One file's YAML tree (when it has a usable document) and what reading it found.
    struct ParsedFile: Sendable {
        var reader: FieldReader?
        var findings: [(String, Finding)]
    }

    /// Parses and schema-checks one file.
    static func parse(_ bytes: [UInt8], path: String, kind: PlanFileKind) -> ParsedFile {
        let root: YAMLNode?
        do {
            root = try YAMLLoader.load(bytes)
        } catch {
            let rule: String
            switch error.kind {
            case .encoding: rule = RuleID.fileEncoding
            case .syntax, .limits: rule = RuleID.yamlSyntax
            }
            return ParsedFile(reader: nil, findings: [(rule, Finding(at: SourceLocation(path: path, position: error.position), error.message))])
        }
        guard let root else {
            let advice = kind == .program ? "a program needs id, name, owner, status and start" : "delete it or add its entries"
            return ParsedFile(reader: nil, findings: [(RuleID.emptyFile, Finding(at: SourceLocation(path: path), "'\(path)' is empty; \(advice)"))])
        }
        var checker = SchemaChecker(path: path)
        checker.checkRoot(root, schema: kind.schema)
        return ParsedFile(reader: root.pairs == nil ? nil : FieldReader(node: root, path: path), findings: checker.findings)
    }

    static func formatBytes(_ count: Int) -> String {
        count >= 1024 * 1024 ? "\(count / (1024 * 1024)) MiB" : count >= 1024 ? "\(count / 1024) KiB" : "\(count) bytes"
    }
}
