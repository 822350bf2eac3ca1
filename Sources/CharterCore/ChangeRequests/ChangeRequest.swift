/// A formal change-request record for one commit that changed plans: who asked, when, why,
/// what changed, its impact, who approved and whether policy was met.
public struct ChangeRequest: Hashable, Sendable, Codable {
    public struct Identity: Hashable, Sendable, Codable {
        public var name: String
        public var email: String
        public var date: String
        /// The person id in people.yaml, when the email or name matches one.
        public var person: String?
    }

    /// What the change does to the plan, in numbers a director reads.
    public struct Impact: Hashable, Sendable, Codable {
        public var maxSlipDays = 0
        /// Sum of the programs' budget total changes.
        public var budgetDelta = 0.0
        /// Sum of budget line amount changes.
        public var budgetLinesDelta = 0.0
        public var personDaysAdded = 0.0
        public var personDaysRemoved = 0.0
        public var milestonesAdded: [String] = []
        public var milestonesRemoved: [String] = []
        public var milestonesSlipped: [String] = []
        public var risksAdded: [String] = []
        public var risksClosed: [String] = []
        public var risksRescored: [String] = []
        public var scopeAdded: [String] = []
        public var scopeRemoved: [String] = []

        public init() {}
    }

    /// One reason this change needs approval, and whether an approval covers it.
    public struct Requirement: Hashable, Sendable, Codable {
        public var reason: Policy.Reason
        public var program: String?
        /// Why, in one sentence: "M2 slips 14 days (policy: more than 7)".
        public var detail: String
        /// Roles whose approval counts; empty means anyone in people.yaml.
        public var roles: [String]
        /// Names of the approvers who satisfy it.
        public var satisfiedBy: [String]
        public var isSatisfied: Bool { !satisfiedBy.isEmpty }
        /// What is missing, when not satisfied.
        public var missing: String?
    }

    /// A trailer that states an impact the computed diff contradicts.
    public struct ContradictedClaim: Hashable, Sendable, Codable {
        public var trailer: String
        public var claimed: String
        public var actual: String
    }

    /// Stable and traceable: `CR-` and the first 12 hex digits of the commit id.
    public var id: String
    public var commit: String
    public var parents: [String]
    public var title: String
    public var description: String
    public var author: Identity
    public var committer: Identity
    public var reason: String?
    public var pullRequest: Int?
    public var approvals: [Approval]
    public var changes: [EntityChange]
    public var consequences: [Consequence]
    public var impact: Impact
    /// schedule, budget, resources, scope, risk, ownership, governance.
    public var changeTypes: [String]
    public var requirements: [Requirement]
    public var contradictedClaims: [ContradictedClaim]
    /// Files that could not be read on either side, so their changes are not in this record.
    public var unreadableFiles: [String]

    public var approvalRequired: Bool { !requirements.isEmpty }
    /// Every requirement is met; with none, whether anyone counted approved it at all.
    public var approved: Bool {
        approvalRequired ? requirements.allSatisfy(\.isSatisfied) : approvals.contains(where: \.counts)
    }
    public var policyMet: Bool { requirements.allSatisfy(\.isSatisfied) && contradictedClaims.isEmpty }
    public var isMerge: Bool { parents.count > 1 }

    public static func id(forCommit commit: String) -> String { "CR-" + commit.prefix(12) }
}
