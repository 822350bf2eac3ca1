import CharterCore
import JSONRPC

/// Turns Charter's findings into `textDocument/publishDiagnostics`, one notification per file
/// whose findings changed: new findings are published, and a file whose findings are gone gets
/// an empty list, which clears it in the editor (also files the edit did not touch).
final class DiagnosticPublisher {
    private var published: [String: [JSON]] = [:]

    /// LSP DiagnosticSeverity.
    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        }
    }

    /// The notifications to send for these findings, given what was sent before.
    func update(_ diagnostics: [Diagnostic], _ workspace: EditorWorkspace) -> [JSON] {
        var byPath: [String: [JSON]] = [:]
        for diagnostic in diagnostics {
            byPath[diagnostic.location.path, default: []].append(Self.json(diagnostic, workspace))
        }
        var notifications: [JSON] = []
        for (path, items) in byPath.sorted(by: { $0.key < $1.key }) where published[path] != items {
            notifications.append(["uri": .string(workspace.uri(path)), "diagnostics": .array(items)])
        }
        for path in published.keys.sorted() where byPath[path] == nil {
            notifications.append(["uri": .string(workspace.uri(path)), "diagnostics": []])
        }
        published = byPath
        return notifications
    }

    static func json(_ diagnostic: Diagnostic, _ workspace: EditorWorkspace) -> JSON {
        let range = workspace.document(diagnostic.location.path)?.token(at: diagnostic.location.position)
            ?? LSPRange(start: LSPPosition(line: 0, character: 0), end: LSPPosition(line: 0, character: 0))
        var related: [JSON] = diagnostic.notes.compactMap { note in
            guard let location = note.location, let target = workspace.lspLocation(location) else { return nil }
            return ["location": target, "message": .string(note.message)]
        }
        if let fix = QuickFixes.suggestion(in: diagnostic.message), let here = workspace.lspLocation(diagnostic.location) {
            related.append(["location": here, "message": .string("did you mean '\(fix.replacement)'?")])
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
