/// A program: `programs/<folder>/program.yaml` and the optional files beside it.
public struct Program: Hashable, Sendable {
    public struct Workstream: Hashable, Sendable {
        public var id: Located<String>
        public var name: String?
        public var owner: Located<String>?
    }

    public struct Stakeholder: Hashable, Sendable {
        public var person: Located<String>
        public var role: String?
    }

    public struct Allocation: Hashable, Sendable {
        public var person: Located<String>
        public var workstream: Located<String>?
        public var percent: Double
        public var from: PlanDate?
        public var to: PlanDate?
        public var location: SourceLocation
    }

    /// The folder name under `programs/`: the program's identity, whatever `id` says.
    public var folder: String
    /// `programs/<folder>/program.yaml`, whether or not it exists.
    public var path: String
    public var hasProgramFile: Bool
    public var id: Located<String>?
    public var name: String?
    public var owner: Located<String>?
    public var sponsor: Located<String>?
    public var status: String?
    public var start: Located<PlanDate>?
    public var target: Located<PlanDate>?
    public var description: String?
    public var currency: String?
    public var budgetTotal: Located<Double>?
    public var objectives: [String]
    public var scopeIn: [String]
    public var scopeOut: [String]
    public var workstreams: [Workstream]
    public var stakeholders: [Stakeholder]
    public var allocations: [Allocation]
    public var milestones: [Milestone]
    public var risks: [Risk]
    public var budgetLines: [BudgetLine]
    public var decisions: [Decision]
    public var kpis: [KPI]
    public var lessons: [Lesson]

    public init(folder: String) {
        self.folder = folder
        self.path = "programs/\(folder)/program.yaml"
        self.hasProgramFile = false
        self.objectives = []
        self.scopeIn = []
        self.scopeOut = []
        self.workstreams = []
        self.stakeholders = []
        self.allocations = []
        self.milestones = []
        self.risks = []
        self.budgetLines = []
        self.decisions = []
        self.kpis = []
        self.lessons = []
    }

    /// Where a finding about the program as a whole points.
    public var location: SourceLocation { id?.location ?? SourceLocation(path: path) }
}
