import CharterCore

/// A GitLab Code Quality report (the subset of the CodeClimate format GitLab reads): a JSON array of
/// `{"description","check_name","fingerprint","severity","location":{"path","lines":{"begin"}}}`,
/// `major` for errors and `minor` for warnings, repository-relative paths, and a fingerprint that
/// is unique in the report and does not change when lines move.
public enum CodeQualityReporter: ValidationReporter {
    public static let format = ValidationFormat.codequality

    public static func render(_ report: ValidationReport, context: ReportContext) -> String {
        var occurrences = OccurrenceCounter()
        var used: Set<String> = []
        let issues = report.diagnostics.map { diagnostic -> Issue in
            let path = context.repositoryPath(diagnostic.location.path)
            let identity = findingIdentity(diagnostic, repositoryPath: path)
            let key = StableHash.hex(fields: identity)
            var fingerprint: String
            repeat {
                // Identical findings get 1, 2, …; a hash collision (not seen in practice) takes the next number.
                let occurrence = occurrences.next(for: key)
                fingerprint = StableHash.hex(fields: identity + [String(occurrence)])
            } while !used.insert(fingerprint).inserted
            return Issue(diagnostic, path: path, fingerprint: fingerprint)
        }
        return encodeJSON(issues)
    }

    struct Issue: Encodable {
        var description: String
        var checkName: String
        var fingerprint: String
        var severity: String
        var location: Location

        enum CodingKeys: String, CodingKey {
            case description
            case checkName = "check_name"
            case fingerprint, severity, location
        }

        init(_ diagnostic: Diagnostic, path: String, fingerprint: String) {
            var text = diagnostic.message
            for note in diagnostic.notes {
                text += "\nnote: \(note.message)"
            }
            description = text
            checkName = diagnostic.ruleID
            self.fingerprint = fingerprint
            switch diagnostic.severity {
            case .error: severity = "major"
            case .warning: severity = "minor"
            case .note: severity = "info"
            }
            location = Location(path: path, lines: Lines(begin: max(1, diagnostic.location.line)))
        }
    }

    struct Location: Encodable {
        var path: String
        var lines: Lines
    }

    struct Lines: Encodable {
        var begin: Int
    }
}
