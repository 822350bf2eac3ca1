import CharterCore
import JSONRPC

/// Charter's language server: the LSP 3.17 lifecycle (initialize, shutdown, exit), document
/// sync (full or incremental), and every feature, answered from the editor's view of the
/// workspace. Works on one thread: requests are answered in order, and diagnostics are
/// computed once a burst of edits has been read (`idle`).
public final class LanguageServer: MessageHandler {
    public struct Configuration {
        /// The day findings and forecasts are judged on (today, unless the user pins one).
        public var asOf: PlanDate
        /// The folder the server was started in: the workspace is found from here when the client names none.
        public var startFolder: String
        /// The workspace root for a folder (the nearest one with charter.yaml, programs/ or people.yaml).
        public var locateWorkspace: (String) -> String
        /// The files on disk under a workspace root.
        public var diskSource: (String) -> any PlanSource
        public var version: String
        /// Where timings of each re-validation go, when asked for (CHARTER_LSP_TRACE).
        public var trace: ((String) -> Void)?

        public init(asOf: PlanDate, startFolder: String, locateWorkspace: @escaping (String) -> String,
                    diskSource: @escaping (String) -> any PlanSource, version: String, trace: ((String) -> Void)? = nil) {
            self.trace = trace
            self.asOf = asOf
            self.startFolder = startFolder
            self.locateWorkspace = locateWorkspace
            self.diskSource = diskSource
            self.version = version
        }
    }

    private enum State {
        case waitingForInitialize
        case running
        case shuttingDown
        case exited
    }

    private let configuration: Configuration
    private var state = State.waitingForInitialize
    private var workspace: EditorWorkspace?
    private let publisher = DiagnosticPublisher()
    private var diagnostics: [Diagnostic] = []
    /// Kept between edits: after one, rules re-run only for the programs it can have changed.
    private var validation: IncrementalValidation
    private var index: (generation: Int, index: SymbolIndex)?
    private var forecasts: (generation: Int, value: [QualifiedID: ScheduleAdapter.Forecast]?)?

    /// 0 after `shutdown` (then `exit`, or the end of the input), 1 without `shutdown`, as LSP asks.
    public var exitCode: Int32 { shutDown ? 0 : 1 }
    private var shutDown = false
    public var isFinished: Bool { state == .exited }

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        validation = IncrementalValidation(asOf: configuration.asOf)
    }

    // MARK: MessageHandler

    public func handle(_ message: Message, on connection: Connection) {
        switch message {
        case .request(let id, let method, let params):
            connection.reply(to: id, answer(method, params, connection))
        case .notification(let method, let params):
            receive(method, params)
        case .response:
            break // Answers to our own requests (none that need handling).
        }
    }

    public func idle(on connection: Connection) {
        guard state == .running else { return }
        synchronise(connection)
    }

    /// Re-reads what the edits changed, re-validates, and publishes the findings that changed.
    private func synchronise(_ connection: Connection) {
        guard let workspace else { return }
        let started = configuration.trace.map { _ in Trace.now() }
        let cpuStarted = Trace.cpu()
        guard workspace.refresh() else { return }
        let loaded = configuration.trace.map { _ in Trace.now() }
        diagnostics = validation.validate(workspace.current)
        let validated = configuration.trace.map { _ in Trace.now() }
        let notifications = publisher.update(diagnostics, workspace)
        for params in notifications {
            connection.notify("textDocument/publishDiagnostics", params)
        }
        if let trace = configuration.trace, let started, let loaded, let validated {
            let published = Trace.now()
            trace("charter lsp: read \(Trace.ms(started, loaded)), validated \(Trace.ms(loaded, validated)) "
                  + "(\(diagnostics.count) findings, \(validation.lastRevalidated) programs re-checked), published \(notifications.count) files in \(Trace.ms(validated, published)); "
                  + "CPU \(Trace.ms(cpuStarted, Trace.cpu()))")
        }
    }

    // MARK: Requests

    private func answer(_ method: String, _ params: JSON, _ connection: Connection) -> Result<JSON, ResponseError> {
        switch (state, method) {
        case (.waitingForInitialize, "initialize"):
            return .success(initialize(params))
        case (.waitingForInitialize, _):
            return .failure(ResponseError(.serverNotInitialized, "the server is not initialized: send 'initialize' first"))
        case (_, "initialize"):
            return .failure(ResponseError(.invalidRequest, "the server is already initialized"))
        case (.shuttingDown, _), (.exited, _):
            return .failure(ResponseError(.invalidRequest, "the server is shutting down"))
        case (.running, "shutdown"):
            state = .shuttingDown
            shutDown = true
            return .success(.null)
        case (.running, _):
            break
        }
        guard let workspace else { return .failure(ResponseError(.internalError, "no workspace")) }
        let features: Set<String> = ["textDocument/definition", "textDocument/references", "textDocument/hover",
                                     "textDocument/documentSymbol", "textDocument/completion", "textDocument/rename",
                                     "textDocument/prepareRename", "textDocument/codeAction"]
        guard features.contains(method) else {
            return .failure(ResponseError(.methodNotFound, "charter lsp does not handle '\(method)'"))
        }
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            return .failure(ResponseError(.invalidParams, "\(method) needs textDocument.uri"))
        }
        synchronise(connection)
        guard let path = DocumentURI.path(of: uri).flatMap(workspace.relativePath) else {
            return .success(method == "textDocument/documentSymbol" || method == "textDocument/codeAction" ? [] : .null)
        }
        let position = LSPPosition(params["position"])
        switch method {
        case "textDocument/documentSymbol":
            return .success(DocumentOutline.symbols(in: path, workspace))
        case "textDocument/codeAction":
            guard let range = LSPRange(params["range"]) else { return .failure(ResponseError(.invalidParams, "codeAction needs a range")) }
            return .success(QuickFixes.actions(for: diagnostics, in: path, range: range, workspace, today: configuration.asOf))
        default:
            break
        }
        guard let position else { return .failure(ResponseError(.invalidParams, "\(method) needs a position")) }
        let index = currentIndex(workspace)
        switch method {
        case "textDocument/definition":
            return .success(Navigation.definition(at: position, in: path, workspace, index))
        case "textDocument/references":
            let includeDeclaration = params["context"]?["includeDeclaration"]?.boolValue ?? true
            return .success(Navigation.references(at: position, in: path, includeDeclaration: includeDeclaration, workspace, index))
        case "textDocument/hover":
            return .success(HoverText.hover(at: position, in: path, workspace, index) { self.currentForecasts(workspace) })
        case "textDocument/completion":
            return .success(Completion.items(at: position, in: path, workspace))
        case "textDocument/prepareRename":
            return RenameEdits.prepare(at: position, in: path, workspace, index)
        case "textDocument/rename":
            guard let newName = params["newName"]?.stringValue else { return .failure(ResponseError(.invalidParams, "rename needs newName")) }
            return RenameEdits.rename(at: position, in: path, to: newName, workspace, index)
        default:
            return .failure(ResponseError(.methodNotFound, "charter lsp does not handle '\(method)'"))
        }
    }

    private func initialize(_ params: JSON) -> JSON {
        let folder = params["workspaceFolders"]?[0]?["uri"]?.stringValue.flatMap(DocumentURI.path(of:))
            ?? params["rootUri"]?.stringValue.flatMap(DocumentURI.path(of:))
            ?? params["rootPath"]?.stringValue
            ?? configuration.startFolder
        let root = configuration.locateWorkspace(folder)
        workspace = EditorWorkspace(root: root, disk: configuration.diskSource(root))
        state = .running
        return [
            "capabilities": [
                "positionEncoding": "utf-16",
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "definitionProvider": true,
                "referencesProvider": true,
                "hoverProvider": true,
                "documentSymbolProvider": true,
                "completionProvider": ["triggerCharacters": [":", " ", "/", "[", ",", "-"]],
                "renameProvider": ["prepareProvider": true],
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
            ],
            "serverInfo": ["name": "charter", "version": .string(configuration.version)],
        ]
    }

    private func currentIndex(_ workspace: EditorWorkspace) -> SymbolIndex {
        if let index, index.generation == workspace.generation { return index.index }
        let built = SymbolIndex(workspace.navigation)
        index = (workspace.generation, built)
        return built
    }

    private func currentForecasts(_ workspace: EditorWorkspace) -> [QualifiedID: ScheduleAdapter.Forecast]? {
        if let forecasts, forecasts.generation == workspace.generation { return forecasts.value }
        let value = ScheduleAdapter.forecasts(workspace.navigation, asOf: configuration.asOf)
        forecasts = (workspace.generation, value)
        return value
    }

    // MARK: Notifications

    private func receive(_ method: String, _ params: JSON) {
        if method == "exit" {
            state = .exited
            return
        }
        guard state == .running, let workspace else { return } // Before initialize, notifications are dropped.
        func path(_ uri: JSON?) -> String? {
            guard let path = uri?.stringValue.flatMap(DocumentURI.path(of:)).flatMap(workspace.relativePath),
                  PlanFileKind.classify(path) != nil else { return nil }
            return path
        }
        switch method {
        case "textDocument/didOpen":
            guard let path = path(params["textDocument"]?["uri"]), let text = params["textDocument"]?["text"]?.stringValue else { return }
            workspace.open(path, TextDocument(text, version: params["textDocument"]?["version"]?.intValue ?? 0))
        case "textDocument/didChange":
            guard let path = path(params["textDocument"]?["uri"]), let changes = params["contentChanges"]?.arrayValue else { return }
            workspace.update(path) { document in
                for change in changes {
                    guard let text = change["text"]?.stringValue else { continue }
                    document.apply(LSPRange(change["range"]), text)
                }
                if let version = params["textDocument"]?["version"]?.intValue { document.version = version }
            }
        case "textDocument/didClose":
            guard let path = path(params["textDocument"]?["uri"]) else { return }
            workspace.close(path)
        case "workspace/didChangeWatchedFiles":
            for change in params["changes"]?.arrayValue ?? [] {
                guard let uri = change["uri"]?.stringValue, let absolute = DocumentURI.path(of: uri),
                      let relative = workspace.relativePath(absolute), workspace.buffers[relative] == nil else { continue }
                workspace.diskChanged(relative)
            }
        default:
            break // initialized, didSave, $/cancelRequest, $/setTrace, configuration: nothing to do.
        }
    }
}
