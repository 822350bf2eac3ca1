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

        var rootFindings: [(String, Finding)] = []
        let rootEntries = listing("", { try source.entries(in: $0) }, into: &rootFindings) ?? []
        for entry in rootEntries {
            if let kind = [PlanFileKind.settings, .people].first(where: { $0.fileName == entry.name }),
               accept(entry, path: entry.name, into: &rootFindings) {
                units.append(.rootFile(PlanFile(path: entry.name, kind: kind)))
            }
        }
        for (rule, finding) in rootFindings { result.report(rule, finding) }
        if let programsEntry = rootEntries.first(where: { $0.name == "programs" }) {
            if programsEntry.kind == .directory {
                units += (list(source, "programs", into: &result) ?? []).map(Unit.folder)
            } else {
                result.report(RuleID.fileUnreadable, Finding(at: SourceLocation(path: "programs"),
                    programsEntry.kind == .submodule ? submoduleProblem("programs")
                        : "'programs' must be a folder holding one folder per program"))
            }
        }

        // One unit (a root file, or a program folder) is listed, read, parsed, checked and turned
        // into model values on one core, and its YAML trees are dropped before the next: memory
        // holds the model plus one unit in flight per core, never the whole workspace as YAML. A
        // source that can hand each thread a reader of its own is listed and read on every core
        // too; any other takes turns (libgit2 handles are not shared across threads).
        let loaded = ParallelMap.map(units) { [reader = UnitReader(source, unitCount: units.count)] unit in
            reader.reading { load(unit, through: $0, parsed: parsed) }
        }

        // Findings in the order a file-by-file load makes them: what listing each folder found,
        // every read failure, then what parsing found, file by file.
        for unit in loaded {
            for (rule, finding) in unit.listFindings { result.report(rule, finding) }
        }
        for unit in loaded {
            for finding in unit.readFindings { result.report(RuleID.fileUnreadable, finding) }
        }
        var programs: [Program] = []
        programs.reserveCapacity(units.count)
        for unit in loaded {
            result.workspace.planFiles += unit.files.map(\.path)
            for (rule, finding) in unit.parseFindings { result.report(rule, finding) }
            switch unit.model {
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

    /// What one core loads at a time: a root file, or one entry of `programs` (a program's folder,
    /// listed by the core that loads it).
    enum Unit: Sendable {
        case rootFile(PlanFile)
        case folder(SourceEntry)
    }

    /// A unit as model values, with no YAML left in it.
    struct LoadedUnit: Sendable {
        enum Model: Sendable {
            case settings(Settings, path: String)
            case people([Person])
            case program(Program)
        }

        /// The plan files the unit holds, in reading order.
        var files: [PlanFile] = []
        var model: Model?
        var listFindings: [(String, Finding)] = []
        var readFindings: [Finding] = []
        var parseFindings: [(String, Finding)] = []
    }

    private static func load(_ unit: Unit, through access: UnitAccess, parsed: (@Sendable (String) -> ProgramFilePart?)?) -> LoadedUnit {
        var loaded = LoadedUnit()
        var program: Program?
        switch unit {
        case .rootFile(let file):
            loaded.files = [file]
        case .folder(let folder):
            loaded.files = programFiles(in: folder, list: access.list, into: &loaded.listFindings)
            // A folder without plan files is no program (its listing said why).
            guard !loaded.files.isEmpty else { return loaded }
            program = Program(folder: folder.name)
        }
        for file in loaded.files {
            if program != nil, let part = parsed?(file.path), part.kind == file.kind {
                loaded.parseFindings += part.findings
                program!.adopt(part)
                continue
            }
            let parsedFile: ParsedFile
            switch access.read(file.path) {
            // The bytes are dropped as soon as they are parsed: the YAML tree holds its own text.
            case .success(let bytes): parsedFile = parse(bytes, path: file.path, kind: file.kind)
            case .failure(let failure): loaded.readFindings.append(failure.finding); continue
            }
            loaded.parseFindings += parsedFile.findings
            guard let fields = parsedFile.reader else { continue }
            switch file.kind {
            case .settings: loaded.model = .settings(ModelBuilder.settings(fields), path: file.path)
            case .people: loaded.model = .people(fields.objects("people").compactMapSized(ModelBuilder.person))
            default: if program != nil { fill(&program!, kind: file.kind, reader: fields) }
            }
        }
        if let program { loaded.model = .program(program) }
        return loaded
    }

    static func fill(_ program: inout Program, kind: PlanFileKind, reader: FieldReader) {
        switch kind {
        case .program: ModelBuilder.fillProgram(&program, from: reader)
        case .milestones: program.milestones = reader.objects("milestones").compactMapSized(ModelBuilder.milestone)
        case .risks: program.risks = reader.objects("risks").compactMapSized(ModelBuilder.risk)
        case .budget: program.budgetLines = reader.objects("lines").compactMapSized(ModelBuilder.budgetLine)
        case .decisions: program.decisions = reader.objects("decisions").compactMapSized(ModelBuilder.decision)
        case .kpis: program.kpis = reader.objects("kpis").compactMapSized(ModelBuilder.kpi)
        case .lessons: program.lessons = reader.objects("lessons").compactMapSized(ModelBuilder.lesson)
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
        in folder: SourceEntry, list: (String) throws -> [SourceEntry]?, into findings: inout [(String, Finding)]
    ) -> [PlanFile] {
        let folderPath = "programs/\(folder.name)"
        guard folder.kind == .directory else {
            if folder.kind == .symlink {
                findings.append((RuleID.fileUnreadable, Finding(at: SourceLocation(path: folderPath),
                    "'\(folderPath)' is a symbolic link; a program must be a real folder so git and Charter see the same plans")))
            } else if folder.kind == .submodule {
                findings.append((RuleID.fileUnreadable, Finding(at: SourceLocation(path: folderPath), submoduleProblem(folderPath))))
            } else if folder.name.hasSuffix(".yaml") || folder.name.hasSuffix(".yml") {
                findings.append((RuleID.unknownFile, Finding(at: SourceLocation(path: folderPath),
                    "plan files belong in a program's folder: programs/<program-id>/\(folder.name)")))
            }
            return []
        }
        var found: [PlanFile] = []
        let known = PlanFileKind.programFiles.map(\.fileName)
        for entry in listing(folderPath, list, into: &findings) ?? [] {
            let path = "\(folderPath)/\(entry.name)"
            if let kind = PlanFileKind.programFiles.first(where: { $0.fileName == entry.name }) {
                if accept(entry, path: path, into: &findings) { found.append(PlanFile(path: path, kind: kind)) }
            } else if entry.name.hasSuffix(".yaml") || entry.name.hasSuffix(".yml") {
                let stem = entry.name.hasSuffix(".yml") ? String(entry.name.dropLast(4)) + ".yaml" : entry.name
                let suggestion = Suggestion.closest(to: stem, in: known)
                findings.append((RuleID.unknownFile, Finding(at: SourceLocation(path: path),
                    "Charter does not read '\(entry.name)'\(suggestion == nil ? "; program folders hold " + known.joined(separator: ", ") : Suggestion.phrase(suggestion))",
                    suggestion: suggestion)))
            }
        }
        if !found.contains(where: { $0.kind == .program }) {
            findings.append((RuleID.missingField, Finding(at: SourceLocation(path: "\(folderPath)/program.yaml"),
                "program folder '\(folder.name)' has no program.yaml (it needs at least id, name, owner, status and start)")))
        }
        return found
    }

    /// One rule for a submodule wherever it is met (worktree, index, any commit): it is not a
    /// program folder, because its plans are not in this repository's commits.
    static func submoduleProblem(_ path: String) -> String {
        "'\(path)' is a git submodule, not a program folder: Charter reads only this repository's own files"
    }

    /// Whether an entry named like a plan file can be read as one.
    private static func accept(_ entry: SourceEntry, path: String, into findings: inout [(String, Finding)]) -> Bool {
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
            findings.append((RuleID.fileUnreadable, Finding(at: SourceLocation(path: path), problem)))
            return false
        }
        return true
    }

    private static func list(_ source: some PlanSource, _ directory: String, into result: inout LoadResult) -> [SourceEntry]? {
        var findings: [(String, Finding)] = []
        defer { for (rule, finding) in findings { result.report(rule, finding) } }
        return listing(directory, { try source.entries(in: $0) }, into: &findings)
    }

    private static func listing(
        _ directory: String, _ list: (String) throws -> [SourceEntry]?, into findings: inout [(String, Finding)]
    ) -> [SourceEntry]? {
        do {
            return try list(directory)
        } catch {
            findings.append((RuleID.fileUnreadable, Finding(at: SourceLocation(path: directory.isEmpty ? "." : directory),
                "cannot list '\(directory.isEmpty ? "." : directory)': \(error)")))
            return nil
        }
    }

    /// Why a file's bytes could not be had, as the finding that says so.
    struct ReadFailure: Error {
        var finding: Finding
    }

    /// A file's bytes or why there are none: `Result<[UInt8], ReadFailure>` without the generic
    /// type, whose first use costs a hook a scan of every conformance record (`ReadFailure: Error`).
    enum ReadResult {
        case success([UInt8])
        case failure(ReadFailure)
    }

    static func read(_ path: String, source: some PlanSource) -> ReadResult {
        read(path) { try source.contents(of: $0) }
    }

    static func read(_ path: String, contents: (String) throws -> [UInt8]) -> ReadResult {
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
