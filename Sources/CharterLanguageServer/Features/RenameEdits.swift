import CharterCore
import JSONRPC

/// Renaming a milestone id: its definition and every reference to it, in every file, as one
/// workspace edit. References written with their program (`identity/M3`) keep it.
enum RenameEdits {
    static func prepare(at position: LSPPosition, in path: String, _ workspace: EditorWorkspace,
                        _ index: SymbolIndex) -> Result<JSON, ResponseError> {
        guard let (occurrence, document) = milestone(at: position, in: path, workspace, index) else {
            return .failure(ResponseError(.requestFailed, "only a milestone id can be renamed here"))
        }
        let value = document.tokenValue(at: occurrence.location.position)
        guard case .milestone(let id) = occurrence.key else { return .success(.null) }
        return .success(["range": idRange(value, id: id.id, document).json, "placeholder": .string(id.id)])
    }

    static func rename(at position: LSPPosition, in path: String, to newName: String,
                       _ workspace: EditorWorkspace, _ index: SymbolIndex) -> Result<JSON, ResponseError> {
        guard ScalarParsing.isIdentifier(newName) else {
            return .failure(ResponseError(.invalidParams, "'\(newName)' is not an id: use letters, digits, '.', '_' and '-'"))
        }
        if workspace.current.findings.keys.contains(RuleID.yamlSyntax) {
            return .failure(ResponseError(.requestFailed, "a plan file does not parse; fix its YAML before renaming"))
        }
        guard let (occurrence, _) = milestone(at: position, in: path, workspace, index),
              case .milestone(let id) = occurrence.key else {
            return .failure(ResponseError(.requestFailed, "only a milestone id can be renamed"))
        }
        var changes: [String: [JSON]] = [:]
        for place in index.occurrences(of: occurrence.key) {
            guard let document = workspace.document(place.location.path) else { continue }
            let value = document.tokenValue(at: place.location.position)
            let edit = TextEdit(range: idRange(value, id: id.id, document), newText: newName)
            changes[workspace.uri(place.location.path), default: []].append(edit.json)
        }
        return .success(["changes": .object(changes.mapValues { .array($0) })])
    }

    private static func milestone(at position: LSPPosition, in path: String, _ workspace: EditorWorkspace,
                                  _ index: SymbolIndex) -> (Occurrence, TextDocument)? {
        guard let document = workspace.document(path),
              let occurrence = index.occurrence(at: position, in: path, document: document),
              case .milestone = occurrence.key else { return nil }
        return (occurrence, document)
    }

    /// The id part of a written reference: all of `M3`, the part after the slash of `identity/M3`.
    private static func idRange(_ value: (text: String, range: LSPRange), id: String, _ document: TextDocument) -> LSPRange {
        guard value.text.hasSuffix(id), value.text.count > id.count else { return value.range }
        let end = value.range.end
        return LSPRange(start: LSPPosition(line: end.line, character: end.character - id.utf16.count), end: end)
    }
}
