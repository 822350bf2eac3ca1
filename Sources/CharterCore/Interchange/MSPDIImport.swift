/// What an MSPDI file says one program's milestones are: `charter import mspdi`'s core.
///
/// Tasks are matched to the program's milestones by the charter id kept in Text1, else by name;
/// the rest become new milestones (the kept id when it is free, else the program's next
/// `M<n>`). What the file carries replaces what the milestone said: name, `start` and `date`
/// (an MS Project milestone is an event: `date` only), done from `PercentComplete` 100 with
/// `done_on` from `ActualFinish`, the owner from the task's resource assignment, `depends_on`
/// from finish-to-start links, and charter's own Text2…Text4 and notes. What the file does not
/// carry (a tool that drops extended attributes, notes or resources) is kept from the milestone.
/// Milestones that no task matches are removed. Pure: a document and a workspace in, values out.
public struct MSPDIImport: Sendable {
    public struct Warning: Sendable, Hashable, CustomStringConvertible {
        public var position: TextPosition
        public var message: String
        public var description: String { message }
    }

    /// The program's milestones as the file says, in the file's order; `Located` positions are
    /// the tasks' places in the file.
    public var milestones: [Milestone]
    /// For each of `milestones`, the id it had in the program when it was matched (nil: new).
    public var matched: [String?]
    /// Ids of the program's milestones that no task matched.
    public var removed: [String]
    public var warnings: [Warning]

    /// - Parameter path: the file's name in messages and locations.
    public static func plan(_ document: MSPDIDocument, program folder: String, workspace: Workspace,
                            path: String) throws(MSPDIError) -> MSPDIImport {
        guard let program = workspace.program(folder) else {
            throw MSPDIError(position: .start, message: "the workspace has no program '\(folder)'")
        }
        var planner = Planner(document: document, program: program, workspace: workspace, path: path)
        return try planner.run()
    }
}

private struct Planner {
    let document: MSPDIDocument
    let program: Program
    let workspace: Workspace
    let path: String
    let outline: MSPDIOutline
    var warnings: [MSPDIImport.Warning] = []

    init(document: MSPDIDocument, program: Program, workspace: Workspace, path: String) {
        self.document = document
        self.program = program
        self.workspace = workspace
        self.path = path
        outline = MSPDIOutline(document)
    }

    mutating func run() throws(MSPDIError) -> MSPDIImport {
        let chosen = outline.milestoneTasks(of: program.folder, in: workspace)
        let (ids, matched) = assignIDs(chosen)
        let idByTask = Dictionary(uniqueKeysWithValues: zip(chosen, ids))
        let existing = Dictionary(program.milestones.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        var owners = MSPDIOwners(document: document, workspace: workspace)

        var milestones: [Milestone] = []
        for (offset, index) in chosen.enumerated() {
            let task = outline.tasks[index]
            let before = matched[offset].flatMap { existing[$0] }
            var milestone = try milestoneFields(task, id: ids[offset], before: before)
            milestone.dependsOn = try dependencies(of: task, idByTask: idByTask)
            switch owners.owner(of: task, label: label(task)) {
            case .notCarried: milestone.owner = before?.owner.map { located($0.value, task) }
            case .none: milestone.owner = nil
            case .person(let id): milestone.owner = located(id, task)
            }
            milestones.append(milestone)
        }
        warnings += owners.warnings
        let kept = Set(matched.compactMap { $0 })
        let removed = program.milestones.map(\.id.value).filter { !kept.contains($0) }
        try refuseCycles(milestones)
        return MSPDIImport(milestones: milestones, matched: matched, removed: removed, warnings: warnings)
    }

    private func located<Value>(_ value: Value, _ task: MSPDIDocument.Task) -> Located<Value> {
        Located(value, at: SourceLocation(path: path, position: task.position))
    }

    private func label(_ task: MSPDIDocument.Task) -> String { "task '\(task.name ?? "UID \(task.uid ?? 0)")'" }

    // MARK: Ids

    /// Each chosen task's id, and the milestone it matched: kept ids first (all of them, so a
    /// name cannot take a milestone that a later task names by id), then names, then new ids.
    private mutating func assignIDs(_ chosen: [Int]) -> (ids: [String], matched: [String?]) {
        let existingIDs = program.milestones.map(\.id.value)
        var free = Set(existingIDs)
        var matched: [String?] = Array(repeating: nil, count: chosen.count)
        let kept = chosen.map { keptID(outline.tasks[$0]) }
        for (offset, id) in kept.enumerated() {
            if let id, free.remove(id) != nil { matched[offset] = id }
        }
        for (offset, index) in chosen.enumerated() where matched[offset] == nil {
            let name = outline.tasks[index].name?.trimmed ?? ""
            if let milestone = program.milestones.first(where: { free.contains($0.id.value) && ($0.name ?? "").trimmed == name }) {
                free.remove(milestone.id.value)
                matched[offset] = milestone.id.value
            }
        }
        var taken = Set(existingIDs)
        var ids: [String] = []
        var numbering = NewIDs(existing: existingIDs)
        for (offset, index) in chosen.enumerated() {
            if let id = matched[offset] {
                ids.append(id)
            } else if let id = kept[offset], !taken.contains(id) {
                taken.insert(id)
                ids.append(id)
            } else {
                if let id = kept[offset] {
                    warnings.append(.init(position: outline.tasks[index].position,
                                          message: "\(label(outline.tasks[index])) keeps the id '\(id)' of another task; imported as a new milestone"))
                }
                let id = numbering.next(avoiding: taken)
                taken.insert(id)
                ids.append(id)
            }
        }
        return (ids, matched)
    }

    /// The id part of the kept `program/id` in Text1.
    private func keptID(_ task: MSPDIDocument.Task) -> String? {
        guard let kept = task.text(.charterID), let slash = kept.firstIndex(of: "/") else { return nil }
        let id = String(kept[kept.index(after: slash)...])
        return ScalarParsing.isIdentifier(id) ? id : nil
    }

    // MARK: Fields

    private func milestoneFields(_ task: MSPDIDocument.Task, id: String, before: Milestone?) throws(MSPDIError) -> Milestone {
        let start = try day(task.start, of: task, "Start")
        var finish = try day(task.finish, of: task, "Finish")
        // A finish at midnight is the end of the day before (an exclusive end), unless it is the start.
        if let text = task.finish, text.hasSuffix("T00:00:00"), let end = finish, let start, end > start { finish = end.adding(days: -1) }
        let percent = try percentComplete(task)
        let status: MilestoneStatus
        if percent == 100 {
            status = .done
        } else if let kept = task.text(.status).flatMap(MilestoneStatus.init(rawValue:)), kept != .done {
            status = kept
        } else if let old = before?.status.value, old != .done {
            status = old
        } else {
            status = .planned
        }
        let name = task.name?.trimmed ?? ""
        let event = task.isMilestone
        var milestone = Milestone(
            id: located(id, task),
            name: name.isEmpty ? (before?.name ?? id) : name,
            workstream: (task.text(.workstream) ?? before?.workstream?.value).map { located($0, task) },
            owner: nil,
            start: event ? nil : start.map { located($0, task) },
            date: (event ? (finish ?? start) : finish).map { located($0, task) },
            status: located(status, task),
            doneOn: nil,
            description: task.notes.flatMap { $0.isEmpty ? nil : $0 } ?? before?.description,
            deliverables: task.text(.deliverables).map { $0.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
                ?? before?.deliverables ?? [],
            dependsOn: [])
        if status == .done {
            milestone.doneOn = (try day(task.actualFinish, of: task, "ActualFinish") ?? milestone.date?.value).map { located($0, task) }
        }
        return milestone
    }

    /// The day of an MSPDI date-time (`2026-05-01T08:00:00`); absent or `NA` is none.
    private func day(_ text: String?, of task: MSPDIDocument.Task, _ element: String) throws(MSPDIError) -> PlanDate? {
        guard let text, !text.isEmpty, text != "NA" else { return nil }
        guard let date = PlanDate(String(text.prefix(10))), text.count == 10 || text.dropFirst(10).first == "T" else {
            throw MSPDIError(position: task.position, message: "\(label(task)) has \(element) '\(text)', not a date-time like 2026-05-01T08:00:00")
        }
        return date
    }

    private func percentComplete(_ task: MSPDIDocument.Task) throws(MSPDIError) -> Double {
        guard let text = task.percentComplete, !text.isEmpty else { return 0 }
        guard let value = Double(text), value.isFinite, (0...100).contains(value) else {
            throw MSPDIError(position: task.position, message: "\(label(task)) has PercentComplete '\(text)', not a number from 0 to 100")
        }
        return value
    }

    // MARK: Dependencies

    private mutating func dependencies(of task: MSPDIDocument.Task, idByTask: [Int: String]) throws(MSPDIError) -> [Located<EntityReference>] {
        var references: [Located<EntityReference>] = []
        for link in task.links {
            let position = link.position
            guard let uid = link.predecessorUID else {
                throw MSPDIError(position: position, message: "\(label(task)) has a predecessor link without a PredecessorUID")
            }
            let typeText = link.type ?? String(MSPDIFields.LinkType.finishToStart.rawValue)
            guard let type = Int(typeText).flatMap(MSPDIFields.LinkType.init(rawValue:)) else {
                throw MSPDIError(position: position, message: "\(label(task)) has a predecessor link of unknown type '\(typeText)' (MSPDI link types are 0 FF, 1 FS, 2 SF, 3 SS)")
            }
            guard type == .finishToStart else {
                throw MSPDIError(position: position, message: "\(label(task)) has a \(type.name) link (type \(type.rawValue)) from \(predecessorLabel(uid)); charter's dependencies are finish-to-start only: change the link in the file, or remove it")
            }
            guard !link.crossProject else {
                throw MSPDIError(position: position, message: "\(label(task)) has a link into another project file; charter cannot follow it")
            }
            if let lag = link.lag, let tenths = Double(lag), tenths != 0 {
                warnings.append(.init(position: position, message: "\(label(task)): the lag of the link from \(predecessorLabel(uid)) is dropped (charter's dependencies have no lag)"))
            }
            guard let index = outline.indexByUID[uid] else {
                throw MSPDIError(position: position, message: "\(label(task)) has a predecessor link to UID \(uid), which is no task in the file")
            }
            let reference = try reference(to: index, from: task, ownIDs: idByTask, at: position)
            if !references.contains(where: { $0.value == reference }) {
                references.append(Located(reference, at: SourceLocation(path: path, position: position)))
            }
        }
        return references
    }

    private func predecessorLabel(_ uid: Int) -> String {
        outline.indexByUID[uid].map { "'\(outline.tasks[$0].name ?? "UID \(uid)")'" } ?? "UID \(uid)"
    }

    /// `M1` for a task of this program; `identity/M3` for another program's milestone (by its
    /// kept id, else by its name under that program's summary task).
    private func reference(to index: Int, from task: MSPDIDocument.Task, ownIDs: [Int: String],
                           at position: TextPosition) throws(MSPDIError) -> EntityReference {
        let predecessor = outline.tasks[index]
        if let id = ownIDs[index] { return EntityReference(program: nil, id: id) }
        if outline.isSummary(index) {
            throw MSPDIError(position: position, message: "\(label(task)) depends on the summary task '\(predecessor.name ?? "")'; charter's dependencies are between milestones: link to the milestone it waits for")
        }
        if let kept = predecessor.text(.charterID), ScalarParsing.isReference(kept), kept.contains("/") {
            let reference = EntityReference(kept)
            return reference.program == program.folder ? EntityReference(program: nil, id: reference.id) : reference
        }
        if let other = outline.enclosingProgram(of: index, in: workspace), other != program.folder,
           let milestone = workspace.program(other)?.milestones.first(where: { ($0.name ?? "").trimmed == (predecessor.name ?? "").trimmed }) {
            return EntityReference(program: other, id: milestone.id.value)
        }
        throw MSPDIError(position: position, message: "\(label(task)) depends on '\(predecessor.name ?? "UID \(predecessor.uid ?? 0)")', which is not in program '\(program.folder)' and is no milestone of another program")
    }

    // MARK: Cycles

    /// The network with the imported milestones in place of the program's: a cycle through them
    /// (or through them and other programs) is refused, naming the tasks.
    private func refuseCycles(_ milestones: [Milestone]) throws(MSPDIError) {
        var after = workspace
        guard let slot = after.programs.firstIndex(where: { $0.folder == program.folder }) else { return }
        after.programs[slot].milestones = milestones
        let network = MilestoneNetwork(after)
        guard let cycle = network.cycles.first(where: { $0.contains { network.ids[$0].program == program.folder } }) else { return }
        let ids = cycle.map { network.ids[$0] }
        let first = cycle.first { network.ids[$0].program == program.folder }!
        let names = (ids + ids.prefix(1)).map { id in
            let name = network.milestones[network.node(id)!].name ?? id.id
            return "\(id) '\(name)'"
        }
        throw MSPDIError(position: network.milestones[first].id.location.position,
                               message: "the links form a dependency cycle: \(names.joined(separator: " → ")); no order of work can satisfy it")
    }
}

private extension MSPDIFields.LinkType {
    var name: String {
        switch self {
        case .finishToFinish: return "finish-to-finish"
        case .finishToStart: return "finish-to-start"
        case .startToFinish: return "start-to-finish"
        case .startToStart: return "start-to-start"
        }
    }
}

/// New milestone ids in the program's own numbering: the commonest `<letters><number>` prefix of
/// its ids (`M` when it has none), numbered on from the highest.
struct NewIDs {
    private let prefix: String
    private var number: Int

    init(existing: [String]) {
        var counts: [String: Int] = [:]
        var highest: [String: Int] = [:]
        for id in existing {
            let letters = id.prefix { $0.isLetter }
            let digits = id.dropFirst(letters.count)
            guard !letters.isEmpty, !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int(digits) else { continue }
            counts[String(letters), default: 0] += 1
            highest[String(letters)] = max(highest[String(letters)] ?? 0, value)
        }
        let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        prefix = best ?? "M"
        number = best.flatMap { highest[$0] } ?? 0
    }

    mutating func next(avoiding taken: Set<String>) -> String {
        repeat { number += 1 } while taken.contains("\(prefix)\(number)")
        return "\(prefix)\(number)"
    }
}
