/// Compares two versions of a workspace by meaning: entities are matched by id (never by
/// position), so reordering, reformatting, comments and quoting are no change. Pure: takes two
/// values, returns one.
public enum SemanticDiff {
    /// - Parameter asOf: the day the consequences are judged on, as `charter schedule --as-of`
    ///   judges it: open milestones cannot finish before it.
    public static func compare(_ from: Workspace, _ to: Workspace, asOf: PlanDate) -> PlanDiff {
        compare(DiffSide(workspace: from), DiffSide(workspace: to), asOf: asOf)
    }

    /// - Parameters:
    ///   - scope: the programs whose milestones the consequences are judged among
    ///     (`DiffScope.programs`): comparing the whole sides with a scope gives what comparing the
    ///     narrowed sides gives, without copying them. `nil`: every program.
    ///   - links: which programs each side's programs name, when the caller keeps them.
    ///   - known: where the sides can differ, when the caller knows it from content ids
    ///     (`KnownChanges`): the programs outside it, and the root files when it says so, are
    ///     not compared. `nil`: everything is.
    public static func compare(_ from: DiffSide, _ to: DiffSide, asOf: PlanDate, scope: Set<String>? = nil,
                               links: (old: ProgramLinks, new: ProgramLinks)? = nil, known: KnownChanges? = nil) -> PlanDiff {
        compare(from, to, consequencesAsOf: asOf, scope: scope, links: links, known: known)
    }

    /// Without `consequencesAsOf`, the changes only (no schedule consequences): for callers that
    /// only pair entities, as the variance does.
    static func compare(_ from: DiffSide, _ to: DiffSide, consequencesAsOf asOf: PlanDate?, scope: Set<String>? = nil,
                        links: (old: ProgramLinks, new: ProgramLinks)? = nil, known: KnownChanges? = nil) -> PlanDiff {
        var comparison = Comparison(from: from, to: to, known: known)
        comparison.run()
        let consequences = asOf.map { asOf in
            ScheduleImpact.consequences(old: from.workspace, new: to.workspace, changedPrograms: comparison.changedPrograms, asOf: asOf,
                                        scope: scope, everyFileRead: from.unreadable.isEmpty && to.unreadable.isEmpty, links: links)
        } ?? []
        let unreadable = from.unreadable.map { UnreadableReport(side: .from, file: $0) }
            + to.unreadable.map { UnreadableReport(side: .to, file: $0) }
        var diff = PlanDiff(changes: comparison.sortedChanges(), consequences: consequences,
                            unreadable: unreadable.sorted { ($0.file.location, $0.side) < ($1.file.location, $1.side) })
        let mentioned = Set(diff.programs)
        for programs in [from.workspace.programs, to.workspace.programs] {
            for index in programs.indices where mentioned.contains(programs[index].folder) {
                if let name = programs[index].name { diff.programNames[programs[index].folder] = name }
            }
        }
        return diff
    }
}

/// One run of the comparison: collects changes, then pairs removals and additions of the same
/// entity in different programs into moves.
private struct Comparison {
    let from: DiffSide
    let to: DiffSide
    /// Where the sides can differ; `nil`: anywhere.
    let known: KnownChanges?
    /// Paths unreadable on either side: their entities are compared on neither.
    let unreadable: Set<String>

    var changes: [EntityChange] = []
    /// Entities gone from one program that may have gone to another.
    var removedPool: [(program: String, entity: DiffEntity, reported: Bool)] = []
    var addedPool: [(program: String, entity: DiffEntity, reported: Bool)] = []
    var currencies: [String: String] = [:]

    init(from: DiffSide, to: DiffSide, known: KnownChanges?) {
        self.from = from
        self.to = to
        self.known = known
        unreadable = Set((from.unreadable + to.unreadable).map(\.path))
    }

    var changedPrograms: Set<String> {
        var programs = Set(changes.compactMap(\.program))
        programs.formUnion(changes.compactMap(\.movedFrom))
        return programs
    }

    mutating func run() {
        // Programs outside `known` are the same on both sides: never changed, added or removed.
        let old = known?.programs(of: from.workspace) ?? Self.index(from.workspace.programs)
        let new = known?.programs(of: to.workspace) ?? Self.index(to.workspace.programs)
        // Only changed programs' budget lines ask for a currency.
        for program in [new, old].lazy.flatMap(\.values) where currencies[program.folder] == nil {
            currencies[program.folder] = program.currency
        }

        let removed = old.keys.filter { new[$0] == nil }.sorted(by: NaturalOrder.less)
        let added = new.keys.filter { old[$0] == nil }.sorted(by: NaturalOrder.less)
        let renames = ProgramRenames.pairs(removed: removed.map { old[$0]! }, added: added.map { new[$0]! })
        let renamedFrom = Set(renames.map(\.from)), renamedTo = Set(renames.map(\.to))

        // Unchanged programs (most of a large workspace) are left out before sorting. Told where
        // the sides differ, every folder on both sides is a changed one (or as good as: a program
        // that compares equal gives no change below), so comparing whole programs first is waste.
        let both = new.keys.filter { folder in
            guard let before = old[folder] else { return false }
            return known != nil || before != new[folder]!
        }
        for folder in both.sorted(by: NaturalOrder.less) {
            let before = old[folder]!, after = new[folder]!
            if let change = programChange(before, after, movedFrom: nil) { changes.append(change) }
            compareContents(before, after)
        }
        for rename in renames {
            let before = old[rename.from]!, after = new[rename.to]!
            changes.append(programChange(before, after, movedFrom: rename.from)!)
            compareContents(before, after)
        }
        let gone = removed.filter { !renamedFrom.contains($0) }, appeared = added.filter { !renamedTo.contains($0) }
        for folder in gone { changes.append(lifecycleChange(old[folder]!, added: false)) }
        for folder in appeared { changes.append(lifecycleChange(new[folder]!, added: true)) }
        // What removed and added programs hold matters only if something can move between them.
        if (!removedPool.isEmpty || !gone.isEmpty) && (!addedPool.isEmpty || !appeared.isEmpty) {
            for folder in gone { removedPool += contents(of: old[folder]!).map { (folder, $0, false) } }
            for folder in appeared { addedPool += contents(of: new[folder]!).map { (folder, $0, false) } }
        }
        pairMoves()
        if known?.rootFiles ?? true { compareRootFiles() }
    }

    // MARK: Programs

    private static func index(_ programs: [Program]) -> [String: Program] {
        var index: [String: Program] = [:]
        for program in programs where index[program.folder] == nil { index[program.folder] = program }
        return index
    }

    private func readable(_ folder: String, _ kind: PlanFileKind) -> Bool {
        // Asked per file of every program compared: most diffs have nothing unreadable.
        unreadable.isEmpty || !unreadable.contains("programs/\(folder)/\(kind.fileName)")
    }

    private static func file(of kind: EntityKind) -> PlanFileKind {
        switch kind {
        case .milestone: return .milestones
        case .risk: return .risks
        case .budgetLine: return .budget
        case .decision: return .decisions
        case .kpi: return .kpis
        case .program, .workstream, .allocation: return .program
        case .person: return .people
        case .settings: return .settings
        }
    }

    private func entities(_ kind: EntityKind, of program: Program) -> [DiffEntity] {
        switch kind {
        case .workstream: return program.workstreams.map(DiffEntity.init)
        case .milestone: return program.milestones.map(DiffEntity.init)
        case .risk: return program.risks.map(DiffEntity.init)
        case .budgetLine: return program.budgetLines.map(DiffEntity.init)
        case .decision: return program.decisions.map(DiffEntity.init)
        case .kpi: return program.kpis.map(DiffEntity.init)
        case .allocation: return DiffEntity.allocations(of: program)
        case .program, .person, .settings: return []
        }
    }

    private static let programContents: [EntityKind] = [.workstream, .milestone, .risk, .budgetLine, .decision, .kpi, .allocation]

    /// Everything a program holds that can be read.
    private func contents(of program: Program) -> [DiffEntity] {
        Self.programContents.flatMap { kind in
            readable(program.folder, Self.file(of: kind)) ? entities(kind, of: program) : []
        }
    }

    /// The entities of two versions of a program (the same folder, or a renamed one).
    private mutating func compareContents(_ before: Program, _ after: Program) {
        for kind in Self.programContents {
            let file = Self.file(of: kind)
            guard readable(before.folder, file), readable(after.folder, file), !Self.sameModel(kind, before, after) else { continue }
            switch kind {
            case .workstream: compareEntities(before.workstreams, after.workstreams, before, after, id: \.id.value, DiffEntity.init)
            case .milestone: compareEntities(before.milestones, after.milestones, before, after, id: \.id.value, DiffEntity.init)
            case .risk: compareEntities(before.risks, after.risks, before, after, id: \.id.value, DiffEntity.init)
            case .budgetLine: compareEntities(before.budgetLines, after.budgetLines, before, after, id: \.id.value, DiffEntity.init)
            case .decision: compareEntities(before.decisions, after.decisions, before, after, id: \.id.value, DiffEntity.init)
            case .kpi: compareEntities(before.kpis, after.kpis, before, after, id: \.id.value, DiffEntity.init)
            case .allocation:
                // Their ids come from grouping (`person@workstream#2`): compared as entities.
                let old = entities(kind, of: before), new = entities(kind, of: after)
                if old != new { compareEntities(old, new, before, after, id: \.id, { $0 }) }
            case .program, .person, .settings: continue
            }
        }
    }

    /// Pairs two versions of one kind of entity by id (with duplicate ids, the first with the
    /// first), reports the pairs whose fields differ, and pools what is on one side only for
    /// `pairMoves`. A pair of equal model values is equal as entities too, so entities are made
    /// only of what differs: most entities of a changed file did not change.
    private mutating func compareEntities<Model: Equatable>(
        _ old: [Model], _ new: [Model], _ before: Program, _ after: Program,
        id: (Model) -> String, _ entity: (Model) -> DiffEntity) {
        var used = Array(repeating: false, count: old.count)
        func pair(_ index: Int, _ model: Model) {
            used[index] = true
            guard old[index] != model else { return }
            let change = entityChange(program: after.folder, old: entity(old[index]), new: entity(model), kind: .modified)
            if !change.fields.isEmpty { changes.append(change) }
        }
        // An edit usually keeps the entities in their order: while the ids agree position by
        // position, the first of an id is paired with the first, so pair by position.
        var start = 0
        while start < old.count, start < new.count, id(old[start]) == id(new[start]) {
            pair(start, new[start])
            start += 1
        }
        var waiting: [String: [Int]] = [:]
        for index in old.indices.dropFirst(start) { waiting[id(old[index]), default: []].append(index) }
        var added: [DiffEntity] = []
        for model in new.dropFirst(start) {
            let key = id(model)
            guard let index = waiting[key]?.first else {
                added.append(entity(model))
                continue
            }
            waiting[key]!.removeFirst()
            pair(index, model)
        }
        for index in old.indices where !used[index] { removedPool.append((before.folder, entity(old[index]), true)) }
        addedPool += added.map { (after.folder, $0, true) }
    }

    /// The entities of one kind are the same model values on both sides (most files of a
    /// changed program did not change): equal entities, without making them.
    private static func sameModel(_ kind: EntityKind, _ a: Program, _ b: Program) -> Bool {
        switch kind {
        case .workstream: return a.workstreams == b.workstreams
        case .milestone: return a.milestones == b.milestones
        case .risk: return a.risks == b.risks
        case .budgetLine: return a.budgetLines == b.budgetLines
        case .decision: return a.decisions == b.decisions
        case .kpi: return a.kpis == b.kpis
        // An allocation's effort falls back to the program's start and target.
        case .allocation: return a.allocations == b.allocations && a.start?.value == b.start?.value && a.target?.value == b.target?.value
        case .program, .person, .settings: return false
        }
    }

    /// Pairs entities by id; with duplicate ids, the first with the first.
    private static func match(_ old: [DiffEntity], _ new: [DiffEntity])
        -> (pairs: [(DiffEntity, DiffEntity)], removed: [DiffEntity], added: [DiffEntity]) {
        var waiting: [String: [Int]] = [:]
        for (index, entity) in old.enumerated() { waiting[entity.id, default: []].append(index) }
        var used: Set<Int> = []
        var pairs: [(DiffEntity, DiffEntity)] = []
        var added: [DiffEntity] = []
        for entity in new {
            if let index = waiting[entity.id]?.first {
                waiting[entity.id]!.removeFirst()
                used.insert(index)
                pairs.append((old[index], entity))
            } else {
                added.append(entity)
            }
        }
        let removed = old.indices.filter { !used.contains($0) }.map { old[$0] }
        return (pairs, removed, added)
    }

    /// An entity that left one program and appeared in another is moved, not removed and added.
    /// Entities of a removed or added program that do not move stay inside its one entry.
    private mutating func pairMoves() {
        var taken = Array(repeating: false, count: removedPool.count)
        var byKey: [String: [Int]] = [:]
        for (index, item) in removedPool.enumerated() {
            byKey["\(item.entity.kind.rawValue)\u{0}\(item.entity.id)", default: []].append(index)
        }
        let addedOrder = addedPool.indices.filter { index in
            byKey["\(addedPool[index].entity.kind.rawValue)\u{0}\(addedPool[index].entity.id)"] != nil
        }.sorted { a, b in
            let x = addedPool[a], y = addedPool[b]
            if x.program != y.program { return NaturalOrder.less(x.program, y.program) }
            if x.entity.kind != y.entity.kind { return x.entity.kind < y.entity.kind }
            return NaturalOrder.less(x.entity.id, y.entity.id)
        }
        var movedAdded: Set<Int> = []
        for index in addedOrder {
            let item = addedPool[index]
            let candidates = (byKey["\(item.entity.kind.rawValue)\u{0}\(item.entity.id)"] ?? [])
                .filter { !taken[$0] && removedPool[$0].program != item.program }
                .sorted { NaturalOrder.less(removedPool[$0].program, removedPool[$1].program) }
            guard let source = candidates.first else { continue }
            taken[source] = true
            movedAdded.insert(index)
            changes.append(entityChange(program: item.program, old: removedPool[source].entity, new: item.entity,
                                        kind: .moved, movedFrom: removedPool[source].program))
        }
        for (index, item) in removedPool.enumerated() where item.reported && !taken[index] {
            changes.append(entityChange(program: item.program, old: item.entity, new: nil, kind: .removed))
        }
        for (index, item) in addedPool.enumerated() where item.reported && !movedAdded.contains(index) {
            changes.append(entityChange(program: item.program, old: nil, new: item.entity, kind: .added))
        }
    }

    private func programChange(_ before: Program, _ after: Program, movedFrom: String?) -> EntityChange? {
        var change = EntityChange(program: after.folder, entity: .program, id: after.folder,
                                  change: movedFrom == nil ? .modified : .moved, name: after.name ?? before.name)
        change.movedFrom = movedFrom
        change.currency = after.currency ?? before.currency
        if readable(before.folder, .program) && readable(after.folder, .program) {
            change.fields = DiffEntity(program: before).changes(to: DiffEntity(program: after))
        }
        if change.fields.isEmpty && movedFrom == nil { return nil }
        Annotations.program(&change)
        return change
    }

    private func lifecycleChange(_ program: Program, added: Bool) -> EntityChange {
        var change = EntityChange(program: program.folder, entity: .program, id: program.folder,
                                  change: added ? .added : .removed, name: program.name)
        change.currency = program.currency
        if readable(program.folder, .program) {
            change.fields = DiffEntity(program: program).allFields(added: added)
        }
        // Grouped once: counted and summed below.
        let allocations = readable(program.folder, .program) ? DiffEntity.allocations(of: program) : []
        change.contents = Self.programContents.compactMap { kind in
            let count = readable(program.folder, Self.file(of: kind)) ? self.count(kind, of: program, allocations: allocations) : 0
            return count > 0 ? EntityCount(kind, count) : nil
        }
        if let total = program.budgetTotal?.value {
            change.budgetDelta = added ? total : -total
        }
        if readable(program.folder, .program) {
            // Sorted, so the sum does not depend on the order allocations come in (it is rounded for output).
            let effort = allocations.compactMap(\.personDays).sorted().reduce(0, +)
            if effort != 0 { change.personDaysDelta = added ? effort : -effort }
        }
        return change
    }

    /// How many entities of a kind `entities(_:of:)` gives, without making them (an import
    /// counts 300,000 milestones).
    private func count(_ kind: EntityKind, of program: Program, allocations: [DiffEntity]) -> Int {
        switch kind {
        case .workstream: return program.workstreams.count
        case .milestone: return program.milestones.count
        case .risk: return program.risks.count
        case .budgetLine: return program.budgetLines.count
        case .decision: return program.decisions.count
        case .kpi: return program.kpis.count
        case .allocation: return allocations.count
        case .program, .person, .settings: return 0
        }
    }

    private func entityChange(program: String?, old: DiffEntity?, new: DiffEntity?, kind: ChangeKind,
                              movedFrom: String? = nil) -> EntityChange {
        let entity = (new ?? old)!
        var change = EntityChange(program: program, entity: entity.kind, id: entity.id, change: kind,
                                  name: new?.name ?? old?.name)
        change.movedFrom = movedFrom
        switch (old, new) {
        case (let a?, let b?): change.fields = a.changes(to: b)
        case (nil, let b?): change.fields = b.allFields(added: true)
        case (let a?, nil): change.fields = a.allFields(added: false)
        case (nil, nil): break
        }
        if entity.kind == .budgetLine, let program { change.currency = currencies[program] ?? nil }
        Annotations.entity(&change, old: old, new: new)
        return change
    }

    // MARK: People and settings

    private mutating func compareRootFiles() {
        // Equal models are equal entities: successive commits share the root files' values.
        if !unreadable.contains(PlanFileKind.people.fileName), from.workspace.people != to.workspace.people {
            let old = from.workspace.people.map(DiffEntity.init), new = to.workspace.people.map(DiffEntity.init)
            if old != new {
                let matched = Self.match(old, new)
                for (a, b) in matched.pairs {
                    let change = entityChange(program: nil, old: a, new: b, kind: .modified)
                    if !change.fields.isEmpty { changes.append(change) }
                }
                changes += matched.removed.map { entityChange(program: nil, old: $0, new: nil, kind: .removed) }
                changes += matched.added.map { entityChange(program: nil, old: nil, new: $0, kind: .added) }
            }
        }
        if !unreadable.contains(PlanFileKind.settings.fileName) {
            let fields = from.workspace.settings == to.workspace.settings ? []
                : DiffEntity(settings: from.workspace.settings).changes(to: DiffEntity(settings: to.workspace.settings))
            let hadFile = from.workspace.settingsPath != nil, hasFile = to.workspace.settingsPath != nil
            if !fields.isEmpty || hadFile != hasFile {
                var change = EntityChange(program: nil, entity: .settings, id: PlanFileKind.settings.fileName,
                                          change: hadFile == hasFile ? .modified : hasFile ? .added : .removed, fields: fields)
                change.name = nil
                changes.append(change)
            }
        }
    }

    func sortedChanges() -> [EntityChange] {
        changes.sorted { a, b in
            switch (a.program, b.program) {
            case (let x?, let y?) where x != y: return NaturalOrder.less(x, y)
            case (nil, _?): return false
            case (_?, nil): return true
            default: break
            }
            if a.entity != b.entity { return a.entity < b.entity }
            if a.id != b.id { return NaturalOrder.less(a.id, b.id) }
            return a.change.rawValue < b.change.rawValue
        }
    }
}

/// A removed program and an added one that hold mostly the same entities are one program renamed
/// (its folder moved), not a hundred removals and additions.
enum ProgramRenames {
    struct Pair: Hashable {
        var from: String
        var to: String
    }

    static func pairs(removed: [Program], added: [Program]) -> [Pair] {
        var candidates: [(score: Double, from: String, to: String)] = []
        for old in removed {
            let oldIDs = identities(old)
            for new in added {
                let shared = oldIDs.intersection(identities(new)).count
                let score = oldIDs.isEmpty ? 0 : Double(shared) / Double(oldIDs.count)
                if shared > 0 && score >= 0.5 {
                    candidates.append((score, old.folder, new.folder))
                } else if oldIDs.isEmpty, let name = old.name, name == new.name {
                    candidates.append((0.5, old.folder, new.folder))
                }
            }
        }
        candidates.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.from != b.from { return NaturalOrder.less(a.from, b.from) }
            return NaturalOrder.less(a.to, b.to)
        }
        var usedFrom: Set<String> = [], usedTo: Set<String> = []
        var pairs: [Pair] = []
        for candidate in candidates where !usedFrom.contains(candidate.from) && !usedTo.contains(candidate.to) {
            usedFrom.insert(candidate.from)
            usedTo.insert(candidate.to)
            pairs.append(Pair(from: candidate.from, to: candidate.to))
        }
        return pairs.sorted { NaturalOrder.less($0.to, $1.to) }
    }

    private static func identities(_ program: Program) -> Set<String> {
        var ids: Set<String> = []
        for milestone in program.milestones { ids.insert("m:" + milestone.id.value) }
        for risk in program.risks { ids.insert("r:" + risk.id.value) }
        for line in program.budgetLines { ids.insert("b:" + line.id.value) }
        for decision in program.decisions { ids.insert("d:" + decision.id.value) }
        for kpi in program.kpis { ids.insert("k:" + kpi.id.value) }
        for workstream in program.workstreams { ids.insert("w:" + workstream.id.value) }
        return ids
    }
}
