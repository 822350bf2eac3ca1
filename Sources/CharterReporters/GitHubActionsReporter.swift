import CharterCore

/// GitHub Actions workflow commands, one annotation per finding, then the whole text report:
///
///     ::error file=plans/acme/programs/demo/milestones.yaml,line=12,col=5,title=unknown-reference::M2 depends on M9…
///
/// GitHub shows only the first 10 annotations of each kind per step, so the text report follows,
/// between `::stop-commands::` and its resume token so that nothing in it runs as a command.
public enum GitHubActionsReporter: ValidationReporter {
    public static let format = ValidationFormat.github

    public static func render(_ report: ValidationReport, context: ReportContext) -> String {
        var output = ""
        for diagnostic in report.diagnostics {
            output += annotation(diagnostic, context: context) + "\n"
        }
        let text = TextReporter.render(report, context: ReportContext(
            toolVersion: context.toolVersion, useColor: false, rules: context.rules, pathPrefix: context.pathPrefix
        ))
        // The token depends on the text it guards, so the text cannot contain it.
        let token = "charter-" + StableHash.hex(text)
        output += "::stop-commands::\(token)\n"
        output += text
        output += "::\(token)::\n"
        return output
    }

    /// One `::error …::` or `::warning …::` line; notes follow the message on their own (escaped) lines.
    public static func annotation(_ diagnostic: Diagnostic, context: ReportContext) -> String {
        let command: String
        switch diagnostic.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        let file = context.repositoryPath(diagnostic.location.path)
        var message = diagnostic.message
        for note in diagnostic.notes {
            message += "\nnote: \(note.message)"
            if let location = note.location {
                message += " (\(context.repositoryPath(location.path)):\(location.line):\(location.column))"
            }
        }
        let properties = [
            "file=" + escapeProperty(file),
            "line=\(max(1, diagnostic.location.line))",
            "col=\(max(1, diagnostic.location.column))",
            "title=" + escapeProperty(diagnostic.ruleID),
        ]
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// As the runner unescapes a command's message: `%` → `%25`, CR → `%0D`, LF → `%0A`.
    public static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// As the runner unescapes a property value: the data escapes, and `:` → `%3A`, `,` → `%2C`.
    public static func escapeProperty(_ text: String) -> String {
        var result = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
