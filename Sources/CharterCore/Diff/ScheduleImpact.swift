/// The consequences of a change for the schedule: problems present after it and not before,
/// among them dependents left with a week or less of slack (`littleSlack`),
/// among the milestones the change can reach (those of changed programs and everything that
/// depends on them, across programs).
///
/// A milestone's end is its `date`, pushed later when a dependency ends after the milestone's
/// `start` (or, without a start, after its date): work cannot begin before what it waits on is
/// done. Done milestones end on `done_on` (else `date`); cancelled ones constrain nothing;
/// unscheduled ones are unknown and push nothing.
public enum ScheduleImpact {
    /// The milestones (of either side) whose earliest end differs between the two sides, or that
    /// exist on one side only: the only ones whose dependents a change can affect. A reader that
    /// loads a large workspace piecemeal follows these to find the programs it must read.
    public static func milestonesWithChangedEnds(old: Workspace, new: Workspace) -> Set<QualifiedID> {
        let before = ScheduleGraph(old), after = ScheduleGraph(new)
        var changed: Set<QualifiedID> = []
        for key in Set(before.nodes.keys).union(after.nodes.keys) {
            let a = before.nodes[key] == nil ? nil : before.end(of: key)
            let b = after.nodes[key] == nil ? nil : after.end(of: key)
            if before.nodes[key] == nil || after.nodes[key] == nil || a?.date != b?.date {
                changed.insert(key)
            }
        }
        return changed
    }

    static func consequences(old: Workspace, new: Workspace, changedPrograms: Set<String>) -> [Consequence] {
        guard !changedPrograms.isEmpty else { return [] }
        let before = ScheduleGraph(old), after = ScheduleGraph(new)
        let affected = after.downstream(of: changedPrograms, also: before)

        var found: [Consequence] = []
        for key in affected.sorted() {
            guard let node = after.nodes[key], node.isOpen else { continue }
            let oldConflicts = before.nodes[key].map { _ in before.conflicts(of: key) } ?? []
            let known = Set(oldConflicts.map { "\($0.kind.rawValue) \($0.dependency)" })
            for conflict in after.conflicts(of: key) where !known.contains("\(conflict.kind.rawValue) \(conflict.dependency)") {
                found.append(consequence(conflict, of: node))
            }
            found += slackLost(key, before: before, after: after)
            found += dependenciesRemoved(key, before: before, after: after)
        }

        var programs = changedPrograms
        programs.formUnion(affected.map(\.program))
        for program in programs.sorted(by: NaturalOrder.less) {
            guard let risk = after.targetRisk(program) else { continue }
            // Already at risk by as much or more: not this change's doing.
            if let earlier = before.targetRisk(program),
               earlier.target.days(to: earlier.end) >= risk.target.days(to: risk.end) { continue }
            found.append(targetConsequence(risk, program: program))
        }
        return found.sorted { a, b in
            if a.program != b.program { return NaturalOrder.less(a.program, b.program) }
            if a.kind == .targetAtRisk || b.kind == .targetAtRisk { return a.kind != .targetAtRisk && b.kind == .targetAtRisk }
            if a.milestone != b.milestone { return NaturalOrder.less(a.milestone, b.milestone) }
            if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
            return (a.dependency?.description ?? "") < (b.dependency?.description ?? "")
        }
    }

    private static func name(_ key: QualifiedID, from program: String) -> String {
        key.program == program ? key.id : key.description
    }

    private static func consequence(_ conflict: ScheduleGraph.Conflict, of node: ScheduleGraph.Node) -> Consequence {
        let program = node.key.program
        let dependency = name(conflict.dependency, from: program)
        let ends = conflict.end.pushedBy.map { "can end (\(conflict.end.date), pushed by \(name($0, from: program)))" }
            ?? "ends (\(conflict.end.date))"
        let message: String
        switch conflict.kind {
        case .startsBeforeDependency:
            message = "\(node.key.id) starts \(conflict.date), before its dependency \(dependency) \(ends)"
        default:
            message = "\(node.key.id) is due \(conflict.date), before its dependency \(dependency) \(ends)"
        }
        var consequence = Consequence(kind: conflict.kind, program: program, milestone: node.key.id, message: message)
        consequence.dependency = conflict.dependency
        consequence.date = conflict.date
        consequence.dependencyEnd = conflict.end.date
        consequence.pushedBy = conflict.end.pushedBy
        return consequence
    }

    /// Days to spare at or under which a dependent has lost its slack.
    public static let littleSlack = 7

    /// A dependency that now ends later leaves the milestone a week or less to spare (but not less than none).
    private static func slackLost(_ key: QualifiedID, before: ScheduleGraph, after: ScheduleGraph) -> [Consequence] {
        guard let node = after.nodes[key], let oldNode = before.nodes[key],
              let base = node.base, let oldBase = oldNode.base else { return [] }
        var found: [Consequence] = []
        for dependency in node.dependencies where oldNode.dependencies.contains(dependency) {
            guard let end = after.end(of: dependency), let oldEnd = before.end(of: dependency),
                  end.date > oldEnd.date else { continue }
            let slack = end.date.days(to: base), oldSlack = oldEnd.date.days(to: oldBase)
            guard slack >= 0, slack < oldSlack, slack <= littleSlack else { continue }
            let program = key.program
            let cause = end.pushedBy.map { ", pushed by \(name($0, from: program))" } ?? ""
            var consequence = Consequence(
                kind: .slackReduced, program: program, milestone: key.id,
                message: "\(key.id) now has \(slack) day\(slack == 1 ? "" : "s") of slack after \(name(dependency, from: program)) (was \(oldSlack)): it ends \(end.date)\(cause)")
            consequence.dependency = dependency
            consequence.date = base
            consequence.dependencyEnd = end.date
            consequence.slackFrom = oldSlack
            consequence.slackTo = slack
            consequence.pushedBy = end.pushedBy
            found.append(consequence)
        }
        return found
    }

    /// Dependencies the milestone had before and still names, that no longer exist.
    private static func dependenciesRemoved(_ key: QualifiedID, before: ScheduleGraph, after: ScheduleGraph) -> [Consequence] {
        guard let node = after.nodes[key], let oldNode = before.nodes[key] else { return [] }
        return node.dependencies.filter { dependency in
            after.nodes[dependency] == nil && before.nodes[dependency] != nil && oldNode.dependencies.contains(dependency)
        }.map { dependency in
            // Gone from its program but new in another: moved, and references do not follow.
            let destination = after.nodes.keys.filter {
                $0.id == dependency.id && $0.program != dependency.program && before.nodes[$0] == nil
            }.map(\.program).sorted(by: NaturalOrder.less).first
            let fate = destination.map { "moves to \($0)" } ?? "removes"
            var consequence = Consequence(
                kind: .dependencyRemoved, program: key.program, milestone: key.id,
                message: "\(key.id) depends on \(name(dependency, from: key.program)), which this change \(fate)")
            consequence.dependency = dependency
            return consequence
        }
    }

    private static func targetConsequence(_ risk: ScheduleGraph.TargetRisk, program: String) -> Consequence {
        let id = risk.milestone.id
        let message: String
        if let pushedBy = risk.pushedBy {
            message = "target \(risk.target) at risk: \(id) cannot end before \(risk.end) (pushed by \(name(pushedBy, from: program)))"
        } else {
            message = "target \(risk.target) at risk: \(id) is due \(risk.end), after the target"
        }
        var consequence = Consequence(kind: .targetAtRisk, program: program, milestone: id, message: message)
        consequence.target = risk.target
        consequence.earliestEnd = risk.end
        consequence.pushedBy = risk.pushedBy
        return consequence
    }
}

/// The milestones of one workspace as a dependency graph, with each milestone's earliest end.
final class ScheduleGraph {
    struct Node {
        var key: QualifiedID
        var milestone: Milestone
        var dependencies: [QualifiedID]

        var isOpen: Bool { milestone.isOpen }
        /// The day work toward it begins, or the day it happens when it has no start.
        var base: PlanDate? { milestone.start?.value ?? milestone.date?.value }
    }

    struct End: Hashable {
        var date: PlanDate
        /// The milestone at the head of the chain that pushed this end past the planned date.
        var pushedBy: QualifiedID?
    }

    struct Conflict {
        var kind: Consequence.Kind
        var dependency: QualifiedID
        var date: PlanDate
        var end: End
    }

    struct TargetRisk {
        var milestone: QualifiedID
        var target: PlanDate
        var end: PlanDate
        var pushedBy: QualifiedID?
    }

    let nodes: [QualifiedID: Node]
    private let dependents: [QualifiedID: [QualifiedID]]
    private let programMilestones: [String: [QualifiedID]]
    private let targets: [String: PlanDate]
    private var ends: [QualifiedID: End?] = [:]
    private var visiting: Set<QualifiedID> = []

    init(_ workspace: Workspace) {
        var nodes: [QualifiedID: Node] = [:]
        var dependents: [QualifiedID: [QualifiedID]] = [:]
        var programMilestones: [String: [QualifiedID]] = [:]
        var targets: [String: PlanDate] = [:]
        let count = workspace.programs.reduce(0) { $0 + $1.milestones.count }
        nodes.reserveCapacity(count)
        dependents.reserveCapacity(count)
        for program in workspace.programs {
            if let target = program.target?.value { targets[program.folder] = target }
            for milestone in program.milestones {
                let key = QualifiedID(program: program.folder, id: milestone.id.value)
                guard nodes[key] == nil else { continue }
                let dependencies = milestone.dependsOn.map {
                    QualifiedID(program: $0.value.program(from: program.folder), id: $0.value.id)
                }
                nodes[key] = Node(key: key, milestone: milestone, dependencies: dependencies)
                programMilestones[program.folder, default: []].append(key)
                for dependency in dependencies { dependents[dependency, default: []].append(key) }
            }
        }
        self.nodes = nodes
        self.dependents = dependents
        self.programMilestones = programMilestones
        self.targets = targets
    }

    /// The milestones of the given programs and all that depend on them, here or in `other`.
    func downstream(of programs: Set<String>, also other: ScheduleGraph) -> Set<QualifiedID> {
        var reached: Set<QualifiedID> = []
        var queue: [QualifiedID] = []
        for program in programs {
            queue += programMilestones[program] ?? []
            queue += other.programMilestones[program] ?? []
        }
        while let key = queue.popLast() {
            guard reached.insert(key).inserted else { continue }
            queue += dependents[key] ?? []
            queue += other.dependents[key] ?? []
        }
        return reached
    }

    /// The earliest a milestone can end; `nil` when unknown (unscheduled, cancelled, missing, in a cycle).
    func end(of key: QualifiedID) -> End? {
        if let known = ends[key] { return known }
        guard let node = nodes[key], !visiting.contains(key) else { return nil }
        visiting.insert(key)
        defer { visiting.remove(key) }
        let end = computeEnd(node)
        ends[key] = .some(end)
        return end
    }

    private func computeEnd(_ node: Node) -> End? {
        let milestone = node.milestone
        switch milestone.status.value {
        case .cancelled: return nil
        case .done: return (milestone.doneOn ?? milestone.date).map { End(date: $0.value, pushedBy: nil) }
        case .planned, .atRisk, .missed: break
        }
        guard let date = milestone.date?.value, let base = node.base else { return nil }
        var latest: (end: End, key: QualifiedID)?
        for dependency in node.dependencies {
            guard let end = end(of: dependency) else { continue }
            if latest == nil || end.date > latest!.end.date { latest = (end, dependency) }
        }
        guard let latest, latest.end.date > base else { return End(date: date, pushedBy: nil) }
        return End(date: date.adding(days: base.days(to: latest.end.date)), pushedBy: latest.end.pushedBy ?? latest.key)
    }

    /// Dependencies that end after the milestone starts (or, without a start, after its date).
    func conflicts(of key: QualifiedID) -> [Conflict] {
        guard let node = nodes[key], node.isOpen else { return [] }
        var conflicts: [Conflict] = []
        for dependency in node.dependencies {
            guard let end = end(of: dependency) else { continue }
            if let start = node.milestone.start?.value, start < end.date {
                conflicts.append(Conflict(kind: .startsBeforeDependency, dependency: dependency, date: start, end: end))
            } else if let date = node.milestone.date?.value, date < end.date {
                conflicts.append(Conflict(kind: .dueBeforeDependency, dependency: dependency, date: date, end: end))
            }
        }
        return conflicts
    }

    /// The open milestone of the program that ends latest after its target, if any does.
    func targetRisk(_ program: String) -> TargetRisk? {
        guard let target = targets[program] else { return nil }
        var worst: TargetRisk?
        for key in programMilestones[program] ?? [] {
            guard let node = nodes[key], node.isOpen, let end = end(of: key), end.date > target else { continue }
            if worst == nil || end.date > worst!.end {
                worst = TargetRisk(milestone: key, target: target, end: end.date, pushedBy: end.pushedBy)
            }
        }
        return worst
    }
}
