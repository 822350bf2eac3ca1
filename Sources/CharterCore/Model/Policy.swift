/// What `charter.yaml` requires of a change before it lands.
public struct Policy: Hashable, Sendable {
    /// Why a change needs approval. Raw values are the keys of `approver_roles`.
    public enum Reason: String, Hashable, Sendable, CaseIterable, Comparable {
        case slip
        case dependentSlip = "dependent_slip"
        case budget
        case milestoneRemoved = "milestone_removed"
        case scope
        case freeze

        public static func < (lhs: Reason, rhs: Reason) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public struct Freeze: Hashable, Sendable {
        public var name: String
        public var from: PlanDate
        public var to: PlanDate
        /// Empty: every program.
        public var programs: [String]
        /// Of "dates", "scope", "budget".
        public var covers: Set<String>

        public init(name: String, from: PlanDate, to: PlanDate, programs: [String] = [], covers: Set<String> = ["dates", "scope", "budget"]) {
            self.name = name
            self.from = from
            self.to = to
            self.programs = programs
            self.covers = covers
        }

        public func contains(_ day: PlanDate) -> Bool { from <= day && day <= to }
        public func covers(program: String) -> Bool { programs.isEmpty || programs.contains(program) }
    }

    public var approvalTrailer = "Approved-by"
    public var reviewTrailers = ["Reviewed-by"]
    public var allowSelfApproval = false
    public var slipDays: Int?
    public var slipPercentOfRemaining: Double?
    public var dependentSlip = false
    public var budgetIncreasePercent: Double?
    public var milestoneRemoved = false
    public var scopeChange = false
    /// Roles whose approval counts, per reason; `default` applies to reasons not listed.
    /// Empty: anyone in people.yaml.
    public var approverRoles: [Reason: [String]] = [:]
    public var defaultApproverRoles: [String] = []
    public var freezes: [Freeze] = []
    public var freezeExceptionTrailer = "Freeze-exception"
    public var freezeExceptionFile: String?

    public init() {}

    public func roles(for reason: Reason) -> [String] {
        approverRoles[reason] ?? defaultApproverRoles
    }
}
