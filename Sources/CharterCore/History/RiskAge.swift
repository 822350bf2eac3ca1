/// How long a risk has been open and how often its score was revisited: a risk open for months
/// and never re-scored is one nobody is managing.
public struct RiskAge: Hashable, Sendable {
    public var ref: QualifiedID
    public var title: String?
    /// At the tip, or the status it was closed with ("removed" when deleted).
    public var status: String?
    /// The day of the commit that added or re-opened it.
    public var openSince: PlanDate
    /// False when it was already open before the first commit read: `openSince` is then that
    /// commit's day, and the age a lower bound.
    public var openSinceKnown: Bool
    public var openedBy: HistoryCommit?
    /// Open risks: days from `openSince` to the tip. Closed ones: days it was open.
    public var ageDays: Int
    /// When its open period ended (closed, realized or removed); nil while it is open.
    public var closedOn: PlanDate?
    public var closedBy: HistoryCommit?
    /// How often probability or impact changed during the open period.
    public var timesRescored: Int
    public var lastRescored: PlanDate?
    /// Probability x impact when it opened, and now (or when it closed).
    public var scoreThen: Int?
    public var scoreNow: Int?
}

/// The age of every risk open at the tip of a range, and of those closed within it.
public struct RiskAges: Hashable, Sendable {
    /// Oldest first.
    public var open: [RiskAge]
    /// Closed within the range, most recently closed first.
    public var closed: [RiskAge]

    /// `tip`: the plans at the range's newest commit; `asOf`: that commit's day.
    public init(_ history: PlanHistory, tip: Workspace, asOf: PlanDate, programs: Set<String> = []) {
        var open: [RiskAge] = [], closed: [RiskAge] = []
        var atTip: Set<QualifiedID> = []
        for program in tip.programs where programs.isEmpty || programs.contains(program.folder) {
            for risk in program.risks where risk.isActive {
                let ref = QualifiedID(program: program.folder, id: risk.id.value)
                atTip.insert(ref)
                open.append(Self.age(history.risks[ref], ref: ref, title: risk.title, scoreNow: risk.score, status: risk.status,
                                     origin: history.programOrigins[program.folder], first: history.first, end: asOf))
            }
        }
        for (ref, timeline) in history.risks where !atTip.contains(ref) && (programs.isEmpty || programs.contains(ref.program)) {
            guard let end = timeline.events.last(where: \.ends), timeline.events.last == end else { continue }
            let before = RiskTimeline(ref: ref, formerRefs: timeline.formerRefs,
                                      events: Array(timeline.events.prefix(while: { $0 != end })))
            var age = Self.age(before, ref: ref, title: end.title ?? before.events.last?.title, scoreNow: end.scoreTo ?? end.scoreFrom,
                               status: end.kinds.contains(.removed) ? "removed" : end.statusTo, origin: nil,
                               first: history.first, end: end.commit.day)
            age.closedOn = end.commit.day
            age.closedBy = end.commit
            closed.append(age)
        }
        self.open = open.sorted { $0.ageDays != $1.ageDays ? $0.ageDays > $1.ageDays : $0.ref < $1.ref }
        self.closed = closed.sorted { a, b in
            a.closedOn != b.closedOn ? a.closedOn! > b.closedOn! : a.ref < b.ref
        }
    }

    /// The open period is from the last event that opened it; before any, from its program's
    /// creation when that was read, else from the first commit read.
    private static func age(_ timeline: RiskTimeline?, ref: QualifiedID, title: String?, scoreNow: Int?, status: String?,
                            origin: HistoryCommit?, first: HistoryCommit?, end: PlanDate) -> RiskAge {
        let events = timeline?.events ?? []
        let openIndex = events.lastIndex(where: \.opens)
        let opening = openIndex.map { events[$0] }
        let period = openIndex.map { Array(events[($0 + 1)...]) } ?? events
        let openedBy = opening?.commit ?? origin
        let since = openedBy?.day ?? first?.day ?? end
        let rescores = period.filter { $0.kinds.contains(.rescored) }
        return RiskAge(ref: ref, title: title, status: status, openSince: since, openSinceKnown: openedBy != nil,
                       openedBy: openedBy, ageDays: max(0, since.days(to: end)), closedOn: nil, closedBy: nil,
                       timesRescored: rescores.count, lastRescored: rescores.last?.commit.day,
                       scoreThen: opening?.scoreTo ?? rescores.first?.scoreFrom ?? scoreNow, scoreNow: scoreNow)
    }
}
