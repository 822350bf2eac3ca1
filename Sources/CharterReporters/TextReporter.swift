import CharterCore

/// Compiler-style lines, one finding each, then a summary:
///
///     programs/demo/milestones.yaml:12:5: error: milestone M2 depends on M9, which does not exist [unknown-reference]
///     programs/demo/milestones.yaml:3:5: note: M1 is defined here
///     note: run `charter rules` for examples
///     1 error, 0 warnings
///
/// A message's further lines are indented by four spaces, so every line that starts with a
/// path is a finding. Control characters from plan files are shown escaped (`\u{1B}`), never
/// sent to the terminal.
public enum TextReporter: ValidationReporter {
    public static let format = ValidationFormat.text

    public static func render(_ report: ValidationReport, context: ReportContext) -> String {
        let style = TerminalStyle(enabled: context.useColor)
        var lines: [String] = []
        for diagnostic in report.diagnostics {
            let label: String
            switch diagnostic.severity {
            case .error: label = style.boldRed("error:")
            case .warning: label = style.yellow("warning:")
            case .note: label = style.cyan("note:")
            }
            appendLines(
                to: &lines,
                head: "\(style.bold(diagnostic.location.description.escapingControlCharacters + ":")) \(label) ",
                message: diagnostic.message,
                suffix: " [\(diagnostic.ruleID)]"
            )
            for note in diagnostic.notes {
                let location = note.location.map { style.bold($0.description.escapingControlCharacters + ":") + " " } ?? ""
                appendLines(to: &lines, head: "\(location)\(style.cyan("note:")) ", message: note.message, suffix: "")
            }
        }
        lines.append(summary(errors: report.errorCount, warnings: report.warningCount))
        // Each line and its newline appended: `[String].joined(separator:)` is not specialised,
        // and its first use costs the pre-commit hook a scan of the binary's conformances.
        var text = ""
        for line in lines {
            text += line
            text += "\n"
        }
        return text
    }

    /// `no problems found`, or both counts with the right plurals: `1 error, 2 warnings`, `0 errors, 1 warning`.
    public static func summary(errors: Int, warnings: Int) -> String {
        if errors == 0 && warnings == 0 { return "no problems found" }
        return "\(Plural.count(errors, "error")), \(Plural.count(warnings, "warning"))"
    }

    /// The first line of the message gets the head and the suffix; the others are indented.
    private static func appendLines(to lines: inout [String], head: String, message: String, suffix: String) {
        let messageLines = message.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, line) in messageLines.enumerated() {
            let text = String(line).escapingControlCharacters
            lines.append(index == 0 ? head + text + suffix : "    " + text)
        }
    }
}

extension String {
    /// C0 and C1 control characters (but tab) and DEL as `\u{XX}`: a plan file cannot move the
    /// cursor, recolour the terminal or hide text in a report.
    var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isReportControl) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            if scalar.isReportControl {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Unicode.Scalar {
    fileprivate var isReportControl: Bool {
        (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value)
    }
}
