import ArgumentParser
import Foundation
import CharterCore
import CharterLanguageServer
import JSONRPC

struct Lsp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server: diagnostics, navigation and completion for plan files in any LSP editor.",
        discussion: """
        Speaks the Language Server Protocol 3.17 over stdin and stdout; an editor starts it, \
        nobody types it. The workspace is the client's root folder (or the current one), found \
        as for validate. Open buffers stand in for the files on disk, and every rule runs as you \
        type. See docs/editors.md for VS Code, Neovim, Helix, Zed and Emacs.
        """
    )

    @OptionGroup var workspace: WorkspaceOption

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge overdue milestones and forecasts against this day (YYYY-MM-DD). Default: today.", valueName: "date"))
    var asOf: String?

    @Flag(name: .customLong("stdio"), help: "Accepted for editors that pass it; stdio is the only transport.")
    var stdio = false

    func validate() throws {
        if let asOf, PlanDate(asOf) == nil { throw ValidationError("--as-of must be a date (YYYY-MM-DD), found '\(asOf)'") }
    }

    func run() throws {
        let explicit = workspace.workspace.map { FileSystem.absolute($0) }
        let server = LanguageServer(LanguageServer.Configuration(
            asOf: asOf.flatMap(PlanDate.init) ?? Clock.today(),
            startFolder: explicit ?? FileSystem.absolute("."),
            locateWorkspace: { folder in explicit ?? WorkspaceLocator.search(from: folder) },
            diskSource: { WorktreeSource(root: $0) },
            version: Charter.version,
            trace: ProcessInfo.processInfo.environment["CHARTER_LSP_TRACE"] == nil ? nil : { Connection.standardError($0) }))
        Connection().run(server)
        throw ExitCode(server.exitCode)
    }
}
