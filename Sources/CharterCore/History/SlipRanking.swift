/// Milestones ranked by how often and how far they moved: chronic slips first.
public struct SlipRanking: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var ref: QualifiedID
        public var formerRefs: [QualifiedID]
        public var name: String?
        /// Moves later.
        public var slips: Int
        /// Moves earlier.
        public var pullIns: Int
        /// Sum of the later moves, in days.
        public var daysSlipped: Int
        /// Sum of the earlier moves, in days (positive).
        public var daysPulledIn: Int
        public var largestSlip: Int
        public var firstPlanned: PlanDate?
        /// nil when removed or unscheduled.
        public var current: PlanDate?
        /// `current - firstPlanned`: where the milestone ended up against where it started.
        public var netDrift: Int?
        public var status: String?
        /// The day of its latest slip.
        public var lastSlipped: PlanDate?

        public init(_ ledger: MilestoneLedger) {
            ref = ledger.ref
            formerRefs = ledger.formerRefs
            name = ledger.name
            let slips = ledger.slips, pullIns = ledger.pullIns
            self.slips = slips.count
            self.pullIns = pullIns.count
            daysSlipped = slips.compactMap(\.days).reduce(0, +)
            daysPulledIn = -pullIns.compactMap(\.days).reduce(0, +)
            largestSlip = slips.compactMap(\.days).max() ?? 0
            firstPlanned = ledger.firstPlanned
            current = ledger.current
            netDrift = firstPlanned.flatMap { first in current.map { first.days(to: $0) } }
            status = ledger.status
            lastSlipped = slips.last?.commit.day
        }
    }

    /// Ranked: most slips first, then most days slipped, then by ref.
    public var entries: [Entry]

    /// Milestones that moved at least once (later or earlier), in the programs given (all when empty).
    public init(_ history: PlanHistory, programs: Set<String> = []) {
        entries = history.milestones.values
            .filter { programs.isEmpty || programs.contains($0.ref.program) }
            .map(Entry.init)
            .filter { $0.slips + $0.pullIns > 0 }
            .sorted { a, b in
                if a.slips != b.slips { return a.slips > b.slips }
                if a.daysSlipped != b.daysSlipped { return a.daysSlipped > b.daysSlipped }
                return a.ref < b.ref
            }
    }
}
