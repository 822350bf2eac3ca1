import Foundation
import CharterCore
import JSONRPC

/// Code actions for findings with one obvious fix: take the "did you mean" id or key (the
/// finding's `suggestion`), add
/// `done_on` to a milestone marked done, add `superseded_by` to a superseded decision that
/// another decision says it supersedes.
enum QuickFixes {
    static func actions(for diagnostics: [Diagnostic], in path: String, range: LSPRange,
                        _ workspace: EditorWorkspace, today: PlanDate) -> JSON {
        guard let document = workspace.document(path) else { return [] }
        var actions: [JSON] = []
        for diagnostic in diagnostics where diagnostic.location.path == path {
            let token = document.token(at: diagnostic.location.position)
            guard token.overlaps(range) || (token.start.line...token.end.line).contains(range.start.line) else { continue }
            let fix: (title: String, edit: TextEdit)?
            if let replacement = diagnostic.suggestion {
                fix = replace(with: replacement, diagnostic, document)
            } else if diagnostic.ruleID == DoneWithoutDateRule.description.id {
                fix = insertField("done_on", "\(today)", after: diagnostic.location, document)
            } else if diagnostic.ruleID == SupersededWithoutLinkRule.description.id,
                      let successor = successor(at: diagnostic.location, workspace.current.workspace) {
                fix = insertField("superseded_by", successor, after: diagnostic.location, document)
            } else {
                fix = nil
            }
            guard let fix else { continue }
            actions.append([
                "title": .string(fix.title), "kind": "quickfix", "isPreferred": true,
                "diagnostics": [DiagnosticPublisher.json(diagnostic, workspace)],
                "edit": ["changes": [workspace.uri(path): [fix.edit.json]]],
            ])
        }
        return .array(actions)
    }

    /// Puts the finding's suggestion in place of the value it is about: the key, value or id at
    /// its location. A finding whose suggestion is not for the text at its location (a file
    /// name, a rule id named in `policy.rules` reported at its severity) names other text and
    /// gets no edit.
    private static func replace(with replacement: String, _ diagnostic: Diagnostic, _ document: TextDocument) -> (String, TextEdit)? {
        let value = document.tokenValue(at: diagnostic.location.position)
        guard !value.text.isEmpty, value.text != replacement, diagnostic.message.contains("'\(value.text)'") else { return nil }
        return ("Change '\(value.text)' to '\(replacement)'", TextEdit(range: value.range, newText: replacement))
    }

    /// Adds `key: value` beside the field at `location`: in a flow mapping right after it, in a
    /// block mapping on the next line at the same indentation.
    private static func insertField(_ key: String, _ value: String, after location: SourceLocation,
                                    _ document: TextDocument) -> (String, TextEdit)? {
        let token = document.token(at: location.position)
        let line = document.lineText(token.start.line)
        let tokenStart = document.offset(of: location.position) - document.lineBytes(token.start.line).lowerBound
        let prefix = Array(line.utf8)[..<min(tokenStart, line.utf8.count)]
        let title = "Add \(key): \(value)"
        let lineRange = document.lineBytes(token.start.line)
        if document.flowDepth(from: lineRange.lowerBound, to: lineRange.lowerBound + prefix.count) > 0 {
            return (title, TextEdit(range: LSPRange(start: token.end, end: token.end), newText: ", \(key): \(value)"))
        }
        // The key of the field is the last word before its colon: its column is the mapping's indentation.
        guard let colon = prefix.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        var keyStart = colon
        while keyStart > 0, prefix[keyStart - 1] != UInt8(ascii: " "), prefix[keyStart - 1] != UInt8(ascii: "-") { keyStart -= 1 }
        let indent = String(decoding: prefix[..<keyStart].map { $0 == UInt8(ascii: "\t") ? $0 : UInt8(ascii: " ") }, as: UTF8.self)
        let end = document.position(ofOffset: lineRange.upperBound)
        return (title, TextEdit(range: LSPRange(start: end, end: end), newText: "\n\(indent)\(key): \(value)"))
    }

    /// The one decision that says it supersedes the decision whose status is at `location`.
    private static func successor(at location: SourceLocation, _ workspace: Workspace) -> String? {
        for program in workspace.programs {
            guard let decision = program.decisions.first(where: { $0.status?.location == location }) else { continue }
            let successors = program.decisions.filter { $0.supersedes?.value == decision.id.value }
            return successors.count == 1 ? successors[0].id.value : nil
        }
        return nil
    }
}

/// An LSP TextEdit.
struct TextEdit: Hashable {
    var range: LSPRange
    var newText: String

    var json: JSON { ["range": range.json, "newText": .string(newText)] }
}
