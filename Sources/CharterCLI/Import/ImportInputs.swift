import CharterCore

/// What `charter import` reads from the worktree: the workspace, the program, its
/// milestones.yaml as it is now; and what it makes of an import: the new text and the diff.
struct ImportInputs {
    let location: WorkspaceLocation
    let root: String
    let source: WorktreeSource
    let workspace: Workspace
    let program: Program
    /// Workspace-relative, and absolute.
    let milestonesPath: String
    let milestonesFile: String
    let originalBytes: [UInt8]?
    var originalText: String? { originalBytes.map { String(decoding: $0, as: UTF8.self) } }

    init(workspace explicit: String?, program folder: String) throws {
        location = try WorkspaceLocator.locate(explicit: explicit, needsRepository: false)
        guard let root = location.root else { throw CLIError("a bare repository has no worktree to import into") }
        self.root = root
        source = WorktreeSource(root: root)
        let load = WorkspaceLoader.load(from: source)
        workspace = load.workspace
        try ProgramSelection.check([folder], in: workspace)
        program = workspace.program(folder)!
        milestonesPath = "programs/\(folder)/\(PlanFileKind.milestones.fileName)"
        milestonesFile = root + "/" + milestonesPath
        if FileSystem.exists(milestonesFile) {
            let text = try FileSystem.readText(milestonesFile)
            originalBytes = Array(text.utf8)
        } else {
            originalBytes = nil
        }
    }

    struct Result {
        var text: String
        var diff: PlanDiff
    }

    /// The file to write and the plans' change, read back through the loader as any plan is:
    /// what the diff shows is what the file will say.
    func result(of imported: MSPDIImport, asOf: PlanDate) throws -> Result {
        let text = MilestonesFileEditor.render(original: originalText, program: program, imported: imported)
        let after = WorkspaceLoader.load(from: ReplacedFileSource(base: source, path: milestonesPath, bytes: Array(text.utf8)))
        let broken = (after.findings[RuleID.yamlSyntax] ?? []).filter { $0.location.path == milestonesPath }
        if let first = broken.first {
            throw CLIError("the milestones.yaml charter would write does not read back (\(first.location): \(first.message)); nothing was written")
        }
        return Result(text: text, diff: SemanticDiff.compare(workspace, after.workspace, asOf: asOf))
    }

    func localEdits() throws -> String? {
        try LocalEdits.reason(path: milestonesPath, worktreeBytes: originalBytes, root: root,
                              prefix: location.prefix)
    }
}
