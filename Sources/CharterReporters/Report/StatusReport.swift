import CharterCore

/// Everything a status report shows, as plain values: the renderers (HTML, markdown) turn it
/// into text and know nothing about git, the schedule engine or how the values were found.
public struct StatusReport: Sendable, Hashable {
    /// The report's title: the repository or workspace folder name.
    public var title: String
    /// When it was made, ISO 8601 (UTC), as a reader sees it.
    public var generatedAt: String
    /// The day "today" means: the today line, overdue milestones.
    public var asOf: PlanDate
    /// Which plans were read: "worktree", or a commit.
    public var source: String
    public var programs: [ProgramStatus]
    /// The baseline compared against; `nil` when the repository has none.
    public var baseline: Baseline?
    public var changeLog: ChangeLogSection
    /// Baseline → current; `nil` when there is no baseline.
    public var diffSummary: DiffSummarySection?
    /// Why the critical paths are not the schedule engine's (a dependency cycle); `nil` normally.
    public var scheduleNote: String?

    public init(title: String, generatedAt: String, asOf: PlanDate, source: String, programs: [ProgramStatus],
                baseline: Baseline? = nil, changeLog: ChangeLogSection = ChangeLogSection(since: "", entries: []),
                diffSummary: DiffSummarySection? = nil) {
        self.title = title
        self.generatedAt = generatedAt
        self.asOf = asOf
        self.source = source
        self.programs = programs
        self.baseline = baseline
        self.changeLog = changeLog
        self.diffSummary = diffSummary
    }

    /// A named, frozen version of the plans (`refs/tags/charter/baseline/NAME`).
    public struct Baseline: Sendable, Hashable {
        public var name: String
        public var commit: String
        public var date: PlanDate?

        public init(name: String, commit: String, date: PlanDate?) {
            self.name = name
            self.commit = commit
            self.date = date
        }
    }

    /// The change-request records since a point, newest first.
    public struct ChangeLogSection: Sendable, Hashable {
        /// What "since" means, in words: "since baseline q1 (3f2a1b0c)", "since 2026-03-01".
        public var since: String
        public var entries: [ChangeEntry]
        /// Records left out to keep the report short.
        public var omitted: Int

        public init(since: String, entries: [ChangeEntry], omitted: Int = 0) {
            self.since = since
            self.entries = entries
            self.omitted = omitted
        }
    }

    public struct ChangeEntry: Sendable, Hashable {
        public var id: String
        public var commit: String
        public var date: String
        public var author: String
        public var title: String
        public var reason: String?
        /// "Bob Li (sponsor)", one per approval that counts.
        public var approvals: [String]
        public var approvalRequired: Bool
        public var approved: Bool
        /// One line: "M2 +14d; budget +40,000".
        public var impact: String

        public init(id: String, commit: String, date: String, author: String, title: String, reason: String?,
                    approvals: [String], approvalRequired: Bool, approved: Bool, impact: String) {
            self.id = id
            self.commit = commit
            self.date = date
            self.author = author
            self.title = title
            self.reason = reason
            self.approvals = approvals
            self.approvalRequired = approvalRequired
            self.approved = approved
            self.impact = impact
        }
    }

    /// What changed since the baseline, in the diff's own words.
    public struct DiffSummarySection: Sendable, Hashable {
        public var from: String
        public var to: String
        /// Labelled rows ("milestones": "3 slipped (largest pay/M2 +14d)…").
        public var rows: [Row]
        /// Largest slips first: "pay/M2 slipped 14d (2026-05-01 → 2026-05-15)".
        public var highlights: [String]
        /// The diff's one-line contract.
        public var line: String

        public struct Row: Sendable, Hashable {
            public var label: String
            public var value: String

            public init(label: String, value: String) {
                self.label = label
                self.value = value
            }
        }

        public init(from: String, to: String, rows: [Row], highlights: [String], line: String) {
            self.from = from
            self.to = to
            self.rows = rows
            self.highlights = highlights
            self.line = line
        }
    }
}
