/// A workspace as read, plus what reading it found (syntax, schema and file findings, by rule id).
public struct LoadResult: Sendable {
    public var workspace: Workspace
    public var findings: [String: [Finding]]

    public init(workspace: Workspace, findings: [String: [Finding]] = [:]) {
        self.workspace = workspace
        self.findings = findings
    }

    mutating func report(_ ruleID: String, _ finding: Finding) {
        findings[ruleID, default: []].append(finding)
    }
}
