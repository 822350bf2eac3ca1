/// The binary form of one side of a comparison (`DiffSide`: a whole workspace and its unreadable
/// files), as charter's baseline cache keeps the plans of a baseline's tree: parsing them again
/// from YAML is what `variance` and `report` would otherwise repeat on every run.
///
/// Every field of every model type, in declaration order, through `BinaryWriter`. Source paths
/// are written once, in a table before the body, and named by their index: every located value
/// carries one, so this keeps the bytes small and the decoded workspace sharing one string per
/// file, as the loader's does. `PlansBinaryReader` reads the same order back. The cache file's
/// version names the build that wrote it, so this order may change freely between builds; a
/// field added to the model must be added here and there (`PlansBinaryFormTests` fails otherwise).
public struct PlansBinaryWriter {
    private var body = BinaryWriter(reservingCapacity: 64 * 1024)
    private var pathIndex: [String: Int] = [:]
    private var paths: [String] = []

    /// The bytes of `side`.
    public static func encode(_ side: DiffSide) -> [UInt8] {
        var writer = PlansBinaryWriter()
        writer.workspace(side.workspace)
        writer.list(side.unreadable) { writer, file in
            writer.location(file.location)
            writer.body.write(file.message)
        }
        var result = BinaryWriter(reservingCapacity: writer.body.bytes.count + 64 * writer.paths.count)
        result.write(writer.paths)
        return result.bytes + writer.body.bytes
    }

    // MARK: - Shared shapes

    private mutating func location(_ location: SourceLocation) {
        let index: Int
        if let known = pathIndex[location.path] {
            index = known
        } else {
            index = paths.count
            pathIndex[location.path] = index
            paths.append(location.path)
        }
        body.write(index)
        body.write(location.position.line)
        body.write(location.position.column)
    }

    private mutating func located<Value>(_ value: Located<Value>, _ write: (inout BinaryWriter, Value) -> Void) {
        write(&body, value.value)
        location(value.location)
    }

    private mutating func located<Value>(_ value: Located<Value>?, _ write: (inout BinaryWriter, Value) -> Void) {
        body.write(value != nil)
        if let value { located(value, write) }
    }

    private mutating func list<Element>(_ elements: [Element], _ write: (inout Self, Element) -> Void) {
        body.write(UInt64(elements.count))
        for element in elements { write(&self, element) }
    }

    private static func text(_ writer: inout BinaryWriter, _ value: String) { writer.write(value) }
    private static func date(_ writer: inout BinaryWriter, _ value: PlanDate) { writer.write(value.dayNumber) }
    private static func number(_ writer: inout BinaryWriter, _ value: Double) { writer.write(value) }

    private static func reference(_ writer: inout BinaryWriter, _ value: EntityReference) {
        writer.write(value.program)
        writer.write(value.id)
    }

    // MARK: - Workspace, settings, people

    private mutating func workspace(_ workspace: Workspace) {
        settings(workspace.settings)
        body.write(workspace.settingsPath)
        list(workspace.people) { $0.person($1) }
        list(workspace.programs) { $0.program($1) }
        body.write(workspace.planFiles)
    }

    private mutating func settings(_ settings: Settings) {
        body.write(settings.version)
        policy(settings.policy)
        let rules = settings.ruleSeverities.sorted { $0.key < $1.key }
        list(rules) { writer, rule in
            writer.body.write(rule.key)
            writer.located(rule.value) { body, setting in
                switch setting {
                case .off: body.write(-1)
                case .severity(let severity): body.write(Severity.allCases.firstIndex(of: severity)!)
                }
            }
        }
    }

    private mutating func policy(_ policy: Policy) {
        body.write(policy.approvalTrailer)
        body.write(policy.reviewTrailers)
        body.write(policy.allowSelfApproval)
        body.write(policy.slipDays)
        body.write(policy.slipPercentOfRemaining)
        body.write(policy.dependentSlip)
        body.write(policy.budgetIncreasePercent)
        body.write(policy.milestoneRemoved)
        body.write(policy.scopeChange)
        let roles = policy.approverRoles.sorted { $0.key < $1.key }
        list(roles) { writer, entry in
            writer.body.write(entry.key.rawValue)
            writer.body.write(entry.value)
        }
        body.write(policy.defaultApproverRoles)
        list(policy.freezes) { writer, freeze in
            writer.body.write(freeze.name)
            writer.body.write(freeze.from.dayNumber)
            writer.body.write(freeze.to.dayNumber)
            writer.body.write(freeze.programs)
            writer.body.write(freeze.covers.sorted())
        }
        body.write(policy.freezeExceptionTrailer)
        body.write(policy.freezeExceptionFile)
    }

    private mutating func person(_ person: Person) {
        located(person.id, Self.text)
        body.write(person.name)
        body.write(person.email)
        body.write(person.github)
        body.write(person.team)
        body.write(person.title)
    }

    // MARK: - Programs

    private mutating func program(_ program: Program) {
        body.write(program.folder)
        body.write(program.path)
        body.write(program.hasProgramFile)
        located(program.id, Self.text)
        body.write(program.name)
        located(program.owner, Self.text)
        located(program.sponsor, Self.text)
        body.write(program.status)
        located(program.start, Self.date)
        located(program.target, Self.date)
        body.write(program.description)
        body.write(program.currency)
        located(program.budgetTotal, Self.number)
        body.write(program.objectives)
        body.write(program.scopeIn)
        body.write(program.scopeOut)
        list(program.workstreams) { writer, workstream in
            writer.located(workstream.id, Self.text)
            writer.body.write(workstream.name)
            writer.located(workstream.owner, Self.text)
        }
        list(program.stakeholders) { writer, stakeholder in
            writer.located(stakeholder.person, Self.text)
            writer.body.write(stakeholder.role)
        }
        list(program.allocations) { writer, allocation in
            writer.located(allocation.person, Self.text)
            writer.located(allocation.workstream, Self.text)
            writer.body.write(allocation.percent)
            writer.body.write(allocation.from?.dayNumber)
            writer.body.write(allocation.to?.dayNumber)
            writer.location(allocation.location)
        }
        list(program.milestones) { $0.milestone($1) }
        list(program.risks) { $0.risk($1) }
        list(program.budgetLines) { writer, line in
            writer.located(line.id, Self.text)
            writer.located(line.amount, Self.number)
            writer.body.write(line.category)
            writer.located(line.workstream, Self.text)
            writer.body.write(line.description)
        }
        list(program.decisions) { $0.decision($1) }
        list(program.kpis) { $0.kpi($1) }
        list(program.lessons) { $0.lesson($1) }
    }

    private mutating func milestone(_ milestone: Milestone) {
        located(milestone.id, Self.text)
        body.write(milestone.name)
        located(milestone.workstream, Self.text)
        located(milestone.owner, Self.text)
        located(milestone.start, Self.date)
        located(milestone.date, Self.date)
        located(milestone.status) { $0.write($1.rawValue) }
        located(milestone.doneOn, Self.date)
        body.write(milestone.description)
        body.write(milestone.deliverables)
        list(milestone.dependsOn) { $0.located($1, Self.reference) }
    }

    private mutating func risk(_ risk: Risk) {
        located(risk.id, Self.text)
        body.write(risk.title)
        located(risk.owner, Self.text)
        body.write(risk.probability)
        body.write(risk.impact)
        body.write(risk.status)
        body.write(risk.mitigation)
        list(risk.affects) { $0.located($1, Self.reference) }
        located(risk.reviewBy, Self.date)
        body.write(risk.description)
    }

    private mutating func decision(_ decision: Decision) {
        located(decision.id, Self.text)
        body.write(decision.title)
        located(decision.status, Self.text)
        located(decision.date, Self.date)
        located(decision.owner, Self.text)
        located(decision.supersedes, Self.text)
        located(decision.supersededBy, Self.text)
        body.write(decision.rationale)
    }

    private mutating func kpi(_ kpi: KPI) {
        located(kpi.id, Self.text)
        body.write(kpi.name)
        body.write(kpi.unit)
        located(kpi.baseline, Self.number)
        located(kpi.target, Self.number)
        located(kpi.current, Self.number)
        located(kpi.asOf, Self.date)
        located(kpi.direction) { $0.write($1.rawValue) }
        located(kpi.owner, Self.text)
        body.write(kpi.description)
    }

    private mutating func lesson(_ lesson: Lesson) {
        located(lesson.id, Self.text)
        body.write(lesson.title)
        located(lesson.category) { writer, category in
            // A standard category by its word; an extension one (`x-...`) marked, so it reads back as itself.
            if case .extensionCategory(let word) = category {
                writer.write(true)
                writer.write(word)
            } else {
                writer.write(false)
                writer.write(category.description)
            }
        }
        body.write(lesson.trigger)
        body.write(lesson.lesson)
        located(lesson.recommendation, Self.text)
        located(lesson.owner, Self.text)
        located(lesson.status) { $0.write($1.rawValue) }
        located(lesson.date, Self.date)
        list(lesson.refs) { writer, reference in
            writer.located(reference) { body, value in
                switch value {
                case .changeRequest(let id):
                    body.write(0)
                    body.write(id)
                case .entity(let entity):
                    body.write(1)
                    Self.reference(&body, entity)
                }
            }
        }
    }
}
