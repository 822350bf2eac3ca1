import Testing
@testable import CharterCore

/// lessons.yaml: what the loader reads, what validation says, and which changes bring a lesson back.
@Suite struct LessonTests {
    static let lessons = """
    lessons:
      - id: L1
        title: Vendor certification slipped Beta
        category: vendor
        trigger: The SDK certification slot moved.
        lesson: Beta runs on the vendor's calendar.
        recommendation: Book the slot before dating Beta.
        owner: erin
        status: closed
        date: 2026-01-10
        refs: [CR-1a2b3c4d5e6f, M2, R1, identity/M3]
      - { id: L2, title: Estimates ignored holidays, category: schedule }
      - { id: L3, title: Our own category, category: x-compliance, status: actioned, refs: [D1] }

    """

    static let plan: [String: String] = [
        "programs/demo/milestones.yaml": """
        milestones:
          - { id: M1, name: Design, date: 2026-02-01 }
          - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M1] }
          - { id: M3, name: GA, date: 2026-06-01, depends_on: [M2] }

        """,
        "programs/demo/risks.yaml": """
        risks:
          - { id: R1, title: Vendor SDK late, owner: erin, probability: 4, impact: 4, status: open, mitigation: Fallback, affects: [M3] }

        """,
        "programs/demo/decisions.yaml": """
        decisions:
          - { id: D1, title: Use gRPC, status: accepted }

        """,
        "programs/demo/lessons.yaml": lessons,
    ]

    static func workspace(_ files: [String: String] = plan) -> Workspace {
        let example = RuleExample(files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        return WorkspaceLoader.load(from: example.source).workspace
    }

    @Test("the loader reads every field; refs split into CR ids and entity references; x- categories are kept")
    func loads() throws {
        let lessons = try #require(Self.workspace().program("demo")).lessons
        #expect(lessons.map(\.id.value) == ["L1", "L2", "L3"])
        let first = lessons[0]
        #expect(first.category?.value == .vendor)
        #expect(first.effectiveStatus == .closed)
        #expect(first.recommendation?.value == "Book the slot before dating Beta.")
        #expect(first.changeRequests == ["CR-1a2b3c4d5e6f"])
        #expect(first.entityReferences.map(\.value.description) == ["M2", "R1", "identity/M3"])
        #expect(first.refs[1].location.line == 11)
        #expect(lessons[1].effectiveStatus == .open)
        #expect(lessons[2].category?.value == .extensionCategory("x-compliance"))
    }

    @Test("a clean register validates; a wrong category, status or ref is reported at its position")
    func validation() {
        #expect(validate(Self.plan).filter { $0.severity == .error }.isEmpty, "\(validate(Self.plan))")
        var files = Self.plan
        files["programs/demo/lessons.yaml"] = """
        lessons:
          - { id: L1, title: A, category: vendr, status: done, refs: [m2, identity/R1, R1], owner: erik }

        """
        let found = validate(files)
        func rule(_ id: String) -> [Diagnostic] { found.filter { $0.ruleID == id } }
        #expect(rule("invalid-value").count == 2, "\(found)")
        #expect(rule("invalid-value").first?.suggestion == "vendor")
        let references = rule("unknown-reference")
        #expect(references.map(\.location.column) == [63, 67], "\(references)")
        #expect(references.first?.suggestion == "M2", "\(references)")
        #expect(rule("unknown-person").first?.suggestion == "erin")
    }

    @Test("duplicate lesson ids are reported")
    func duplicates() {
        var files = Self.plan
        files["programs/demo/lessons.yaml"] = "lessons:\n  - { id: L1, title: A, category: scope }\n  - { id: L1, title: B, category: scope }\n"
        #expect(validate(files).contains { $0.ruleID == "duplicate-id" && $0.location.line == 3 })
    }

    static func slip(_ id: String, program: String = "demo", days: Int) -> EntityChange {
        var change = EntityChange(program: program, entity: .milestone, id: id, change: .modified,
                                  fields: [FieldChange(field: "date", from: .date(PlanDate("2026-05-01")!), to: .date(PlanDate("2026-05-01")!.adding(days: days)))],
                                  tags: [days > 0 ? .slipped : .pulledIn])
        change.slipDays = days
        return change
    }

    @Test("a change to a referred milestone brings the lesson back once, with every reason")
    func refers() {
        let register = LessonRegister(Self.workspace())
        let recalled = LessonRecall.recall([Self.slip("M2", days: 14), Self.slip("M3", days: 14)], from: register)
        let first = recalled.first { $0.ref == "demo/L1" }
        #expect(first?.matches.map(\.reason) == [.refers, .threatenedBy], "\(recalled)")
        #expect(first?.matches.last?.detail == "milestone demo/M3 slipped 14 days, threatened by demo/R1")
        // L2 is a schedule lesson: every slip in its program is of its kind.
        #expect(recalled.first { $0.ref == "demo/L2" }?.matches.map(\.reason) == [.sameKind, .sameKind])
        #expect(recalled.count == 2)
    }

    @Test("the change request a lesson cites does not bring it back: it is where the lesson was learned")
    func notByItsOwnChangeRequest() {
        let register = LessonRegister(Self.workspace())
        #expect(LessonRecall.recall([Self.slip("M2", days: 14)], from: register, changeRequest: "CR-1a2b3c4d5e6f").map(\.ref) == ["demo/L2"])
        #expect(LessonRecall.recall([Self.slip("M2", days: 14)], from: register, changeRequest: "CR-ffffffffffff").map(\.ref) == ["demo/L1", "demo/L2"])
    }

    @Test("a change elsewhere, a pull-in, or a kind the category is not about brings nothing back")
    func noRecall() {
        let register = LessonRegister(Self.workspace())
        #expect(LessonRecall.recall([Self.slip("M1", days: -3)], from: register).isEmpty)
        #expect(LessonRecall.recall([Self.slip("M2", program: "identity", days: 5)], from: register).isEmpty)
        #expect(LessonRecall.recall([Self.slip("M1", days: 3)], from: register).map(\.ref) == ["demo/L2"])
        let budget = EntityChange(program: "demo", entity: .budgetLine, id: "B1", change: .added)
        #expect(LessonRecall.recall([budget], from: register).isEmpty)
    }

    @Test("another program's milestone named in refs brings the lesson back; a decision too")
    func otherProgram() {
        let register = LessonRegister(Self.workspace())
        let identity = Self.slip("M3", program: "identity", days: 2)
        #expect(LessonRecall.recall([identity], from: register).map(\.ref) == ["demo/L1"])
        let decision = EntityChange(program: "demo", entity: .decision, id: "D1", change: .modified)
        #expect(LessonRecall.recall([decision], from: register).map(\.ref) == ["demo/L3"])
    }

    @Test("same kind per category: budget growth, scope changes, risks added or worse, allocations")
    func sameKind() {
        var grown = EntityChange(program: "demo", entity: .program, id: "demo", change: .modified, tags: [.budgetChanged])
        grown.budgetDelta = 500
        #expect(LessonRecall.isSameKind(grown, as: .budget))
        grown.budgetDelta = -500
        #expect(!LessonRecall.isSameKind(grown, as: .budget))
        #expect(LessonRecall.isSameKind(EntityChange(program: "demo", entity: .program, id: "demo", change: .modified, tags: [.scopeChanged]), as: .scope))
        var rescored = EntityChange(program: "demo", entity: .risk, id: "R1", change: .modified, tags: [.rescored])
        rescored.scoreFrom = 6; rescored.scoreTo = 12
        #expect(LessonRecall.isSameKind(rescored, as: .risk))
        rescored.scoreTo = 4
        #expect(!LessonRecall.isSameKind(rescored, as: .risk))
        #expect(LessonRecall.isSameKind(EntityChange(program: "demo", entity: .allocation, id: "carol", change: .added), as: .resources))
        #expect(!LessonRecall.isSameKind(Self.slip("M1", days: 9), as: .vendor))
    }

    @Test("the register loaded from lessons.yaml and risks.yaml alone equals the one of the whole workspace")
    func loadedRegister() {
        let example = RuleExample(Self.plan.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        #expect(LessonRegister.load(from: example.source) == LessonRegister(Self.workspace()))
    }

    @Test("CR ids: CR- and 7 to 40 hex digits; anything else is an entity id")
    func changeRequestIDs() {
        #expect(LessonReference("CR-1a2b3c4d5e6f") == .changeRequest("CR-1a2b3c4d5e6f"))
        #expect(LessonReference("CR-12") == .entity(EntityReference("CR-12")))
        #expect(LessonReference("CR-xyzxyzxyz") == .entity(EntityReference("CR-xyzxyzxyz")))
        #expect(LessonReference("demo/M2") == .entity(EntityReference(program: "demo", id: "M2")))
    }
}
