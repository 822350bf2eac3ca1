/// `charter.yaml`: format version and policy.
public struct Settings: Hashable, Sendable {
    public var version: Int?
    public var approvalTrailer: String
    public var slipDaysRequiringApproval: Int?
    public var budgetIncreasePercentRequiringApproval: Double?
    public var milestoneRemovalRequiresApproval: Bool
    /// Per-rule severity overrides, with where each was written.
    public var ruleSeverities: [String: Located<SeveritySetting>]

    public init() {
        version = nil
        approvalTrailer = "Approved-by"
        slipDaysRequiringApproval = nil
        budgetIncreasePercentRequiringApproval = nil
        milestoneRemovalRequiresApproval = false
        ruleSeverities = [:]
    }
}

