import ArgumentParser
import CharterCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a workspace, or add a program to one from a template.",
        discussion: """
        'charter init --workspace' writes charter.yaml, people.yaml and programs/ in the current folder (or -C DIR). \
        'charter init PROGRAM-ID' writes programs/PROGRAM-ID/ from a template. Existing files are never overwritten. \
        Templates: \(Templates.programTemplateNames.joined(separator: ", ")).
        """
    )

    @Flag(help: "Create a workspace (charter.yaml, people.yaml, programs/) instead of a program.")
    var workspace = false

    @Argument(help: ArgumentHelp("Id of the new program: letters, digits, '.', '_', '-'. Also its folder name.", valueName: "program-id"))
    var programID: String?

    @Option(help: ArgumentHelp("Template for the program.", valueName: "name"))
    var template = "minimal"

    @Option(help: ArgumentHelp("Display name of the program (default: from the id).", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("Person id of the program owner (default: the first person in people.yaml).", valueName: "person"))
    var owner: String?

    @OptionGroup var workspaceOption: WorkspaceOption

    func validate() throws {
        if workspace && programID != nil { throw ValidationError("give either --workspace or a program id, not both") }
        if !workspace && programID == nil { throw ValidationError("give a program id, or --workspace to start a workspace") }
        if let programID, !ScalarParsing.isIdentifier(programID) {
            throw ValidationError("'\(programID)' is not a valid program id: use letters, digits, '.', '_' and '-'")
        }
        if !workspace, !Templates.programTemplateNames.contains(template) {
            throw ValidationError("no template '\(template)'\(Suggestion.didYouMean(template, in: Templates.programTemplateNames)); templates: \(Templates.programTemplateNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        try UsageErrors.exit2 {
            if workspace { try createWorkspace() } else { try createProgram(programID!) }
        }
    }

    private func createWorkspace() throws {
        let root = FileSystem.absolute(workspaceOption.workspace ?? ".")
        let values = ["today": Clock.today().description]
        let files = Templates.files(in: "workspace").map { (root + "/" + $0.path, Templates.fill($0.text, values)) }
        try write(files, andCreate: [root + "/programs"])
        Terminal.write("""
        Created a Charter workspace in \(root):
          charter.yaml   settings and policy
          people.yaml    the people plans refer to
          programs/      one folder per program
        Next: add people to people.yaml, then 'charter init <program-id>' and 'charter validate'.
        """)
    }

    private func createProgram(_ id: String) throws {
        let location = try WorkspaceLocator.locate(explicit: workspaceOption.workspace, needsRepository: false)
        let root = location.root!
        let folder = root + "/programs/" + id
        if FileSystem.exists(folder) { throw CLIError("programs/\(id) already exists; choose another id or edit it") }
        let load = WorkspaceLoader.load(from: WorktreeSource(root: root))
        if load.workspace.program(id) != nil { throw CLIError("program \(id) already exists") }
        let values = [
            "id": id,
            "name": Templates.yamlScalar(name ?? Templates.displayName(for: id)),
            "owner": owner ?? load.workspace.people.first?.id.value ?? "owner",
            "today": Clock.today().description,
        ]
        let files = Templates.files(in: template).map { (folder + "/" + $0.path, Templates.fill($0.text, values)) }
        try write(files, andCreate: [])
        Terminal.write("Created programs/\(id)/ from the '\(template)' template:")
        for (path, _) in files { Terminal.write("  " + (FileSystem.relative(path, to: root) ?? path)) }
        if load.workspace.settingsPath == nil {
            Terminal.write("Note: \(root) has no charter.yaml; run 'charter init --workspace' there to add settings and people.yaml.")
        }
        Terminal.write("Next: edit the files, then run 'charter validate'.")
    }

    /// Refuses before writing anything if any target exists; then writes each file atomically.
    private func write(_ files: [(String, String)], andCreate folders: [String]) throws {
        let existing = files.map(\.0).filter(FileSystem.exists)
        if !existing.isEmpty {
            throw CLIError("not overwriting existing files: \(existing.joined(separator: ", "))")
        }
        do {
            for (path, text) in files { try FileSystem.writeAtomically(text, to: path) }
            for folder in folders { try FileSystem.createDirectory(folder) }
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError(FileSystem.describe(error))
        }
    }
}
