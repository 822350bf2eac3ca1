import Testing
@testable import CharterCore

/// The binary form the baseline cache keeps plans in: every field of every model type comes back
/// as it went in, and damaged bytes never read as plans.
@Suite struct PlansBinaryFormTests {
    static func at(_ path: String, _ line: Int, _ column: Int = 3) -> CharterCore.SourceLocation {
        CharterCore.SourceLocation(path: path, line: line, column: column)
    }

    static func located<Value>(_ value: Value, _ path: String = "programs/core/program.yaml", _ line: Int = 2) -> Located<Value> {
        Located(value, at: at(path, line))
    }

    static let day = PlanDate(year: 2026, month: 3, day: 14)!

    /// A workspace in which every field of every type is set, none to its default.
    static func everyField() -> DiffSide {
        var policy = Policy()
        policy.approvalTrailer = "Signed-off-by"
        policy.reviewTrailers = ["Reviewed-by", "Acked-by"]
        policy.allowSelfApproval = true
        policy.slipDays = 7
        policy.slipPercentOfRemaining = 12.5
        policy.dependentSlip = true
        policy.budgetIncreasePercent = 5
        policy.milestoneRemoved = true
        policy.scopeChange = true
        policy.approverRoles = [.slip: ["sponsor"], .budget: ["finance", "owner"]]
        policy.defaultApproverRoles = ["owner"]
        policy.freezes = [Policy.Freeze(name: "Q4", from: day, to: day.adding(days: 30), programs: ["core"], covers: ["dates", "scope"])]
        policy.freezeExceptionTrailer = "Freeze-ok"
        policy.freezeExceptionFile = "FREEZE"
        var settings = Settings()
        settings.version = 1
        settings.policy = policy
        settings.ruleSeverities = ["milestone-overdue": located(.off, "charter.yaml", 4),
                                   "risk-without-owner": located(.severity(.error), "charter.yaml", 5)]

        let person = Person(id: located("alice", "people.yaml", 3), name: "Alice", email: "a@x.example", github: "alice",
                            team: "Core", title: "Lead")
        var program = Program(folder: "core")
        program.path = "programs/core/program.yaml"
        program.hasProgramFile = true
        program.id = located("core")
        program.name = "Core"
        program.owner = located("alice")
        program.sponsor = located("bob")
        program.status = "active"
        program.start = located(day)
        program.target = located(day.adding(days: 200))
        program.description = "The ledger"
        program.currency = "EUR"
        program.budgetTotal = located(125_000.5)
        program.objectives = ["Ship"]
        program.scopeIn = ["Ledger", "Refunds"]
        program.scopeOut = ["Crypto"]
        program.workstreams = [Program.Workstream(id: located("api"), name: "API", owner: located("alice"))]
        program.stakeholders = [Program.Stakeholder(person: located("carol"), role: "approver")]
        program.allocations = [Program.Allocation(person: located("alice"), workstream: located("api"), percent: 50,
                                                  from: day, to: day.adding(days: 90), location: at("programs/core/program.yaml", 30))]
        let milestones = "programs/core/milestones.yaml"
        program.milestones = [Milestone(
            id: located("C1", milestones, 3), name: "Schema", workstream: located("api", milestones, 4),
            owner: located("alice", milestones, 5), start: located(day, milestones, 6), date: located(day.adding(days: 10), milestones, 7),
            status: located(.atRisk, milestones, 8), doneOn: located(day.adding(days: 11), milestones, 9), description: "First",
            deliverables: ["DDL"], dependsOn: [located(EntityReference("pay/M1"), milestones, 10), located(EntityReference("C0"), milestones, 11)])]
        program.risks = [Risk(id: located("R1", "programs/core/risks.yaml"), title: "Vendor", owner: located("bob"), probability: 3,
                              impact: 4, status: "open", mitigation: "Second vendor", affects: [located(EntityReference("C1"))],
                              reviewBy: located(day), description: "Late")]
        program.budgetLines = [BudgetLine(id: located("B1"), amount: located(-3.25), category: "people", workstream: located("api"),
                                          description: "Team")]
        program.decisions = [Decision(id: located("D1"), title: "Postgres", status: located("accepted"), date: located(day),
                                      owner: located("alice"), supersedes: located("D0"), supersededBy: located("D2"), rationale: "Known")]
        program.kpis = [KPI(id: located("K1"), name: "Latency", unit: "ms", baseline: located(420), target: located(300),
                            current: located(350), asOf: located(day), direction: located(.decrease), owner: located("bob"),
                            description: "p95")]
        program.lessons = [
            Lesson(id: located("L1"), title: "Vendors", category: located(.vendor), trigger: "Late", lesson: "Two", recommendation: located("Ask"),
                   owner: located("carol"), status: located(.actioned), date: located(day),
                   refs: [located(.changeRequest("CR-0123456")), located(.entity(EntityReference("core/C1")))]),
            Lesson(id: located("L2"), category: located(.extensionCategory("x-legal"))),
        ]
        var bare = Program(folder: "bare")
        bare.path = "programs/bare/program.yaml"
        let workspace = Workspace(settings: settings, settingsPath: "charter.yaml", people: [person], programs: [program, bare],
                                  planFiles: ["charter.yaml", "people.yaml", "programs/core/program.yaml"])
        return DiffSide(workspace: workspace, unreadable: [UnreadableFile(location: at("programs/bad/risks.yaml", 3, 7), message: "bad YAML")])
    }

    @Test func everyFieldComesBack() throws {
        let side = Self.everyField()
        let bytes = PlansBinaryWriter.encode(side)
        #expect(try PlansBinaryReader.decode(bytes[...]) == side)
        // An empty workspace too.
        let empty = DiffSide(workspace: Workspace())
        #expect(try PlansBinaryReader.decode(PlansBinaryWriter.encode(empty)[...]) == empty)
    }

    /// Parsed plans, as the baseline cache meets them (a file that cannot be parsed among them).
    @Test func aLoadedWorkspaceComesBack() throws {
        var files = DiffFixture.files
        files["programs/identity/risks.yaml"] = "risks: [\n"
        let load = DiffFixture.load(files)
        let side = DiffSide(load)
        #expect(side.workspace.programs.count == 2 && side.unreadable.count == 1)
        #expect(try PlansBinaryReader.decode(PlansBinaryWriter.encode(side)[...]) == side)
    }

    /// Every shorter prefix, and every byte changed, either throws or reads back other bytes'
    /// worth: never a crash. (The cache file's checksum refuses changed bytes before this.)
    @Test func damagedBytesNeverCrashAndAPrefixNeverReads() throws {
        let bytes = PlansBinaryWriter.encode(Self.everyField())
        for length in 0..<bytes.count {
            #expect(throws: BinaryReader.Malformed.self) { try PlansBinaryReader.decode(bytes[0..<length]) }
        }
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0xA5
            _ = try? PlansBinaryReader.decode(changed[...])
        }
    }

    /// A field added to a model type must be added to the binary form (writer and reader) too:
    /// these counts are the fields the form knows.
    @Test func theFormKnowsEveryStoredField() {
        func fields(_ value: Any) -> Int { Mirror(reflecting: value).children.count }
        let side = Self.everyField()
        let program = side.workspace.programs[0]
        #expect(fields(side.workspace) == 5)
        #expect(fields(side.workspace.settings) == 3)
        #expect(fields(side.workspace.settings.policy) == 14)
        #expect(fields(side.workspace.settings.policy.freezes[0]) == 5)
        #expect(fields(side.workspace.people[0]) == 6)
        #expect(fields(program) == 25)
        #expect(fields(program.workstreams[0]) == 3)
        #expect(fields(program.stakeholders[0]) == 2)
        #expect(fields(program.allocations[0]) == 6)
        // A milestone keeps its fields in a box.
        let box = Mirror(reflecting: program.milestones[0]).children.first!.value
        #expect(fields(Mirror(reflecting: box).children.first!.value) == 11)
        #expect(fields(program.risks[0]) == 10)
        #expect(fields(program.budgetLines[0]) == 5)
        #expect(fields(program.decisions[0]) == 8)
        #expect(fields(program.kpis[0]) == 10)
        #expect(fields(program.lessons[0]) == 10)
        #expect(fields(side.unreadable[0]) == 2)
        #expect(fields(EntityReference("a/b")) == 2)
    }
}
