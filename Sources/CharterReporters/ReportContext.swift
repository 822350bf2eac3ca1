import CharterCore

/// The output formats of `charter validate --format`. The raw value is the name on the command line.
public enum ValidationFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif
    case github
    case codequality
}

/// What a reporter needs besides the findings: who is reporting, how, and where the workspace sits.
public struct ReportContext: Sendable {
    /// The version of `charter`, for SARIF's `tool.driver.version`.
    public var toolVersion: String
    /// Colour the text report with ANSI escapes. Only the text reporter colours; the caller decides
    /// (standard output is a terminal and `NO_COLOR` is not set).
    public var useColor: Bool
    /// Every rule's description, in catalogue order: SARIF lists them all so `ruleIndex` is stable.
    public var rules: [RuleDescription]
    /// The workspace folder relative to the repository root: `""` or `"plans/acme"`.
    /// Diagnostics carry workspace-relative paths; GitHub annotations, SARIF and Code Quality
    /// need repository-relative ones, so they prepend this.
    public var pathPrefix: String

    public init(
        toolVersion: String = "0.0.0-dev",
        useColor: Bool = false,
        rules: [RuleDescription] = [],
        pathPrefix: String = ""
    ) {
        self.toolVersion = toolVersion
        self.useColor = useColor
        self.rules = rules
        self.pathPrefix = pathPrefix
    }

    /// A diagnostic's workspace-relative path as the repository sees it (`/`-separated, no `./`).
    public func repositoryPath(_ path: String) -> String {
        var prefix = Substring(pathPrefix)
        while prefix.hasPrefix("./") { prefix = prefix.dropFirst(2) }
        if prefix == "." { prefix = "" }
        while prefix.hasSuffix("/") { prefix = prefix.dropLast() }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        if prefix.isEmpty { return String(relative) }
        if relative.isEmpty || relative == "." { return String(prefix) }
        return "\(prefix)/\(relative)"
    }
}
