import CharterCore

extension StatusReport.ChangeEntry {
    /// A change-request record as one row of the report, in the change log's own phrases.
    public init(_ record: ChangeRequest) {
        let approvals = record.approvals.filter(\.counts).map { approval in
            approval.name + ((approval.statedRole ?? approval.roles.first).map { " (\($0))" } ?? "")
        }
        self.init(id: record.id, commit: String(record.commit.prefix(12)), date: String(record.author.date.prefix(10)),
                  author: record.author.name, title: record.title, reason: record.reason, approvals: approvals,
                  approvalRequired: record.approvalRequired, approved: record.approved,
                  impact: ChangeLogPhrases.impactLine(record))
    }
}

extension StatusReport.DiffSummarySection {
    /// The diff's summary rows and its largest slips, for the "since the baseline" section.
    public init(_ diff: PlanDiff, from: String, to: String, highlightCount: Int = 8) {
        let slips = diff.summary.slipped.prefix(highlightCount).map { shift in
            "\(shift.milestone) slipped \(DiffFormatting.days(shift.days)) (\(shift.from) → \(shift.to))"
        }
        let added = diff.summary.milestonesAdded.prefix(highlightCount).map { "\($0) added" }
        let removed = diff.summary.milestonesRemoved.prefix(highlightCount).map { "\($0) removed" }
        self.init(from: from, to: to,
                  rows: DiffPhrases.summaryRows(diff).map { Row(label: $0.label, value: $0.value) },
                  highlights: Array(slips) + Array(removed) + Array(added), line: diff.summary.line)
    }
}

extension KPISeries {
    /// The program's KPIs as the report charts them: every known measurement
    /// (`KPI.measurements`), with where each KPI stands (`KPIProgress`).
    public static func series(of program: Program, trends: [String: KPITrend]) -> [KPISeries] {
        program.kpis.map { kpi in
            let progress = KPIProgress(kpi, in: program)
            return KPISeries(id: kpi.id.value, name: kpi.name ?? kpi.id.value, unit: kpi.unit, baseline: kpi.baseline?.value,
                             target: kpi.target?.value, direction: kpi.effectiveDirection?.rawValue,
                             points: kpi.measurements(committed: trends[kpi.id.value]).map { Point(asOf: $0.date, value: $0.value) },
                             status: progress.status.rawValue, progressPercent: progress.percent)
        }
    }
}
