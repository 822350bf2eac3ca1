/// The kinds of line in `charter export --format jsonl`, and the fields each carries: the one
/// table that both the records (`PortfolioRecords`) and their JSON Schema (`PortfolioSchema`)
/// are made from, so the two cannot disagree.
public enum PortfolioKind: String, CaseIterable, Sendable {
    case program
    case milestone
    case risk
    case budgetLine = "budget_line"
    case decision
    case kpi
    case changeRequest = "change_request"
    case slip

    /// The version of the line format; a consumer keys on it. Raise it when a field changes
    /// meaning or type; adding a field keeps it.
    public static let schemaVersion = 1

    public enum FieldType: Sendable, Equatable {
        case string, date, integer, number, boolean, stringList
    }

    public struct Field: Sendable {
        public let name: String
        public let type: FieldType
        public let summary: String
        init(_ name: String, _ type: FieldType, _ summary: String) {
            self.name = name
            self.type = type
            self.summary = summary
        }
    }

    /// On every line, first, never null except `commit` (an unborn branch) and `program`
    /// (never null in practice; kept nullable so a line about the workspace can be added).
    public static let envelope: [Field] = [
        Field("schema_version", .integer, "Version of this line format (\(schemaVersion))."),
        Field("kind", .string, "What the line describes."),
        Field("repository", .string, "The repository: its remote URL (credentials removed) or the --repository name."),
        Field("commit", .string, "The commit exported (HEAD for the worktree); null on an unborn branch."),
        Field("program", .string, "The program id (its folder under programs/)."),
        Field("as_of", .date, "The day the plans were read as of (forecasts, overdue)."),
    ]

    public var fields: [Field] {
        switch self {
        case .program:
            return [Field("id", .string, "Program id."), Field("name", .string, "Program name."),
                    Field("owner", .string, "Owner (person id)."), Field("sponsor", .string, "Sponsor (person id)."),
                    Field("status", .string, "proposed, active, on-hold, done or cancelled."),
                    Field("start", .date, "Start date."), Field("target", .date, "Target end date."),
                    Field("currency", .string, "Currency of the budget."), Field("budget_total", .number, "budget.total."),
                    Field("budget_lines_total", .number, "Sum of the budget lines."),
                    Field("forecast_end", .date, "Forecast end (charter schedule); null when unscheduled or in a cycle."),
                    Field("variance_days", .integer, "Forecast end − target in days; positive is late."),
                    Field("milestones", .integer, "Number of milestones."), Field("open_risks", .integer, "Open or mitigating risks.")]
        case .milestone:
            return [Field("id", .string, "Milestone id."), Field("ref", .string, "program/id."), Field("name", .string, "Name."),
                    Field("workstream", .string, "Workstream id."), Field("owner", .string, "Owner (person id)."),
                    Field("start", .date, "Planned start of the work."), Field("date", .date, "Target date."),
                    Field("status", .string, "planned, at-risk, done, missed or cancelled."), Field("done_on", .date, "When it was done."),
                    Field("depends_on", .stringList, "Dependencies as program/id, also into programs of other repositories."),
                    Field("forecast_start", .date, "Early start (charter schedule)."),
                    Field("forecast_finish", .date, "Early finish: the forecast (charter schedule)."),
                    Field("total_slack", .integer, "Days it can slip before a deadline is missed; negative when late."),
                    Field("critical", .boolean, "On a program's critical path."),
                    Field("overdue", .boolean, "Open and dated before the as-of day.")]
        case .risk:
            return [Field("id", .string, "Risk id."), Field("ref", .string, "program/id."), Field("title", .string, "Title."),
                    Field("owner", .string, "Owner (person id)."), Field("probability", .integer, "1..5."), Field("impact", .integer, "1..5."),
                    Field("score", .integer, "probability × impact."), Field("status", .string, "open, mitigating, closed or realized."),
                    Field("mitigation", .string, "Mitigation."), Field("affects", .stringList, "Affected entities as program/id."),
                    Field("review_by", .date, "Review date.")]
        case .budgetLine:
            return [Field("id", .string, "Budget line id."), Field("category", .string, "Category."),
                    Field("workstream", .string, "Workstream id."), Field("amount", .number, "Amount in the program's currency."),
                    Field("currency", .string, "The program's currency.")]
        case .decision:
            return [Field("id", .string, "Decision id."), Field("title", .string, "Title."),
                    Field("status", .string, "proposed, accepted, rejected, superseded or deprecated."), Field("date", .date, "Date."),
                    Field("owner", .string, "Owner (person id)."), Field("supersedes", .string, "The decision it replaces."),
                    Field("superseded_by", .string, "The decision that replaces it.")]
        case .kpi:
            return [Field("id", .string, "KPI id."), Field("name", .string, "Name."), Field("unit", .string, "Unit."),
                    Field("baseline", .number, "Baseline value."), Field("target", .number, "Target value."),
                    Field("current", .number, "Current value."), Field("measured_on", .date, "When current was measured."),
                    Field("direction", .string, "increase or decrease.")]
        case .changeRequest:
            return [Field("id", .string, "Change-request id (CR-<commit prefix>)."), Field("change_commit", .string, "The commit it records."),
                    Field("title", .string, "Commit subject."), Field("author", .string, "Author name."),
                    Field("author_email", .string, "Author email."), Field("date", .date, "Author date (day)."),
                    Field("time", .string, "Author date and time (ISO 8601)."), Field("reason", .string, "Reason: trailer or commit body."),
                    Field("approval_required", .boolean, "Policy required an approval."), Field("approved", .boolean, "Approved."),
                    Field("max_slip_days", .integer, "Largest milestone slip in days."),
                    Field("budget_delta", .number, "Change of budget totals."),
                    Field("programs", .stringList, "Every program it changed (one line per program)."),
                    Field("types", .stringList, "Change types (schedule, budget, scope, risk, resources…).")]
        case .slip:
            return [Field("id", .string, "<change request>/<milestone ref>."), Field("milestone", .string, "Milestone id."),
                    Field("ref", .string, "program/id."), Field("name", .string, "Milestone name."),
                    Field("change_request", .string, "The change request that moved it."),
                    Field("change_commit", .string, "Its commit."), Field("date", .date, "Day of that commit."),
                    Field("date_from", .date, "Date before."), Field("date_to", .date, "Date after."),
                    Field("days", .integer, "Days slipped (positive)."), Field("approval", .string, "yes, no or not required.")]
        }
    }
}
