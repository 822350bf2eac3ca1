/// The milestones where a change can have consequences, found from the change outwards instead
/// of by scheduling both whole sides.
///
/// A milestone's consequences (a new conflict, lost slack, a removed dependency) depend only on
/// its own schedule fields and on the state of what it names in `depends_on` (a node or not,
/// cancelled or not, its early finish). So only two kinds of milestone can have any:
/// - **seeds**: in a changed program, an id whose milestone differs between the sides in a field
///   the schedule reads (status, start, date, done_on, depends_on), or that is a node or exists
///   on one side only;
/// - milestones that name one whose state differs, found by following the references backwards
///   from the seeds, and continuing only through milestones whose own state differs (its early
///   finish, or whether it is in or after a cycle): a date moved within its slack stops there.
/// A program's target can only be newly at risk when the target differs or one of its
/// milestones' state does. Everything found is downstream of a changed program, so this is a
/// subset of what the whole-network path examines, with the same answers.
struct ChangedCone {
    /// Milestones to examine (keys; those that are no open node after the change are skipped).
    private(set) var milestones: Set<QualifiedID> = []
    /// Programs whose targets to examine.
    private(set) var programs: Set<String>

    private let before: ConeSchedule
    private let after: ConeSchedule
    /// For each program folder, the folders of programs whose milestones name one of its own;
    /// made when a seed is found.
    private var referrers: [String: Set<String>]?
    private let links: (old: ProgramLinks, new: ProgramLinks)?
    /// For each program folder, which of its milestones name each milestone (either side).
    private var writers: [String: [QualifiedID: [QualifiedID]]] = [:]
    /// Keys whose state has been compared.
    private var settled: Set<QualifiedID> = []
    private var differing: [QualifiedID] = []

    /// - Parameter links: which programs each side's programs name, when the caller keeps them.
    init(changedPrograms: Set<String>, before: ConeSchedule, after: ConeSchedule,
         links: (old: ProgramLinks, new: ProgramLinks)? = nil) {
        self.before = before
        self.after = after
        self.links = links
        programs = changedPrograms.filter { before.target($0) != after.target($0) }
        for folder in changedPrograms {
            let old = before.program(folder)?.milestones ?? [], new = after.program(folder)?.milestones ?? []
            var ids: Set<String> = []
            for milestone in old + new where ids.insert(milestone.id.value).inserted {
                let key = QualifiedID(program: folder, id: milestone.id.value)
                if seedDiffers(key) { differ(key) }
            }
        }
        if !differing.isEmpty { referrers = Self.referrers((before, links?.old), (after, links?.new)) }
        while let key = differing.popLast() {
            // Naming a milestone that is a node on neither side (cancelled on one, gone on the
            // other) is no edge: the whole network reaches such a writer only by another way.
            let isEdge = before.node(key) != nil || after.node(key) != nil
            for folder in [key.program] + Array(referrers?[key.program] ?? []) {
                for writer in writers(in: folder)[key] ?? [] where !milestones.contains(writer) {
                    if isEdge || isDownstream(writer, of: changedPrograms) { milestones.insert(writer) }
                    if settled.insert(writer).inserted, stateDiffers(writer) { differ(writer) }
                }
            }
        }
    }

    /// Whether a node of the changed programs is the key or among what it depends on, through
    /// either side's edges: what the whole-network path examines.
    private func isDownstream(_ key: QualifiedID, of changedPrograms: Set<String>) -> Bool {
        var seen: Set<QualifiedID> = [key]
        var stack = [key]
        while let next = stack.popLast() {
            for side in [before, after] {
                guard let node = side.node(next) else { continue }
                if changedPrograms.contains(next.program) { return true }
                for dependency in side.dependencies(node) where seen.insert(side.key(dependency)).inserted {
                    stack.append(side.key(dependency))
                }
            }
        }
        return false
    }

    private mutating func differ(_ key: QualifiedID) {
        milestones.insert(key)
        settled.insert(key)
        differing.append(key)
        programs.insert(key.program)
    }

    /// A seed: its node, existence or scheduled fields differ.
    private func seedDiffers(_ key: QualifiedID) -> Bool {
        let old = before.node(key), new = after.node(key)
        guard let old, let new else { return (old == nil) != (new == nil) || before.exists(key) != after.exists(key) }
        return !Self.sameSchedule(before.milestone(old), after.milestone(new))
    }

    /// What its dependents read of it differs: node or not, existence, early finish, and whether
    /// it is in or after a cycle. The last is not its finish: a milestone without dates has none
    /// either way, but only one after a cycle leaves its dependents unscheduled too.
    private func stateDiffers(_ key: QualifiedID) -> Bool {
        let old = before.node(key), new = after.node(key)
        guard let old, let new else { return (old == nil) != (new == nil) || before.exists(key) != after.exists(key) }
        return before.finishDay(old) != after.finishDay(new) || before.isInOrAfterCycle(old) != after.isInOrAfterCycle(new)
    }

    /// The fields the schedule and the consequences read.
    private static func sameSchedule(_ a: Milestone, _ b: Milestone) -> Bool {
        a.status.value == b.status.value && a.start?.value == b.start?.value && a.date?.value == b.date?.value
            && a.doneOn?.value == b.doneOn?.value && a.dependsOn.map(\.value) == b.dependsOn.map(\.value)
    }

    private mutating func writers(in folder: String) -> [QualifiedID: [QualifiedID]] {
        if let known = writers[folder] { return known }
        var found: [QualifiedID: [QualifiedID]] = [:]
        for program in [before.program(folder), after.program(folder)].compactMap({ $0 }) {
            for milestone in program.milestones {
                let writer = QualifiedID(program: folder, id: milestone.id.value)
                for reference in milestone.dependsOn {
                    let key = MilestoneNetwork.key(reference.value, from: folder)
                    if !(found[key]?.contains(writer) ?? false) { found[key, default: []].append(writer) }
                }
            }
        }
        writers[folder] = found
        return found
    }

    private static func referrers(_ sides: (schedule: ConeSchedule, links: ProgramLinks?)...) -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        for side in sides {
            for folder in side.schedule.folders {
                let names = side.links?.names[folder] ?? ProgramLinks.names(of: side.schedule.program(folder)!)
                for other in names where other != folder { found[other, default: []].insert(folder) }
            }
        }
        return found
    }
}
