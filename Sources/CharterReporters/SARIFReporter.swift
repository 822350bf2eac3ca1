import CharterCore

/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every rule in
/// `tool.driver.rules` (so `ruleIndex` is stable), repository-relative URIs under `%SRCROOT%`,
/// notes with a location as `relatedLocations`, and a fingerprint that survives lines moving.
public enum SARIFReporter: ValidationReporter {
    public static let format = ValidationFormat.sarif

    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let sarifVersion = "2.1.0"
    public static let toolName = "charter"
    /// Where a reader of an alert learns about the tool (a placeholder until the project has a home).
    public static let informationURI = "https://github.com/charter-tpm/charter"
    public static let sourceRootID = "%SRCROOT%"
    /// `partialFingerprints` key: hash of rule id, repository-relative path and message (no line
    /// or column), then `:` and the occurrence number among identical findings.
    public static let fingerprintKey = "charterFingerprint/v1"

    public static func render(_ report: ValidationReport, context: ReportContext) -> String {
        var rules: [ReportingDescriptor] = []
        var ruleIndex: [String: Int] = [:]
        for rule in context.rules where ruleIndex[rule.id] == nil {
            ruleIndex[rule.id] = rules.count
            rules.append(ReportingDescriptor(rule))
        }
        // A finding under an id the context does not describe still gets a descriptor, after the known ones.
        for diagnostic in report.diagnostics where ruleIndex[diagnostic.ruleID] == nil {
            ruleIndex[diagnostic.ruleID] = rules.count
            rules.append(ReportingDescriptor(id: diagnostic.ruleID))
        }

        var occurrences = OccurrenceCounter()
        let results = report.diagnostics.map { diagnostic -> Result in
            let path = context.repositoryPath(diagnostic.location.path)
            let hash = StableHash.hex(fields: findingIdentity(diagnostic, repositoryPath: path))
            let occurrence = occurrences.next(for: hash)
            return Result(
                diagnostic,
                ruleIndex: ruleIndex[diagnostic.ruleID] ?? 0,
                context: context,
                fingerprint: "\(hash):\(occurrence)"
            )
        }

        let log = Log(
            schema: schemaURI,
            version: sarifVersion,
            runs: [
                Run(
                    tool: Tool(driver: ToolComponent(
                        name: toolName,
                        version: context.toolVersion,
                        informationUri: informationURI,
                        rules: rules
                    )),
                    originalUriBaseIds: [
                        sourceRootID: ArtifactLocation(description: Message(text: "The root of the git repository.")),
                    ],
                    results: results
                ),
            ]
        )
        return encodeJSON(log)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    // MARK: - The SARIF objects charter writes (a subset of the 2.1.0 schema)

    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var originalUriBaseIds: [String: ArtifactLocation]
        var results: [Result]
    }

    struct Tool: Encodable {
        var driver: ToolComponent
    }

    struct ToolComponent: Encodable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String?
        var shortDescription: Message?
        var help: Message?
        var defaultConfiguration: Configuration?
        var properties: PropertyBag?

        init(id: String) {
            self.id = id
        }

        init(_ rule: RuleDescription) {
            id = rule.id
            name = rule.name
            shortDescription = Message(text: rule.summary)
            help = Message(text: """
                \(rule.summary)

                Category: \(rule.category.title). Default severity: \(rule.defaultSeverity.rawValue). \
                `charter rules` shows examples, and `charter.yaml` can set this rule to error, warning or off.
                """)
            defaultConfiguration = Configuration(level: SARIFReporter.level(rule.defaultSeverity))
            properties = PropertyBag(tags: [rule.category.rawValue])
        }
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct PropertyBag: Encodable {
        var tags: [String]
    }

    struct Message: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
        var partialFingerprints: [String: String]
        /// `{"suggestion": "date"}` when the finding is about a mistyped name (the message says it too).
        var properties: ResultProperties?

        init(_ diagnostic: Diagnostic, ruleIndex: Int, context: ReportContext, fingerprint: String) {
            ruleId = diagnostic.ruleID
            self.ruleIndex = ruleIndex
            level = SARIFReporter.level(diagnostic.severity)
            // Viewers show the message, not always related locations: every note goes in the text too.
            var text = diagnostic.message
            for note in diagnostic.notes {
                text += "\nnote: \(note.message)"
                if let location = note.location {
                    text += " (\(context.repositoryPath(location.path)):\(location.line):\(location.column))"
                }
            }
            message = Message(text: text)
            locations = [Location(id: nil, diagnostic.location, message: nil, context: context)]
            var related: [Location] = []
            for note in diagnostic.notes {
                guard let location = note.location else { continue }
                related.append(Location(id: related.count + 1, location, message: Message(text: note.message), context: context))
            }
            relatedLocations = related.isEmpty ? nil : related
            partialFingerprints = [SARIFReporter.fingerprintKey: fingerprint]
            properties = diagnostic.suggestion.map { ResultProperties(suggestion: $0) }
        }
    }

    struct ResultProperties: Encodable {
        var suggestion: String
    }

    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Message?

        init(id: Int?, _ location: SourceLocation, message: Message?, context: ReportContext) {
            self.id = id
            physicalLocation = PhysicalLocation(
                artifactLocation: ArtifactLocation(
                    uri: context.repositoryPath(location.path).percentEncodedPath,
                    uriBaseId: SARIFReporter.sourceRootID
                ),
                region: Region(startLine: max(1, location.line), startColumn: max(1, location.column))
            )
            self.message = message
        }
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String?
        var uriBaseId: String?
        var description: Message?

        init(uri: String? = nil, uriBaseId: String? = nil, description: Message? = nil) {
            self.uri = uri
            self.uriBaseId = uriBaseId
            self.description = description
        }
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }
}
