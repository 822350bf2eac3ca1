/// `charter.yaml`: format version and policy.
public struct Settings: Hashable, Sendable {
    public var version: Int?
    public var policy: Policy
    /// Per-rule severity overrides, with where each was written.
    public var ruleSeverities: [String: Located<SeveritySetting>]

    public init() {
        version = nil
        policy = Policy()
        ruleSeverities = [:]
    }
}

