import CharterCore
import JSONRPC

/// Turns Charter's findings into `textDocument/publishDiagnostics`, one notification per file
/// whose findings changed: new findings are published, and a file whose findings are gone gets
/// an empty list, which clears it in the editor (also files the edit did not touch).
final class DiagnosticPublisher {
    /// What was last published per file, with the findings and the text it was made from.
    private var published: [String: (diagnostics: [Diagnostic], textChange: Int, json: [JSON])] = [:]

    /// LSP DiagnosticSeverity.
    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .note: return 3
        }
    }

    /// The notifications to send for these findings, given what was sent before. Only files
    /// whose findings or text changed are converted again: after an edit that is one or two.
    func update(_ diagnostics: [Diagnostic], _ workspace: EditorWorkspace) -> [JSON] {
        var byPath: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics { byPath[diagnostic.location.path, default: []].append(diagnostic) }
        var notifications: [JSON] = []
        var next: [String: (diagnostics: [Diagnostic], textChange: Int, json: [JSON])] = [:]
        for (path, items) in byPath.sorted(by: { $0.key < $1.key }) {
            let textChange = workspace.textChanges[path] ?? 0
            if let previous = published[path], previous.textChange == textChange, previous.diagnostics == items {
                next[path] = previous
                continue
            }
            let json = items.map { Self.json($0, workspace) }
            next[path] = (items, textChange, json)
            if published[path]?.json != json {
                notifications.append(["uri": .string(workspace.uri(path)), "diagnostics": .array(json)])
            }
        }
        for path in published.keys.sorted() where next[path] == nil {
            notifications.append(["uri": .string(workspace.uri(path)), "diagnostics": []])
        }
        published = next
        return notifications
    }

    static func json(_ diagnostic: Diagnostic, _ workspace: EditorWorkspace) -> JSON {
        let range = workspace.document(diagnostic.location.path)?.token(at: diagnostic.location.position)
            ?? LSPRange(start: LSPPosition(line: 0, character: 0), end: LSPPosition(line: 0, character: 0))
        var related: [JSON] = diagnostic.notes.compactMap { note in
            guard let location = note.location, let target = workspace.lspLocation(location) else { return nil }
            return ["location": target, "message": .string(note.message)]
        }
        if let suggestion = diagnostic.suggestion, let here = workspace.lspLocation(diagnostic.location) {
            related.append(["location": here, "message": .string("did you mean '\(suggestion)'?")])
        }
        var members: [String: JSON] = [
            "range": range.json, "severity": .int(severity(diagnostic.severity)),
            "code": .string(diagnostic.ruleID), "source": "charter", "message": .string(diagnostic.message),
        ]
        // Notes without a place still explain the finding: they go into the message.
        let placeless = diagnostic.notes.filter { $0.location == nil }.map(\.message)
        if !placeless.isEmpty { members["message"] = .string(([diagnostic.message] + placeless).joined(separator: "\n")) }
        if !related.isEmpty { members["relatedInformation"] = .array(related) }
        return .object(members)
    }
}
