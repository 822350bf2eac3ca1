import CharterCore
import PropertyBased
import Testing

/// What `charter diff` says a change pushes is what `charter schedule` computes at the new
/// revision with the same as-of day: over generated networks (programs, cross-program
/// dependencies, every status, events and spans, dangling references) and generated edits.
@Suite struct ConsequencesMatchScheduleTests {
    @Test("diff consequences equal the schedule at the new revision, for generated plans and edits")
    func consequencesAreTheSchedules() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...999).array(of: 8...120)) { tape in
            let plan = GeneratedPlan(tape: tape)
            let old = GeneratedPlan.load(plan.files(plan.before)), new = GeneratedPlan.load(plan.files(plan.after))
            let check = ConsequenceCheck(old: old, new: new, asOf: plan.asOf)
            for problem in check.problems() {
                Issue.record("\(problem)\nas of \(plan.asOf); edit: \(plan.edit)\nbefore:\n\(plan.files(plan.before).sorted { $0.key < $1.key }.map { "\($0.key)\n\($0.value)" }.joined())\nafter:\n\(plan.files(plan.after).sorted { $0.key < $1.key }.map { "\($0.key)\n\($0.value)" }.joined())")
            }
        }
    }

    @Test("a dependency open past its date pushes as the schedule says: to the as-of day")
    func overdueDependencyPushesToTheAsOfDay() throws {
        let identity = "programs/identity/milestones.yaml"
        // identity/M3 slips from 2026-04-15 to 2026-04-20; judged on 2026-05-10 it is still open, so it ends 2026-05-10.
        let edited = DiffFixture.edit(identity, "date: 2026-04-15", "date: 2026-04-20")
        var files = DiffFixture.files
        files[identity] = edited
        let old = DiffFixture.load(DiffFixture.files).workspace, new = DiffFixture.load(files).workspace
        let asOf = PlanDate("2026-05-10")!
        let diff = SemanticDiff.compare(old, new, asOf: asOf)
        let schedule = try Scheduler.analyze(new, asOf: asOf)
        #expect(schedule.milestone(QualifiedID(program: "identity", id: "M3"))?.earlyFinish == asOf)
        // Both sides already had M2 (due 2026-05-01) before identity/M3's as-of finish: no new conflict.
        #expect(!diff.consequences.contains { $0.kind == .dueBeforeDependency })
        #expect(ConsequenceCheck(old: old, new: new, asOf: asOf).problems().isEmpty)
    }
}

/// The agreement checked, as a list of what disagrees.
struct ConsequenceCheck {
    let old: Workspace
    let new: Workspace
    let asOf: PlanDate

    func problems() -> [String] {
        guard let before = try? Scheduler.analyze(old, asOf: asOf), let after = try? Scheduler.analyze(new, asOf: asOf) else {
            return ["a generated plan has a cycle"]
        }
        let diff = SemanticDiff.compare(old, new, asOf: asOf)
        var problems: [String] = []
        func key(_ conflict: ScheduleConflict) -> String { "\(conflict.milestone) \(conflict.dependency) \(conflict.plannedField)" }
        let oldConflicts = Set(before.conflicts.map(key))
        let newConflicts = Dictionary(after.conflicts.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })

        var reported: Set<String> = []
        for consequence in diff.consequences {
            switch consequence.kind {
            case .startsBeforeDependency, .dueBeforeDependency:
                let field = consequence.kind == .startsBeforeDependency ? "start" : "date"
                let name = "\(consequence.milestoneKey) \(consequence.dependency!) \(field)"
                reported.insert(name)
                guard let conflict = newConflicts[name] else {
                    problems.append("diff says \(consequence.message), the schedule has no such conflict"); continue
                }
                if conflict.plannedDay != consequence.date || conflict.dependencyFinish != consequence.dependencyEnd {
                    problems.append("diff says \(consequence.message); the schedule: \(conflict)")
                }
                if consequence.earliestEnd != after.milestone(consequence.milestoneKey)?.earlyFinish {
                    problems.append("diff forecasts \(consequence.milestoneKey) at \(String(describing: consequence.earliestEnd)), the schedule at \(String(describing: after.milestone(consequence.milestoneKey)?.earlyFinish))")
                }
            case .slackReduced:
                if consequence.dependencyEnd != after.milestone(consequence.dependency!)?.earlyFinish {
                    problems.append("diff says \(consequence.message); the schedule finishes \(consequence.dependency!) \(String(describing: after.milestone(consequence.dependency!)?.earlyFinish))")
                }
            case .targetAtRisk:
                guard let forecast = after.program(consequence.program), let variance = forecast.varianceDays, variance > 0 else {
                    problems.append("diff says \(consequence.message), the schedule has \(consequence.program) on target"); continue
                }
                if forecast.forecastEnd != consequence.earliestEnd || forecast.target != consequence.target {
                    problems.append("diff says \(consequence.message); the schedule forecasts \(String(describing: forecast.forecastEnd)) against \(String(describing: forecast.target))")
                }
                if !forecast.criticalPaths.contains(where: { $0.last == consequence.milestoneKey }) {
                    problems.append("diff names \(consequence.milestoneKey) for \(consequence.program)'s target; the schedule's critical paths end at \(forecast.criticalPaths.compactMap(\.last))")
                }
                if let earlier = before.program(consequence.program)?.varianceDays, earlier >= variance {
                    problems.append("diff says \(consequence.message), but it was already \(earlier) days late")
                }
            case .dependencyRemoved:
                break
            }
        }
        // Nothing the schedule newly has is left unsaid.
        for (name, conflict) in newConflicts where !oldConflicts.contains(name) && !reported.contains(name) {
            problems.append("the schedule has a new conflict the diff does not report: \(conflict)")
        }
        for forecast in after.programs {
            guard let variance = forecast.varianceDays, variance > 0 else { continue }
            if let earlier = before.program(forecast.program)?.varianceDays, earlier >= variance { continue }
            if !diff.consequences.contains(where: { $0.kind == .targetAtRisk && $0.program == forecast.program }) {
                problems.append("the schedule has \(forecast.program) \(variance) days late (was \(String(describing: before.program(forecast.program)?.varianceDays))), the diff says nothing")
            }
        }
        return problems
    }
}

/// A plan of up to three programs and one edit, read off a tape of numbers (so that shrinking
/// the tape shrinks the plan). Dependencies point at milestones generated earlier, so there is
/// no cycle; some name milestones that do not exist.
struct GeneratedPlan {
    struct Item {
        var program: Int
        var id: String
        var status: MilestoneStatus
        var date: Int?
        var span: Int?
        var doneOn: Int?
        var dependsOn: [String]
    }

    var programs: [Int?] = []
    var before: [Item] = []
    var after: [Item] = []
    var asOf: PlanDate
    var edit = ""

    private static let statuses: [MilestoneStatus] = [.planned, .planned, .atRisk, .missed, .done, .cancelled]
    private static let origin = PlanDate("2026-01-01")!

    init(tape numbers: [Int]) {
        var tape = Tape(numbers)
        asOf = Self.origin.adding(days: tape.next(250))
        let programCount = 1 + tape.next(3)
        programs = (0..<programCount).map { _ in tape.next(4) == 0 ? nil : 60 + tape.next(200) }
        let count = 1 + tape.next(12)
        for index in 0..<count {
            before.append(Self.item(index, among: before, programs: programCount, tape: &tape))
        }
        after = before
        let target = tape.next(after.count)
        switch tape.next(7) {
        case 0:
            let shift = tape.next(60) - 20
            after[target].date = after[target].date.map { max(0, $0 + shift) } ?? tape.next(200)
            edit = "\(after[target].id) date \(shift)d"
        case 1:
            after[target].status = Self.statuses[tape.next(Self.statuses.count)]
            if after[target].status == .done { after[target].doneOn = after[target].doneOn ?? after[target].date.map { $0 + tape.next(20) } }
            edit = "\(after[target].id) status \(after[target].status.rawValue)"
        case 2:
            let dependency = tape.next(max(1, target))
            if target > 0 { after[target].dependsOn.append(Self.reference(after[dependency], from: after[target].program)) }
            edit = "\(after[target].id) depends on one more"
        case 3:
            if !after[target].dependsOn.isEmpty { after[target].dependsOn.removeLast() }
            edit = "\(after[target].id) depends on one fewer"
        case 4:
            edit = "\(after[target].id) removed"
            after.remove(at: target)
        case 5:
            let program = tape.next(programCount)
            programs[program] = tape.next(3) == 0 ? nil : 40 + tape.next(220)
            edit = "p\(program) target \(String(describing: programs[program]))"
        default:
            after[target].span = tape.next(3) == 0 ? nil : tape.next(40)
            edit = "\(after[target].id) span \(String(describing: after[target].span))"
        }
    }

    private static func item(_ index: Int, among earlier: [Item], programs: Int, tape: inout Tape) -> Item {
        let program = tape.next(programs)
        let status = statuses[tape.next(statuses.count)]
        let date: Int? = tape.next(6) == 0 ? nil : tape.next(240)
        let span: Int? = tape.next(3) == 0 ? tape.next(40) : nil
        var item = Item(program: program, id: "M\(index)", status: status, date: date, span: span,
                        doneOn: status == .done ? date.map { $0 + tape.next(20) - 5 } : nil, dependsOn: [])
        for _ in 0..<tape.next(3) where !earlier.isEmpty {
            let dependency = earlier[tape.next(earlier.count)]
            item.dependsOn.append(reference(dependency, from: program))
        }
        if tape.next(12) == 0 { item.dependsOn.append("M99") }
        return item
    }

    private static func reference(_ item: Item, from program: Int) -> String {
        item.program == program ? item.id : "p\(item.program)/\(item.id)"
    }

    func files(_ items: [Item]) -> [String: String] {
        var files = ["people.yaml": "people:\n  - { id: alice, name: Alice }\n"]
        for (index, target) in programs.enumerated() {
            files["programs/p\(index)/program.yaml"] = "id: p\(index)\nname: P\(index)\nowner: alice\nstatus: active\nstart: 2026-01-01\n"
                + (target.map { "target: \(Self.origin.adding(days: $0))\n" } ?? "")
            var text = "milestones:\n"
            for item in items where item.program == index {
                var fields = ["id: \(item.id)", "name: \(item.id)", "status: \(item.status.rawValue)"]
                if let date = item.date {
                    fields.append("date: \(Self.origin.adding(days: date))")
                    if let span = item.span { fields.append("start: \(Self.origin.adding(days: max(0, date - span)))") }
                } else if let span = item.span {
                    fields.append("start: \(Self.origin.adding(days: span))")
                }
                if let doneOn = item.doneOn { fields.append("done_on: \(Self.origin.adding(days: max(0, doneOn)))") }
                if !item.dependsOn.isEmpty { fields.append("depends_on: [\(item.dependsOn.joined(separator: ", "))]") }
                text += "  - { \(fields.joined(separator: ", ")) }\n"
            }
            files["programs/p\(index)/milestones.yaml"] = text
        }
        return files
    }

    static func load(_ files: [String: String]) -> Workspace {
        WorkspaceLoader.load(from: InMemoryPlanSource(files: files)).workspace
    }
}

/// Numbers read in turn; zeros once they run out.
struct Tape {
    private var numbers: [Int]
    private var position = 0

    init(_ numbers: [Int]) { self.numbers = numbers }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        guard bound > 1, position < numbers.count else { position += 1; return 0 }
        defer { position += 1 }
        return numbers[position] % bound
    }
}
