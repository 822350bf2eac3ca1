/// The consequences of a change for the schedule: problems present after it and not before,
/// among the milestones the change can reach (those of changed programs and everything that
/// depends on them, across programs).
///
/// Both sides are scheduled as `charter schedule` schedules them, on the same `MilestoneNetwork`
/// and forward pass, at the same as-of day: a milestone's end is its early finish there. So what
/// the diff says a change pushes — which milestones now start or are due before a dependency
/// can end, to which day, which program targets are at risk and by how much — is what
/// `charter schedule --as-of` says of the new revision.
public enum ScheduleImpact {
    /// The milestones (of either side) whose early finish differs between the two sides, or that
    /// are in the network on one side only: the only ones whose dependents a change can affect.
    /// A reader that loads a large workspace piecemeal follows these to find the programs it must read.
    public static func milestonesWithChangedEnds(old: Workspace, new: Workspace, asOf: PlanDate) -> Set<QualifiedID> {
        let before = ScheduleSide(old, asOf: asOf), after = ScheduleSide(new, asOf: asOf)
        var changed: Set<QualifiedID> = []
        for key in Set(before.network.ids).union(after.network.ids) {
            let a = before.network.node(key), b = after.network.node(key)
            if a == nil || b == nil || before.forward.earlyFinish[a!] != after.forward.earlyFinish[b!] {
                changed.insert(key)
            }
        }
        return changed
    }

    /// - Parameters:
    ///   - scope: the program folders both sides' networks are made of (`DiffScope`); `nil`: all.
    ///   - everyFileRead: no plan file was unreadable on either side. Only then is a program
    ///     whose milestones differ always among `changedPrograms`, which the changed cone needs.
    static func consequences(old: Workspace, new: Workspace, changedPrograms: Set<String>, asOf: PlanDate,
                             scope: Set<String>? = nil, everyFileRead: Bool = true,
                             links: (old: ProgramLinks, new: ProgramLinks)? = nil) -> [Consequence] {
        guard !changedPrograms.isEmpty else { return [] }
        if everyFileRead, let before = ConeSchedule(old, scope: scope, asOf: asOf),
           let after = ConeSchedule(new, scope: scope, asOf: asOf) {
            if before.folders.isEmpty && after.folders.allSatisfy(changedPrograms.contains) {
                // An import (the first commit, or plans added where there were none): every
                // milestone is new, so the cone is every milestone and every program. One
                // schedule of the new side, without following anything from 300,000 seeds.
                return collect(changedPrograms.lazy.flatMap { after.members($0) }.map(after.key), programs: changedPrograms,
                               before: before, after: after)
            }
            let cone = ChangedCone(changedPrograms: changedPrograms, before: before, after: after, links: links)
            return collect(cone.milestones, programs: cone.programs, before: before, after: after)
        }
        let before = ScheduleSide(old.restricted(to: scope), asOf: asOf), after = ScheduleSide(new.restricted(to: scope), asOf: asOf)
        let affected = downstream(of: changedPrograms, in: before, after)
        var programs = changedPrograms
        programs.formUnion(affected.map(\.program))
        return collect(affected, programs: programs, before: before, after: after)
    }

    /// The consequences found at `milestones` (those open after the change) and for the targets
    /// of `programs`, in report order.
    private static func collect<Before: ImpactSide, After: ImpactSide>(
        _ milestones: some Sequence<QualifiedID>, programs: Set<String>, before: Before, after: After) -> [Consequence] {
        var found: [Consequence] = []
        // In any order: no two consequences tie in the order they are sorted into below (one per
        // milestone, kind and dependency; one target per program), and the first commit of a
        // large workspace examines every milestone.
        for key in milestones {
            // Done work is past pushing: only open milestones have consequences.
            guard let node = after.node(key), after.milestone(node).isOpen else { continue }
            // Each side's node looked up once (an import asks this of 300,000 milestones).
            guard let oldNode = before.node(key) else {
                for conflict in after.conflicts(of: node) { found.append(consequence(conflict, node: node, after)) }
                continue
            }
            let known = Set(before.conflicts(of: oldNode).map { "\($0.plannedField) \($0.dependency)" })
            for conflict in after.conflicts(of: node) where !known.contains("\(conflict.plannedField) \(conflict.dependency)") {
                found.append(consequence(conflict, node: node, after))
            }
            found += slackLost(key, node: node, oldNode: oldNode, before: before, after: after)
            found += dependenciesRemoved(key, node: node, oldNode: oldNode, before: before, after: after)
        }

        for program in programs.sorted(by: NaturalOrder.less) {
            guard let risk = after.targetRisk(program) else { continue }
            // Already at risk by as much or more: not this change's doing.
            if let earlier = before.targetRisk(program), earlier.lateDays >= risk.lateDays { continue }
            found.append(targetConsequence(risk, program: program, after))
        }
        return found.sorted { a, b in
            if a.program != b.program { return NaturalOrder.less(a.program, b.program) }
            if a.kind == .targetAtRisk || b.kind == .targetAtRisk { return a.kind != .targetAtRisk && b.kind == .targetAtRisk }
            if a.milestone != b.milestone { return NaturalOrder.less(a.milestone, b.milestone) }
            if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
            return (a.dependency?.description ?? "") < (b.dependency?.description ?? "")
        }
    }

    /// Days to spare at or under which a dependent has lost its slack.
    public static let littleSlack = 7

    /// The milestones of the given programs and all that depend on them, on either side.
    private static func downstream(of programs: Set<String>, in sides: ScheduleSide...) -> Set<QualifiedID> {
        var reached: Set<QualifiedID> = []
        var stack: [QualifiedID] = []
        for side in sides {
            for program in programs { stack += (side.network.members[program] ?? []).map { side.network.ids[$0] } }
        }
        while let key = stack.popLast() {
            guard reached.insert(key).inserted else { continue }
            for side in sides {
                guard let node = side.network.node(key) else { continue }
                stack += side.network.successors[node].map { side.network.ids[$0] }
            }
        }
        return reached
    }

    private static func name(_ key: QualifiedID, from program: String) -> String {
        key.program == program ? key.id : key.description
    }

    /// How a dependency ends: `ends (D)`, `can end (D, pushed by M2)`, `can end (D, open past its date)`.
    private static func ending(_ dependency: Int, _ side: some ImpactSide, from program: String) -> String {
        let end = side.finish(dependency)!
        if let pushedBy = side.pushedBy(dependency) {
            return "can end (\(end), pushed by \(name(side.key(pushedBy), from: program)))"
        }
        return side.driver(dependency) == .asOf ? "can end (\(end), open past its date)" : "ends (\(end))"
    }

    private static func consequence(_ conflict: ScheduleConflict, node: Int, _ side: some ImpactSide) -> Consequence {
        let key = conflict.milestone, program = key.program
        let dependencyNode = side.node(conflict.dependency)!
        let dependency = name(conflict.dependency, from: program)
        let ends = ending(dependencyNode, side, from: program)
        let starts = conflict.plannedField == "start"
        let message = "\(key.id) \(starts ? "starts" : "is due") \(conflict.plannedDay), before its dependency \(dependency) \(ends)"
        var consequence = Consequence(kind: starts ? .startsBeforeDependency : .dueBeforeDependency,
                                      program: program, milestone: key.id, message: message)
        consequence.dependency = conflict.dependency
        consequence.date = conflict.plannedDay
        consequence.dependencyEnd = conflict.dependencyFinish
        consequence.earliestEnd = side.finish(node)
        consequence.pushedBy = side.pushedBy(dependencyNode).map(side.key)
        return consequence
    }

    /// A dependency that now ends later leaves the milestone a week or less to spare (but not less than none).
    private static func slackLost(_ key: QualifiedID, node: Int, oldNode: Int, before: some ImpactSide, after: some ImpactSide) -> [Consequence] {
        guard let base = after.base(node), let oldBase = before.base(oldNode) else { return [] }
        var found: [Consequence] = []
        let oldDependencies = Set(before.dependencies(oldNode).map(before.key))
        for dependency in after.dependencies(node) where oldDependencies.contains(after.key(dependency)) {
            let dependencyKey = after.key(dependency)
            guard let end = after.finish(dependency), let oldEnd = before.node(dependencyKey).flatMap(before.finish),
                  end > oldEnd else { continue }
            let slack = end.days(to: base), oldSlack = oldEnd.days(to: oldBase)
            guard slack >= 0, slack < oldSlack, slack <= littleSlack else { continue }
            let program = key.program
            let pushedBy = after.pushedBy(dependency).map(after.key)
            let cause = pushedBy.map { ", pushed by \(name($0, from: program))" } ?? ""
            var consequence = Consequence(
                kind: .slackReduced, program: program, milestone: key.id,
                message: "\(key.id) now has \(slack) day\(slack == 1 ? "" : "s") of slack after \(name(dependencyKey, from: program)) (was \(oldSlack)): it ends \(end)\(cause)")
            consequence.dependency = dependencyKey
            consequence.date = base
            consequence.dependencyEnd = end
            consequence.slackFrom = oldSlack
            consequence.slackTo = slack
            consequence.pushedBy = pushedBy
            found.append(consequence)
        }
        return found
    }

    /// Dependencies the milestone had before and still names, that no longer exist.
    private static func dependenciesRemoved(_ key: QualifiedID, node: Int, oldNode: Int, before: some ImpactSide, after: some ImpactSide) -> [Consequence] {
        let oldWritten = Set(before.written(oldNode))
        var seen: Set<QualifiedID> = []
        return after.written(node).filter { dependency in
            seen.insert(dependency).inserted && !after.exists(dependency) && before.exists(dependency) && oldWritten.contains(dependency)
        }.map { dependency in
            // Gone from its program but new in another: moved, and references do not follow.
            let destination = after.nodes(withID: dependency.id).filter {
                $0.program != dependency.program && !before.exists($0)
            }.map(\.program).sorted(by: NaturalOrder.less).first
            let fate = destination.map { "moves to \($0)" } ?? "removes"
            var consequence = Consequence(
                kind: .dependencyRemoved, program: key.program, milestone: key.id,
                message: "\(key.id) depends on \(name(dependency, from: key.program)), which this change \(fate)")
            consequence.dependency = dependency
            return consequence
        }
    }

    private static func targetConsequence(_ risk: TargetRisk, program: String, _ side: some ImpactSide) -> Consequence {
        let id = side.key(risk.milestone).id
        let message: String
        if let pushedBy = side.pushedBy(risk.milestone) {
            message = "target \(risk.target) at risk: \(id) cannot end before \(risk.end) (pushed by \(name(side.key(pushedBy), from: program)))"
        } else {
            switch side.driver(risk.milestone) {
            case .asOf: message = "target \(risk.target) at risk: \(id) is open past its date and cannot end before \(risk.end)"
            case .completed: message = "target \(risk.target) missed: \(id) was done \(risk.end), after the target"
            default: message = "target \(risk.target) at risk: \(id) is due \(risk.end), after the target"
            }
        }
        var consequence = Consequence(kind: .targetAtRisk, program: program, milestone: id, message: message)
        consequence.target = risk.target
        consequence.earliestEnd = risk.end
        consequence.pushedBy = side.pushedBy(risk.milestone).map(side.key)
        return consequence
    }
}

/// What the consequences ask of one side of a diff: its milestone network (nodes are indexes)
/// and forward pass at the as-of day. `ScheduleSide` answers from a whole network,
/// `ConeSchedule` builds only what is asked.
protocol ImpactSide {
    func node(_ key: QualifiedID) -> Int?
    func key(_ node: Int) -> QualifiedID
    func milestone(_ node: Int) -> Milestone
    /// Resolved dependencies, in the order written, without repeats.
    func dependencies(_ node: Int) -> [Int]
    /// The early finish (a day number); `nil` when unscheduled or in or after a cycle.
    func finishDay(_ node: Int) -> Int?
    func driver(_ node: Int) -> ScheduledMilestone.Driver
    /// The dependencies that set its start, in dependency order.
    func driving(_ node: Int) -> [Int]
    /// A milestone of this side, cancelled or not.
    func exists(_ key: QualifiedID) -> Bool
    /// The nodes of a program, in the order the files list them.
    func members(_ program: String) -> [Int]
    func target(_ program: String) -> PlanDate?
    /// The nodes, in any program, with this id.
    func nodes(withID id: String) -> [QualifiedID]
}

/// A program that cannot end by its target.
struct TargetRisk {
    /// The milestone that sets the forecast end: the first, in id order, where a critical path ends.
    var milestone: Int
    var target: PlanDate
    /// The program's forecast end, as `charter schedule` gives it.
    var end: PlanDate
    var lateDays: Int { target.days(to: end) }
}

extension ImpactSide {
    /// The early finish; `nil` when unscheduled.
    func finish(_ node: Int) -> PlanDate? { finishDay(node).map(PlanDate.init(dayNumber:)) }

    /// The day work toward it begins, or the day it happens when it has no start.
    func base(_ node: Int) -> PlanDate? { (milestone(node).start ?? milestone(node).date)?.value }

    /// As `Scheduler.conflicts(of:)`: an open milestone planned before a dependency can end.
    func conflicts(of node: Int) -> [ScheduleConflict] {
        Scheduler.conflicts(of: node, milestone(node), dependencies: dependencies(node), finishDay: finishDay, key: key)
    }

    /// Every milestone its `depends_on` names, resolved, as written (cancelled and missing ones too).
    func written(_ node: Int) -> [QualifiedID] {
        milestone(node).dependsOn.map { MilestoneNetwork.key($0.value, from: key(node).program) }
    }

    /// Reached later than planned because of its dependencies: its start is set by them and its
    /// finish falls after its planned `date` (else `start`), or it has no planned day at all.
    func isPushed(_ node: Int) -> Bool {
        guard driver(node) == .dependencies, let finish = finishDay(node) else { return false }
        let milestone = milestone(node)
        return (milestone.date ?? milestone.start).map { finish > $0.value.dayNumber } ?? true
    }

    /// The milestone at the head of the chain that pushes it past its plan ("pushed by M2"):
    /// back through the first driving dependency while that one is pushed too.
    func pushedBy(_ node: Int) -> Int? {
        guard isPushed(node), var head = driving(node).first else { return nil }
        while isPushed(head), let next = driving(head).first { head = next }
        return head
    }

    /// The program's forecast end, when it is after the program's target.
    func targetRisk(_ program: String) -> TargetRisk? {
        guard let target = target(program) else { return nil }
        let members = members(program).sorted { key($0) < key($1) }
        guard let end = members.compactMap(finishDay).max(), end > target.dayNumber else { return nil }
        let finishing = members.filter { finishDay($0) == end }
        guard let last = CriticalPath.ends(finishing, driving: driving).first else { return nil }
        return TargetRisk(milestone: last, target: target, end: PlanDate(dayNumber: end))
    }
}

/// One side of a diff as the schedule sees it: its whole network and forward pass at the as-of
/// day. Cycles do not stop it: milestones in or after one have no finish and push nothing.
struct ScheduleSide: ImpactSide {
    let network: MilestoneNetwork
    let forward: ForwardPass
    private let targets: [String: PlanDate]

    init(_ workspace: Workspace, asOf: PlanDate) {
        network = MilestoneNetwork(workspace)
        forward = ForwardPass(network, asOf: asOf)
        var targets: [String: PlanDate] = [:]
        for program in workspace.programs where targets[program.folder] == nil {
            if let target = program.target?.value { targets[program.folder] = target }
        }
        self.targets = targets
    }

    func node(_ key: QualifiedID) -> Int? { network.node(key) }
    func key(_ node: Int) -> QualifiedID { network.ids[node] }
    func milestone(_ node: Int) -> Milestone { network.milestones[node] }
    func dependencies(_ node: Int) -> [Int] { network.dependencies[node] }
    func finishDay(_ node: Int) -> Int? { forward.earlyFinish[node] }
    func driver(_ node: Int) -> ScheduledMilestone.Driver { forward.driver[node] }
    func driving(_ node: Int) -> [Int] { forward.driving[node] }
    func exists(_ key: QualifiedID) -> Bool { network.node(key) != nil || network.cancelled.contains(key) }
    func members(_ program: String) -> [Int] { network.members[program] ?? [] }
    func target(_ program: String) -> PlanDate? { targets[program] }
    func nodes(withID id: String) -> [QualifiedID] { network.ids.filter { $0.id == id } }
}
