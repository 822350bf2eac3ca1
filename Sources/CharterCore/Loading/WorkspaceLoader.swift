import Dispatch

/// Reads a workspace from any `PlanSource`: finds the plan files by the v1 layout, parses and
/// checks each, and builds the model. Never throws: whatever cannot be read becomes a finding.
public enum WorkspaceLoader {
    /// Plan files are small; anything larger is refused before it is read.
    public static let maxFileBytes = 8 * 1024 * 1024

    /// - Parameter parsed: program files already parsed, by path (`ProgramFilePart`): used
    ///   instead of reading and parsing the file again. What it does not give is read as usual.
    public static func load(from source: some PlanSource, parsed: (@Sendable (String) -> ProgramFilePart?)? = nil) -> LoadResult {
        var result = LoadResult(workspace: Workspace())
        var units: [Unit] = []

        let rootEntries = list(source, "", into: &result) ?? []
        for entry in rootEntries {
            if let kind = [PlanFileKind.settings, .people].first(where: { $0.fileName == entry.name }),
               accept(entry, path: entry.name, into: &result) {
                units.append(Unit(folder: nil, files: [PlanFile(path: entry.name, kind: kind)]))
            }
        }
        if let programsEntry = rootEntries.first(where: { $0.name == "programs" }) {
            if programsEntry.kind == .directory {
                for folder in list(source, "programs", into: &result) ?? [] {
                    let files = programFiles(in: folder, source: source, into: &result)
                    if !files.isEmpty { units.append(Unit(folder: folder.name, files: files)) }
                }
            } else {
                result.report(RuleID.fileUnreadable, Finding(at: SourceLocation(path: "programs"),
                    programsEntry.kind == .submodule ? submoduleProblem("programs")
                        : "'programs' must be a folder holding one folder per program"))
            }
        }

        // One unit (a root file, or a program folder) is read, parsed, checked and turned into
        // model values on one core, and its YAML trees are dropped before the next: memory holds
        // the model plus one unit in flight per core, never the whole workspace as YAML. A source
        // that can hand each thread a reader of its own is read on every core too; any other
        // takes turns (libgit2 handles are not shared across threads).
        let reader = UnitReader(source, unitCount: units.count)
        let loaded = ParallelMap.map(units) { unit in reader.reading { load(unit, read: $0, parsed: parsed) } }

        // Findings in the order a file-by-file load makes them: every read failure, then what
        // parsing found, file by file.
        for unit in loaded {
            for finding in unit.readFindings { result.report(RuleID.fileUnreadable, finding) }
        }
        var programs: [Program] = []
        programs.reserveCapacity(units.count)
        for (unit, loadedUnit) in zip(units, loaded) {
            result.workspace.planFiles += unit.files.map(\.path)
            for (rule, finding) in loadedUnit.parseFindings { result.report(rule, finding) }
            switch loadedUnit.model {
            case .settings(let settings, let path)?:
                result.workspace.settings = settings
                result.workspace.settingsPath = path
            case .people(let people)?:
                result.workspace.people = people
            case .program(let program)?:
                programs.append(program)
            case nil:
                break
            }
        }
        result.workspace.programs = programs
        return result
    }

    /// A plan file found by the layout.
    struct PlanFile: Sendable {
        var path: String
        var kind: PlanFileKind
    }

    /// What one core loads at a time: a root file (`folder` is `nil`), or one program's folder.
    struct Unit: Sendable {
        var folder: String?
        var files: [PlanFile]
    }

    /// A unit as model values, with no YAML left in it.
    struct LoadedUnit: Sendable {
        enum Model: Sendable {
            case settings(Settings, path: String)
            case people([Person])
            case program(Program)
        }

        var model: Model?
        var readFindings: [Finding] = []
        var parseFindings: [(String, Finding)] = []
    }

    private static func load(_ unit: Unit, read: (String) -> Result<[UInt8], ReadFailure>, parsed: (@Sendable (String) -> ProgramFilePart?)?) -> LoadedUnit {
        var loaded = LoadedUnit()
        var program = unit.folder.map(Program.init(folder:))
        for file in unit.files {
            if program != nil, let part = parsed?(file.path), part.kind == file.kind {
                loaded.parseFindings += part.findings
                program!.adopt(part)
                continue
            }
            let bytes: [UInt8]
            switch read(file.path) {
            case .success(let read): bytes = read
            case .failure(let failure): loaded.readFindings.append(failure.finding); continue
            }
            let parsed = parse(bytes, path: file.path, kind: file.kind)
            loaded.parseFindings += parsed.findings
            guard let fields = parsed.reader else { continue }
            switch file.kind {
            case .settings: loaded.model = .settings(ModelBuilder.settings(fields), path: file.path)
            case .people: loaded.model = .people(fields.objects("people").compactMap(ModelBuilder.person))
            default: if program != nil { fill(&program!, kind: file.kind, reader: fields) }
            }
        }
        if let program { loaded.model = .program(program) }
        return loaded
    }

    static func fill(_ program: inout Program, kind: PlanFileKind, reader: FieldReader) {
        switch kind {
        case .program: ModelBuilder.fillProgram(&program, from: reader)
        case .milestones: program.milestones = reader.objects("milestones").compactMap(ModelBuilder.milestone)
        case .risks: program.risks = reader.objects("risks").compactMap(ModelBuilder.risk)
        case .budget: program.budgetLines = reader.objects("lines").compactMap(ModelBuilder.budgetLine)
        case .decisions: program.decisions = reader.objects("decisions").compactMap(ModelBuilder.decision)
        case .kpis: program.kpis = reader.objects("kpis").compactMap(ModelBuilder.kpi)
        case .lessons: program.lessons = reader.objects("lessons").compactMap(ModelBuilder.lesson)
        case .settings, .people: break
        }
    }

    /// One program file read on its own (for readers that need a single kind, such as the
    /// lessons register), into a program holding only that file's entities; `nil` when the file
    /// is absent, unreadable or has no usable document.
    public static func loadList(_ path: String, kind: PlanFileKind, from source: some PlanSource) -> Program? {
        guard case .success(let bytes) = read(path, source: source),
              let fields = parse(bytes, path: path, kind: kind).reader,
              let folder = PlanFileKind.classify(path)?.programFolder else { return nil }
        var program = Program(folder: folder)
        fill(&program, kind: kind, reader: fields)
        return program
    }

    private static func programFiles(
        in folder: SourceEntry, source: some PlanSource, into result: inout LoadResult
    ) -> [PlanFile] {
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
        var found: [PlanFile] = []
        let known = PlanFileKind.programFiles.map(\.fileName)
        for entry in list(source, folderPath, into: &result) ?? [] {
            let path = "\(folderPath)/\(entry.name)"
            if let kind = PlanFileKind.programFiles.first(where: { $0.fileName == entry.name }) {
                if accept(entry, path: path, into: &result) { found.append(PlanFile(path: path, kind: kind)) }
            } else if entry.name.hasSuffix(".yaml") || entry.name.hasSuffix(".yml") {
                let stem = entry.name.hasSuffix(".yml") ? String(entry.name.dropLast(4)) + ".yaml" : entry.name
                let suggestion = Suggestion.closest(to: stem, in: known)
                result.report(RuleID.unknownFile, Finding(at: SourceLocation(path: path),
                    "Charter does not read '\(entry.name)'\(suggestion == nil ? "; program folders hold " + known.joined(separator: ", ") : Suggestion.phrase(suggestion))",
                    suggestion: suggestion))
            }
        }
        if !found.contains(where: { $0.kind == .program }) {
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

    /// Why a file's bytes could not be had, as the finding that says so.
    struct ReadFailure: Error {
        var finding: Finding
    }

    static func read(_ path: String, source: some PlanSource) -> Result<[UInt8], ReadFailure> {
        read(path) { try source.contents(of: $0) }
    }

    static func read(_ path: String, contents: (String) throws -> [UInt8]) -> Result<[UInt8], ReadFailure> {
        let bytes: [UInt8]
        do {
            bytes = try contents(path)
        } catch {
            return .failure(ReadFailure(finding: Finding(at: SourceLocation(path: path), "cannot read '\(path)': \(error)")))
        }
        if bytes.count > maxFileBytes {
            return .failure(ReadFailure(finding: Finding(at: SourceLocation(path: path),
                "'\(path)' is \(formatBytes(bytes.count)); plan files are limited to \(formatBytes(maxFileBytes))")))
        }
        return .success(bytes)
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
