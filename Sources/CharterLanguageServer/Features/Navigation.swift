import CharterCore
import JSONRPC

/// Go to definition and find references, from the id under the cursor.
enum Navigation {
    static func definition(at position: LSPPosition, in path: String, _ workspace: EditorWorkspace, _ index: SymbolIndex) -> JSON {
        guard let document = workspace.document(path),
              let occurrence = index.occurrence(at: position, in: path, document: document) else { return .null }
        return .array(index.definitions(of: occurrence.key).compactMap { workspace.lspLocation($0.location) })
    }

    static func references(at position: LSPPosition, in path: String, includeDeclaration: Bool,
                           _ workspace: EditorWorkspace, _ index: SymbolIndex) -> JSON {
        guard let document = workspace.document(path),
              let occurrence = index.occurrence(at: position, in: path, document: document) else { return .null }
        return .array(index.occurrences(of: occurrence.key)
            .filter { includeDeclaration || !$0.isDefinition }
            .sorted { $0.location < $1.location }
            .compactMap { workspace.lspLocation($0.location) })
    }
}

extension EditorWorkspace {
    func uri(_ path: String) -> String { DocumentURI.uri(forPath: absolutePath(path)) }

    /// An LSP location for a model location: the token written there.
    func lspLocation(_ location: SourceLocation) -> JSON? {
        guard let document = document(location.path) else { return nil }
        return ["uri": .string(uri(location.path)), "range": document.token(at: location.position).json]
    }
}
