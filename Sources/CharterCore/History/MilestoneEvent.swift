/// One commit's effect on one milestone.
public struct MilestoneEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case added
        /// Got a date it did not have.
        case scheduled
        case unscheduled
        /// The date moved later.
        case slipped
        /// The date moved earlier.
        case pulledIn = "pulled-in"
        case statusChanged = "status-changed"
        /// Left one program for another (or its program was renamed).
        case moved
        case removed
        /// Other fields (name, owner, dependencies…): listed in `fields`.
        case edited
    }

    public var kinds: [Kind]
    /// Where the milestone is after this commit.
    public var ref: QualifiedID
    public var name: String?
    public var commit: HistoryCommit
    public var dateFrom: PlanDate?
    public var dateTo: PlanDate?
    /// `dateTo - dateFrom`: positive when later.
    public var days: Int?
    public var statusFrom: String?
    public var statusTo: String?
    public var movedFrom: String?
    /// The other fields this commit changed.
    public var fields: [String]
    /// Not seen in a diff of its own: the milestone came with its program, or left with it.
    public var withProgram: Bool

    public init(kinds: [Kind], ref: QualifiedID, name: String? = nil, commit: HistoryCommit) {
        self.kinds = kinds
        self.ref = ref
        self.name = name
        self.commit = commit
        fields = []
        withProgram = false
    }

    public var isSlip: Bool { (days ?? 0) > 0 }
    public var isPullIn: Bool { (days ?? 0) < 0 }
}

extension MilestoneEvent {
    /// What a milestone's entry in a change request says, or nil when it is not a milestone.
    init?(_ change: EntityChange, commit: HistoryCommit) {
        guard change.entity == .milestone, let program = change.program else { return nil }
        self.init(kinds: [], ref: QualifiedID(program: program, id: change.id), name: change.name, commit: commit)
        let date = change.field("date"), status = change.field("status")
        dateFrom = date?.from?.date
        dateTo = date?.to?.date
        statusFrom = status?.from?.text
        statusTo = status?.to?.text
        switch change.change {
        case .added:
            kinds = [.added]
        case .removed:
            kinds = [.removed]
        case .modified, .moved:
            if change.change == .moved {
                kinds.append(.moved)
                movedFrom = change.movedFrom
            }
            switch (dateFrom, dateTo) {
            case (let old?, let new?):
                days = old.days(to: new)
                kinds.append(days! > 0 ? .slipped : .pulledIn)
            case (nil, _?): kinds.append(.scheduled)
            case (_?, nil): kinds.append(.unscheduled)
            case (nil, nil): break
            }
            if status != nil { kinds.append(.statusChanged) }
            fields = change.fields.map(\.field).filter { $0 != "date" && $0 != "status" }
            if !fields.isEmpty { kinds.append(.edited) }
        }
    }
}
