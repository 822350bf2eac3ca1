/// One commit's effect on one risk.
public struct RiskEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case added
        /// Probability or impact changed.
        case rescored = "re-scored"
        /// Became active again (open or mitigating) after being closed or realized.
        case reopened
        /// Stopped being active: closed or realized.
        case closed
        case statusChanged = "status-changed"
        case moved
        case removed
    }

    public var kinds: [Kind]
    public var ref: QualifiedID
    public var title: String?
    public var commit: HistoryCommit
    public var scoreFrom: Int?
    public var scoreTo: Int?
    public var statusFrom: String?
    public var statusTo: String?
    /// Not seen in a diff of its own: the risk came with its program, or left with it.
    public var withProgram = false

    public init(kinds: [Kind], ref: QualifiedID, title: String? = nil, commit: HistoryCommit) {
        self.kinds = kinds
        self.ref = ref
        self.title = title
        self.commit = commit
    }

    /// Open and mitigating risks still threaten the plan (as `Risk.isActive` says).
    static func isActive(_ status: String?) -> Bool { status == "open" || status == "mitigating" }

    /// Starts (or restarts) the risk's open period.
    public var opens: Bool { kinds.contains(.added) ? Self.isActive(statusTo) : kinds.contains(.reopened) }
    /// Ends its open period.
    public var ends: Bool { kinds.contains(.closed) || kinds.contains(.removed) }
}

extension RiskEvent {
    /// What a risk's entry in a change request says, or nil when it is not a risk.
    init?(_ change: EntityChange, commit: HistoryCommit) {
        guard change.entity == .risk, let program = change.program else { return nil }
        self.init(kinds: [], ref: QualifiedID(program: program, id: change.id), title: change.name, commit: commit)
        scoreFrom = change.scoreFrom
        scoreTo = change.scoreTo
        let status = change.field("status")
        statusFrom = status?.from?.text
        statusTo = status?.to?.text
        switch change.change {
        case .added: kinds = [.added]
        case .removed: kinds = [.removed]
        case .modified, .moved:
            if change.change == .moved { kinds.append(.moved) }
            if change.field("probability") != nil || change.field("impact") != nil { kinds.append(.rescored) }
            if status != nil {
                switch (Self.isActive(statusFrom), Self.isActive(statusTo)) {
                case (false, true): kinds.append(.reopened)
                case (true, false): kinds.append(.closed)
                default: kinds.append(.statusChanged)
                }
            }
        }
    }
}
