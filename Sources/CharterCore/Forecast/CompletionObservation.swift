/// One milestone of the history, seen from a cut-off day: how many days after its first planned
/// date it was reached (`reached`), or, when it was not reached before the cut-off, how long it
/// had been followed (`reached == false`: censored). Open and abandoned milestones are censored
/// observations, never dropped: leaving them out is the survivorship bias that makes a naive
/// slip model too optimistic.
public struct CompletionObservation: Hashable, Sendable {
    public var ref: QualifiedID
    /// The first date it was given.
    public var planned: PlanDate
    /// Days from `planned` to the day it was reached, or to the day it stopped being followed.
    public var days: Int
    public var reached: Bool

    public init(ref: QualifiedID, planned: PlanDate, days: Int, reached: Bool) {
        self.ref = ref
        self.planned = planned
        self.days = days
        self.reached = reached
    }
}

/// What the history says about every milestone up to a cut-off day: the observations the
/// model is fitted on, and, for the backtest, the day each milestone was eventually reached.
public struct CompletionHistory: Sendable {
    public struct Outcome: Hashable, Sendable {
        public var ref: QualifiedID
        public var firstPlanned: PlanDate
        /// The day the first event was recorded: it is not in the plans before.
        public var known: PlanDate
        /// Reached (done) on this day; nil when never reached in the history.
        public var reached: PlanDate?
        /// Cancelled or removed on this day, when it was abandoned.
        public var abandoned: PlanDate?
        /// Its dated plan after each event, oldest first, to read the planned date at any day.
        public var plan: [(day: PlanDate, date: PlanDate?)]

        public static func == (a: Outcome, b: Outcome) -> Bool { a.ref == b.ref }
        public func hash(into hasher: inout Hasher) { hasher.combine(ref) }

        /// The date the plans gave it on `day` (after that day's commits before it).
        public func plannedDate(before day: PlanDate) -> PlanDate? {
            plan.last(where: { $0.day < day })?.date
        }
    }

    public private(set) var outcomes: [Outcome] = []

    /// - Parameter doneOn: `done_on` of milestones done in the plans at the tip: the day it was
    ///   reached, when the file says it; else the day of the commit that marked it done.
    /// - Parameter tipDates: the dates of the plans at the tip: the first planned date of a
    ///   milestone that came with its program and was never re-dated (no event carries one).
    public init(_ history: PlanHistory, doneOn: [QualifiedID: PlanDate] = [:], tipDates: [QualifiedID: PlanDate] = [:]) {
        for ref in history.milestones.keys.sorted() {
            guard let ledger = history.milestones[ref], let firstEvent = ledger.events.first,
                  let firstPlanned = ledger.firstPlanned ?? tipDates[ref] else { continue }
            var reached: PlanDate?, abandoned: PlanDate?
            var plan: [(day: PlanDate, date: PlanDate?)] = []
            var date: PlanDate? = firstPlanned
            for event in ledger.events {
                if event.kinds.contains(.added) || event.kinds.contains(.scheduled) || event.dateTo != nil { date = event.dateTo ?? date }
                if event.kinds.contains(.unscheduled) { date = nil }
                plan.append((event.commit.day, date))
                if event.kinds.contains(.removed) { abandoned = abandoned ?? event.commit.day; continue }
                guard let status = event.statusTo.flatMap(MilestoneStatus.init(rawValue:)) else { continue }
                switch status {
                case .done: if reached == nil { reached = event.commit.day }
                case .cancelled: if abandoned == nil && reached == nil { abandoned = event.commit.day }
                default: if reached != nil && abandoned == nil { reached = nil } // re-opened
                }
            }
            if let reachedDay = reached, let stated = doneOn[ref] { reached = min(stated, reachedDay) }
            if reached != nil { abandoned = nil }
            outcomes.append(Outcome(ref: ref, firstPlanned: firstPlanned, known: firstEvent.commit.day,
                                    reached: reached, abandoned: abandoned, plan: plan))
        }
    }

    /// The observations a forecast made on `cutoff` may use: milestones known before that day,
    /// reached before it or censored at it (or at the day they were abandoned).
    public func observations(before cutoff: PlanDate) -> [CompletionObservation] {
        outcomes.compactMap { outcome in
            guard outcome.known < cutoff else { return nil }
            if let reached = outcome.reached, reached < cutoff {
                return CompletionObservation(ref: outcome.ref, planned: outcome.firstPlanned,
                                             days: outcome.firstPlanned.days(to: reached), reached: true)
            }
            let end = outcome.abandoned.map { min($0, cutoff) } ?? cutoff
            return CompletionObservation(ref: outcome.ref, planned: outcome.firstPlanned,
                                         days: outcome.firstPlanned.days(to: end), reached: false)
        }
    }

    public func outcome(of ref: QualifiedID) -> Outcome? { outcomes.first { $0.ref == ref } }
}

extension CompletionHistory {
    /// Each milestone's first planned date, as known before `cutoff`.
    public func firstPlanned(before cutoff: PlanDate) -> [QualifiedID: PlanDate] {
        var dates: [QualifiedID: PlanDate] = [:]
        for outcome in outcomes where outcome.known < cutoff { dates[outcome.ref] = outcome.firstPlanned }
        return dates
    }
}
