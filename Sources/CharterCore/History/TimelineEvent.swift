/// What `PlanHistory` needs of a milestone's or a risk's event to keep its timeline.
protocol TimelineEvent: Hashable, Sendable {
    /// Where the entity is after this commit.
    var ref: QualifiedID { get }
    /// Added or moved here: the event itself begins the timeline at `ref`.
    var startsTimeline: Bool { get }
    /// The `added` event of an entity that came with its program at `origin`, carrying the
    /// values this (later) event started from.
    func addedWithProgram(at origin: HistoryCommit) -> Self
    /// Fills in what this event leaves implicit from the timeline so far.
    mutating func continuing(_ timeline: EntityTimeline<Self>)
}

extension MilestoneEvent: TimelineEvent {
    var startsTimeline: Bool { kinds.contains(.added) || kinds.contains(.moved) }

    func addedWithProgram(at origin: HistoryCommit) -> MilestoneEvent {
        var added = MilestoneEvent(kinds: [.added], ref: ref, name: name, commit: origin)
        added.dateTo = dateFrom
        added.statusTo = statusFrom
        added.withProgram = true
        return added
    }

    /// A move that keeps the date still says which date it carries.
    mutating func continuing(_ timeline: MilestoneLedger) {
        guard kinds.contains(.moved), dateFrom == nil, dateTo == nil else { return }
        dateFrom = timeline.current
        dateTo = timeline.current
    }
}

extension RiskEvent: TimelineEvent {
    var startsTimeline: Bool { kinds.contains(.added) || kinds.contains(.moved) }

    func addedWithProgram(at origin: HistoryCommit) -> RiskEvent {
        var added = RiskEvent(kinds: [.added], ref: ref, title: title, commit: origin)
        added.scoreTo = scoreFrom
        added.statusTo = statusFrom
        added.withProgram = true
        return added
    }

    mutating func continuing(_ timeline: RiskTimeline) {}
}
