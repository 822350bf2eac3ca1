/// Reads back what `PlansBinaryWriter` wrote, field by field in the same order. Any damage
/// (a short read, an unknown status, a path index out of the table) throws
/// `BinaryReader.Malformed`, so a damaged cache entry reads as absent, never as other plans.
public struct PlansBinaryReader {
    private var body: BinaryReader
    private let paths: [String]

    /// The side these bytes hold, all of them and nothing more.
    public static func decode(_ bytes: ArraySlice<UInt8>) throws -> DiffSide {
        var table = BinaryReader(bytes)
        let paths = try table.read([String].self)
        var reader = PlansBinaryReader(body: BinaryReader(bytes[table.position...]), paths: paths)
        let workspace = try reader.workspace()
        let unreadable = try reader.list { reader in
            UnreadableFile(location: try reader.location(), message: try reader.body.read(String.self))
        }
        guard reader.body.isAtEnd else { throw BinaryReader.Malformed() }
        return DiffSide(workspace: workspace, unreadable: unreadable)
    }

    private init(body: BinaryReader, paths: [String]) {
        self.body = body
        self.paths = paths
    }

    // MARK: - Shared shapes

    private mutating func location() throws -> SourceLocation {
        let index = try body.read(Int.self)
        guard paths.indices.contains(index) else { throw BinaryReader.Malformed() }
        return SourceLocation(path: paths[index], line: try body.read(Int.self), column: try body.read(Int.self))
    }

    private mutating func located<Value>(_ read: (inout BinaryReader) throws -> Value) throws -> Located<Value> {
        let value = try read(&body)
        return Located(value, at: try location())
    }

    private mutating func optionalLocated<Value>(_ read: (inout BinaryReader) throws -> Value) throws -> Located<Value>? {
        try body.read(Bool.self) ? try located(read) : nil
    }

    private mutating func list<Element>(_ read: (inout Self) throws -> Element) throws -> [Element] {
        let count = try body.count()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try read(&self)) }
        return elements
    }

    private mutating func text() throws -> String { try body.read(String.self) }
    private mutating func optionalText() throws -> String? { try body.read(String?.self) }
    private mutating func texts() throws -> [String] { try body.read([String].self) }

    private static func text(_ reader: inout BinaryReader) throws -> String { try reader.read(String.self) }
    private static func date(_ reader: inout BinaryReader) throws -> PlanDate { PlanDate(dayNumber: try reader.read(Int.self)) }
    private static func number(_ reader: inout BinaryReader) throws -> Double { try reader.read(Double.self) }

    private static func reference(_ reader: inout BinaryReader) throws -> EntityReference {
        EntityReference(program: try reader.read(String?.self), id: try reader.read(String.self))
    }

    private static func raw<Value: RawRepresentable>(_ reader: inout BinaryReader) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try reader.read(String.self)) else { throw BinaryReader.Malformed() }
        return value
    }

    // MARK: - Workspace, settings, people

    private mutating func workspace() throws -> Workspace {
        let settings = try settings()
        let settingsPath = try optionalText()
        let people = try list { try $0.person() }
        let programs = try list { try $0.program() }
        return Workspace(settings: settings, settingsPath: settingsPath, people: people, programs: programs, planFiles: try texts())
    }

    private mutating func settings() throws -> Settings {
        var settings = Settings()
        settings.version = try body.read(Int?.self)
        settings.policy = try policy()
        let rules = try list { reader in
            (key: try reader.text(), value: try reader.located { body -> SeveritySetting in
                let index = try body.read(Int.self)
                if index == -1 { return .off }
                guard Severity.allCases.indices.contains(index) else { throw BinaryReader.Malformed() }
                return .severity(Severity.allCases[index])
            })
        }
        settings.ruleSeverities = Dictionary(rules, uniquingKeysWith: { first, _ in first })
        return settings
    }

    private mutating func policy() throws -> Policy {
        var policy = Policy()
        policy.approvalTrailer = try text()
        policy.reviewTrailers = try texts()
        policy.allowSelfApproval = try body.read(Bool.self)
        policy.slipDays = try body.read(Int?.self)
        policy.slipPercentOfRemaining = try body.read(Double?.self)
        policy.dependentSlip = try body.read(Bool.self)
        policy.budgetIncreasePercent = try body.read(Double?.self)
        policy.milestoneRemoved = try body.read(Bool.self)
        policy.scopeChange = try body.read(Bool.self)
        let roles = try list { reader in (key: try Self.raw(&reader.body) as Policy.Reason, value: try reader.texts()) }
        policy.approverRoles = Dictionary(roles, uniquingKeysWith: { first, _ in first })
        policy.defaultApproverRoles = try texts()
        policy.freezes = try list { reader in
            Policy.Freeze(name: try reader.text(), from: try Self.date(&reader.body), to: try Self.date(&reader.body),
                          programs: try reader.texts(), covers: Set(try reader.texts()))
        }
        policy.freezeExceptionTrailer = try text()
        policy.freezeExceptionFile = try optionalText()
        return policy
    }

    private mutating func person() throws -> Person {
        Person(id: try located(Self.text), name: try optionalText(), email: try optionalText(), github: try optionalText(),
               team: try optionalText(), title: try optionalText())
    }

    // MARK: - Programs

    private mutating func program() throws -> Program {
        var program = Program(folder: try text())
        program.path = try text()
        program.hasProgramFile = try body.read(Bool.self)
        program.id = try optionalLocated(Self.text)
        program.name = try optionalText()
        program.owner = try optionalLocated(Self.text)
        program.sponsor = try optionalLocated(Self.text)
        program.status = try optionalText()
        program.start = try optionalLocated(Self.date)
        program.target = try optionalLocated(Self.date)
        program.description = try optionalText()
        program.currency = try optionalText()
        program.budgetTotal = try optionalLocated(Self.number)
        program.objectives = try texts()
        program.scopeIn = try texts()
        program.scopeOut = try texts()
        program.workstreams = try list { reader in
            Program.Workstream(id: try reader.located(Self.text), name: try reader.optionalText(),
                               owner: try reader.optionalLocated(Self.text))
        }
        program.stakeholders = try list { reader in
            Program.Stakeholder(person: try reader.located(Self.text), role: try reader.optionalText())
        }
        program.allocations = try list { reader in
            Program.Allocation(person: try reader.located(Self.text), workstream: try reader.optionalLocated(Self.text),
                               percent: try reader.body.read(Double.self),
                               from: try reader.body.read(Int?.self).map(PlanDate.init(dayNumber:)),
                               to: try reader.body.read(Int?.self).map(PlanDate.init(dayNumber:)),
                               location: try reader.location())
        }
        program.milestones = try list { try $0.milestone() }
        program.risks = try list { try $0.risk() }
        program.budgetLines = try list { reader in
            BudgetLine(id: try reader.located(Self.text), amount: try reader.optionalLocated(Self.number),
                       category: try reader.optionalText(), workstream: try reader.optionalLocated(Self.text),
                       description: try reader.optionalText())
        }
        program.decisions = try list { try $0.decision() }
        program.kpis = try list { try $0.kpi() }
        program.lessons = try list { try $0.lesson() }
        return program
    }

    private mutating func milestone() throws -> Milestone {
        Milestone(id: try located(Self.text), name: try optionalText(), workstream: try optionalLocated(Self.text),
                  owner: try optionalLocated(Self.text), start: try optionalLocated(Self.date),
                  date: try optionalLocated(Self.date), status: try located(Self.raw), doneOn: try optionalLocated(Self.date),
                  description: try optionalText(), deliverables: try texts(),
                  dependsOn: try list { try $0.located(Self.reference) })
    }

    private mutating func risk() throws -> Risk {
        Risk(id: try located(Self.text), title: try optionalText(), owner: try optionalLocated(Self.text),
             probability: try body.read(Int?.self), impact: try body.read(Int?.self), status: try optionalText(),
             mitigation: try optionalText(), affects: try list { try $0.located(Self.reference) },
             reviewBy: try optionalLocated(Self.date), description: try optionalText())
    }

    private mutating func decision() throws -> Decision {
        Decision(id: try located(Self.text), title: try optionalText(), status: try optionalLocated(Self.text),
                 date: try optionalLocated(Self.date), owner: try optionalLocated(Self.text),
                 supersedes: try optionalLocated(Self.text), supersededBy: try optionalLocated(Self.text),
                 rationale: try optionalText())
    }

    private mutating func kpi() throws -> KPI {
        KPI(id: try located(Self.text), name: try optionalText(), unit: try optionalText(),
            baseline: try optionalLocated(Self.number), target: try optionalLocated(Self.number),
            current: try optionalLocated(Self.number), asOf: try optionalLocated(Self.date),
            direction: try optionalLocated(Self.raw), owner: try optionalLocated(Self.text),
            description: try optionalText())
    }

    private mutating func lesson() throws -> Lesson {
        Lesson(id: try located(Self.text), title: try optionalText(),
               category: try optionalLocated { reader -> Lesson.Category in
                   let isExtension = try reader.read(Bool.self)
                   let word = try reader.read(String.self)
                   if isExtension { return .extensionCategory(word) }
                   guard let category = Lesson.Category.standard.first(where: { $0.description == word }) else {
                       throw BinaryReader.Malformed()
                   }
                   return category
               },
               trigger: try optionalText(), lesson: try optionalText(),
               recommendation: try optionalLocated(Self.text), owner: try optionalLocated(Self.text),
               status: try optionalLocated(Self.raw), date: try optionalLocated(Self.date),
               refs: try list { reader in
                   try reader.located { body -> LessonReference in
                       switch try body.read(Int.self) {
                       case 0: return .changeRequest(try body.read(String.self))
                       case 1: return .entity(try Self.reference(&body))
                       default: throw BinaryReader.Malformed()
                       }
                   }
               })
    }
}
