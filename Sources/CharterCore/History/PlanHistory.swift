/// The ledgers of every milestone and the timelines of every risk, read off change requests in
/// the order they were made. One pass over records the change log already built: no second
/// walk of git history.
public struct PlanHistory: Sendable {
    public private(set) var milestones: [QualifiedID: MilestoneLedger] = [:]
    public private(set) var risks: [QualifiedID: RiskTimeline] = [:]
    /// The latest commit that added each program (by its current folder): what an entity that
    /// came with its program, and has no diff entry of its own, was added by.
    public private(set) var programOrigins: [String: HistoryCommit] = [:]
    /// The oldest and newest commits read.
    public private(set) var first: HistoryCommit?
    public private(set) var last: HistoryCommit?
    /// Where an entity went when it moved (one step; `resolve` follows the chain).
    private var movedTo: [QualifiedID: QualifiedID] = [:]

    /// `records` oldest first (the reverse of what `charter changes` lists).
    public init(chronological records: [ChangeRequest]) {
        for record in records { apply(record) }
        for ref in milestones.keys { datingInferredAddition(ref) }
    }

    /// A milestone that came with its program was given a date there; the first later event
    /// that carries the date (a slip's old date) says which.
    private mutating func datingInferredAddition(_ ref: QualifiedID) {
        guard let first = milestones[ref]?.events.first, first.withProgram, first.kinds == [.added], first.dateTo == nil,
              let dated = milestones[ref]!.events.dropFirst().first(where: { $0.dateFrom != nil || $0.kinds.contains(.scheduled) })
        else { return }
        milestones[ref]!.events[0].dateTo = dated.dateFrom
    }

    /// Where an entity that was once at `ref` is now.
    public func resolve(_ ref: QualifiedID) -> QualifiedID {
        var current = ref, seen: Set<QualifiedID> = [ref]
        while let next = movedTo[current], seen.insert(next).inserted { current = next }
        return current
    }

    public func ledger(of ref: QualifiedID) -> MilestoneLedger? { milestones[resolve(ref)] }

    /// Every ref a milestone had in the history read, current and former.
    public var milestoneRefs: Set<QualifiedID> {
        Set(milestones.keys).union(movedTo.keys.filter { milestones[resolve($0)] != nil })
    }

    private mutating func apply(_ record: ChangeRequest) {
        let commit = HistoryCommit(record)
        if first == nil { first = commit }
        last = commit
        // Renamed programs first: the entity entries of the same commit name the new folder.
        for change in record.changes where change.entity == .program {
            switch change.change {
            case .moved: if let old = change.movedFrom { renameProgram(old, to: change.id) }
            case .added: programOrigins[change.id] = commit
            case .removed: removeProgram(change.id, commit: commit)
            case .modified: break
            }
        }
        for change in record.changes {
            if let event = MilestoneEvent(change, commit: commit) {
                append(event, movedFrom: change.movedFrom, in: \.milestones)
            } else if let event = RiskEvent(change, commit: commit) {
                append(event, movedFrom: change.movedFrom, in: \.risks)
            }
        }
    }

    /// Appends one entity's event to its timeline, the same way for milestones and risks: a move
    /// re-keys the timeline first, and an entity first seen in a later change (it came with its
    /// program, and had no diff entry of its own) gets the program's addition before it.
    private mutating func append<Event: TimelineEvent>(_ event: Event, movedFrom: String?,
                                                       in timelines: WritableKeyPath<PlanHistory, [QualifiedID: EntityTimeline<Event>]>) {
        var event = event
        if let movedFrom { move(QualifiedID(program: movedFrom, id: event.ref.id), to: event.ref) }
        var timeline = self[keyPath: timelines][event.ref] ?? EntityTimeline(ref: event.ref)
        if timeline.events.isEmpty, !event.startsTimeline, let origin = programOrigins[event.ref.program] {
            timeline.events.append(event.addedWithProgram(at: origin))
        }
        event.continuing(timeline)
        timeline.events.append(event)
        self[keyPath: timelines][event.ref] = timeline
    }

    /// An entity left `old` for `new`: its timeline goes with it.
    private mutating func move(_ old: QualifiedID, to new: QualifiedID) {
        guard old != new else { return }
        movedTo[old] = new
        movedTo[new] = nil
        Self.rekey(&milestones, old, to: new)
        Self.rekey(&risks, old, to: new)
    }

    private static func rekey<Event>(_ timelines: inout [QualifiedID: EntityTimeline<Event>], _ old: QualifiedID, to new: QualifiedID) {
        guard var timeline = timelines.removeValue(forKey: old) else { return }
        timeline.formerRefs.append(old)
        timeline.ref = new
        // A new entity at the destination that the move replaces keeps nothing of its own.
        timelines[new] = timeline
    }

    private mutating func renameProgram(_ old: String, to new: String) {
        let refs = Set(milestones.keys.filter { $0.program == old }).union(risks.keys.filter { $0.program == old })
        for ref in refs { move(ref, to: QualifiedID(program: new, id: ref.id)) }
        if let origin = programOrigins.removeValue(forKey: old) { programOrigins[new] = origin }
    }

    /// A removed program's entities are gone with it, though the diff lists only the program.
    private mutating func removeProgram(_ program: String, commit: HistoryCommit) {
        for (ref, ledger) in milestones where ref.program == program && !ledger.isRemoved {
            var event = MilestoneEvent(kinds: [.removed], ref: ref, name: ledger.name, commit: commit)
            event.dateFrom = ledger.current
            event.statusFrom = ledger.status
            event.withProgram = true
            milestones[ref]!.events.append(event)
        }
        for (ref, timeline) in risks where ref.program == program && !(timeline.events.last?.kinds.contains(.removed) ?? false) {
            var event = RiskEvent(kinds: [.removed], ref: ref, title: timeline.events.last?.title, commit: commit)
            event.scoreFrom = timeline.events.last?.scoreTo
            event.withProgram = true
            risks[ref]!.events.append(event)
        }
        programOrigins[program] = nil
    }
}
