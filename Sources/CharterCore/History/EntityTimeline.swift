/// Everything that happened to one entity in the history walked, oldest first. It follows the
/// entity when it moves between programs: `ref` is where it is now, `formerRefs` where it was.
public struct EntityTimeline<Event: Hashable & Sendable>: Hashable, Sendable {
    public var ref: QualifiedID
    public var formerRefs: [QualifiedID] = []
    public var events: [Event] = []
    /// The entity in the plans at the range's tip, when it is there: what fills in the name, date
    /// and status no event gives.
    public var atTip: TipState?

    public init(ref: QualifiedID, formerRefs: [QualifiedID] = [], events: [Event] = [], atTip: TipState? = nil) {
        self.ref = ref
        self.formerRefs = formerRefs
        self.events = events
        self.atTip = atTip
    }
}

/// A milestone's ledger: every commit that added, scheduled, moved, re-dated or removed it.
public typealias MilestoneLedger = EntityTimeline<MilestoneEvent>
/// A risk's timeline: added, re-scored, closed, re-opened.
public typealias RiskTimeline = EntityTimeline<RiskEvent>
