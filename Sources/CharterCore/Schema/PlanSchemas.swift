/// The schema of workspace format v1: every file, every field. The loader checks files against it,
/// `charter schema` turns it into JSON Schema, and `docs/format.md` is generated from it.
public enum PlanSchemas {
    public static let programStatuses = ["proposed", "active", "on-hold", "done", "cancelled"]
    public static let milestoneStatuses = MilestoneStatus.allCases.map(\.rawValue)
    public static let riskStatuses = ["open", "mitigating", "closed", "realized"]
    public static let decisionStatuses = ["proposed", "accepted", "rejected", "superseded", "deprecated"]
    public static let stakeholderRoles = ["responsible", "accountable", "consulted", "informed"]

    public static let person = ObjectSchema(name: "person", summary: "Someone who can own, sponsor or approve.", fields: [
        FieldSpec("id", .identifier, required: true, "Stable id that owners and stakeholders refer to."),
        FieldSpec("name", .text, required: true, "Full name."),
        FieldSpec("email", .text, "Email address; approvals in commit trailers are matched by it."),
        FieldSpec("github", .text, "GitHub login: approving pull-request reviews are recorded as approvals by it (docs/ci.md)."),
        FieldSpec("team", .text, "Team or organisation."),
        FieldSpec("title", .text, "Job title."),
    ])

    public static let workstream = ObjectSchema(name: "workstream", summary: "A line of work inside a program.", fields: [
        FieldSpec("id", .identifier, required: true, "Id, unique in the program."),
        FieldSpec("name", .text, required: true, "What the workstream delivers."),
        FieldSpec("owner", .reference(.person), "Person id of its lead."),
    ])

    public static let stakeholder = ObjectSchema(name: "stakeholder", summary: "A person and their RACI role.", fields: [
        FieldSpec("person", .reference(.person), required: true, "Person id."),
        FieldSpec("role", .oneOf(stakeholderRoles), required: true, "RACI role."),
    ])

    public static let allocation = ObjectSchema(name: "allocation", summary: "Part of a person's time given to the program.", fields: [
        FieldSpec("person", .reference(.person), required: true, "Person id."),
        FieldSpec("workstream", .reference(.workstream), "Workstream id in this program."),
        FieldSpec("percent", .number(.allocationPercent), required: true, "Share of the person's time, 0 to 100."),
        FieldSpec("from", .date, "First day (default: the program's start)."),
        FieldSpec("to", .date, "Last day (default: the program's target, or open-ended)."),
    ])

    public static let programBudget = ObjectSchema(name: "program budget", summary: "The program's approved budget.", fields: [
        FieldSpec("currency", .text, "ISO currency code, e.g. USD."),
        FieldSpec("total", .number(.money), required: true, "Approved total, in the currency (0 to 10^13)."),
    ])

    public static let scope = ObjectSchema(name: "scope", summary: "What the program delivers and what it does not.", fields: [
        FieldSpec("in", .list(.text), "In scope."),
        FieldSpec("out", .list(.text), "Explicitly out of scope."),
    ])

    public static let program = ObjectSchema(name: "program", summary: "programs/<id>/program.yaml: the program's charter.", fields: [
        FieldSpec("id", .identifier, required: true, "Program id; must equal the folder name."),
        FieldSpec("name", .text, required: true, "Display name."),
        FieldSpec("owner", .reference(.person), required: true, "Person id of the program's TPM or lead."),
        FieldSpec("sponsor", .reference(.person), "Person id of the executive sponsor."),
        FieldSpec("status", .oneOf(programStatuses), required: true, "Where the program stands."),
        FieldSpec("start", .date, required: true, "First day of the program."),
        FieldSpec("target", .date, "Planned end; without it the program is ongoing."),
        FieldSpec("description", .text, "What the program is for."),
        FieldSpec("budget", .object(programBudget), "Approved budget."),
        FieldSpec("objectives", .list(.text), "Outcomes the program is measured by."),
        FieldSpec("scope", .object(scope), "Scope in and out."),
        FieldSpec("workstreams", .list(.object(workstream)), "Lines of work."),
        FieldSpec("stakeholders", .list(.object(stakeholder)), "People and their RACI roles."),
        FieldSpec("allocations", .list(.object(allocation)), "Who works on the program, how much, when."),
    ])

    public static let milestone = ObjectSchema(name: "milestone", summary: "A dated point the program commits to.", fields: [
        FieldSpec("id", .identifier, required: true, "Id, unique in the program (e.g. M1)."),
        FieldSpec("name", .text, required: true, "What is true when it is reached."),
        FieldSpec("workstream", .reference(.workstream), "Workstream id in this program."),
        FieldSpec("owner", .reference(.person), "Person id."),
        FieldSpec("start", .date, "When work toward it begins (for scheduling)."),
        FieldSpec("date", .date, "Target date; without it the milestone is unscheduled."),
        FieldSpec("status", .oneOf(milestoneStatuses), "Defaults to planned."),
        FieldSpec("done_on", .date, "When it was actually reached; required when status is done."),
        FieldSpec("description", .text, "Details."),
        FieldSpec("deliverables", .list(.text), "What it produces."),
        FieldSpec("depends_on", .list(.reference(.milestone)), "Milestones that must be reached first: `M1`, or `other-program/M3`."),
    ])

    public static let risk = ObjectSchema(name: "risk", summary: "Something that may go wrong, scored 1-25.", fields: [
        FieldSpec("id", .identifier, required: true, "Id, unique in the program (e.g. R1)."),
        FieldSpec("title", .text, required: true, "The risk in one line."),
        FieldSpec("owner", .reference(.person), required: true, "Person id."),
        FieldSpec("probability", .integer(1...5), required: true, "1 (rare) to 5 (almost certain)."),
        FieldSpec("impact", .integer(1...5), required: true, "1 (minor) to 5 (severe); score = probability x impact."),
        FieldSpec("status", .oneOf(riskStatuses), required: true, "Where the risk stands."),
        FieldSpec("mitigation", .text, "What is being done about it; required for open risks scoring 15 or more."),
        FieldSpec("affects", .list(.reference(.milestone)), "Milestones it threatens."),
        FieldSpec("review_by", .date, "When to look at it again."),
        FieldSpec("description", .text, "Details."),
    ])

    public static let budgetLine = ObjectSchema(name: "budget line", summary: "An amount of the program's budget.", fields: [
        FieldSpec("id", .identifier, required: true, "Id, unique in the program (e.g. B1)."),
        FieldSpec("amount", .number(.money), required: true, "Amount in the program's currency (0 to 10^13)."),
        FieldSpec("category", .text, "e.g. vendor, headcount, infrastructure."),
        FieldSpec("workstream", .reference(.workstream), "Workstream id in this program."),
        FieldSpec("description", .text, "What it pays for."),
    ])

    public static let decision = ObjectSchema(name: "decision", summary: "A decision record.", fields: [
        FieldSpec("id", .identifier, required: true, "Id, unique in the program (e.g. D1)."),
        FieldSpec("title", .text, required: true, "The decision in one line."),
        FieldSpec("status", .oneOf(decisionStatuses), required: true, "Where the decision stands."),
        FieldSpec("date", .date, "When it was taken."),
        FieldSpec("owner", .reference(.person), "Person id of who decided."),
        FieldSpec("supersedes", .reference(.decision), "Id of the decision this one replaces."),
        FieldSpec("superseded_by", .reference(.decision), "Id of the decision that replaced this one."),
        FieldSpec("rationale", .text, "Why."),
    ])

    public static let kpiDirections = KPI.Direction.allCases.map(\.rawValue)

    public static let kpi = ObjectSchema(name: "KPI", summary: "A measurable objective: baseline, target, latest measurement.", fields: [
        FieldSpec("id", .identifier, required: true, "Id, unique in the program (e.g. K1)."),
        FieldSpec("name", .text, required: true, "What is measured, e.g. Checkout p99 latency."),
        FieldSpec("unit", .text, "Unit of the numbers, e.g. ms, %, requests/s."),
        FieldSpec("baseline", .number(.kpiValue), "The value when the program started measuring."),
        FieldSpec("target", .number(.kpiValue), required: true, "The value the program commits to reach."),
        FieldSpec("current", .number(.kpiValue), "The latest measurement; update it (with as_of) as new figures come in."),
        FieldSpec("as_of", .date, "When `current` was measured."),
        FieldSpec("direction", .oneOf(kpiDirections), "Which way is better; default: from baseline towards target."),
        FieldSpec("owner", .reference(.person), "Person id of who reports it."),
        FieldSpec("description", .text, "How it is measured, where the figures come from."),
    ])

    public static let lessonStatuses = Lesson.Status.allCases.map(\.rawValue)

    public static let lesson = ObjectSchema(name: "lesson", summary: "A lesson learned: what happened, what it taught, what to do next time.", fields: [
        FieldSpec("id", .identifier, required: true, "Id, unique in the program (e.g. L1)."),
        FieldSpec("title", .text, required: true, "The lesson in one line."),
        FieldSpec("category", .oneOfOrExtension(Lesson.Category.words), required: true,
                  "What it is about; a schedule, budget, scope, risk or resources lesson comes back when the program changes that way again (docs/lessons.md)."),
        FieldSpec("trigger", .text, "What happened."),
        FieldSpec("lesson", .text, "What it taught."),
        FieldSpec("recommendation", .text, "What to do next time; required once the lesson is closed."),
        FieldSpec("owner", .reference(.person), "Person id of who carries the recommendation."),
        FieldSpec("status", .oneOf(lessonStatuses), "open (default), actioned or closed."),
        FieldSpec("date", .date, "When it was recorded."),
        FieldSpec("refs", .list(.reference(.lessonSubject)),
                  "What it is about: change requests (`CR-` ids, checked against history by charter check) and milestones, risks or decisions (`M2`, `identity/R3`)."),
    ])

    public static let approvalReasons = ["slip", "dependent_slip", "budget", "milestone_removed", "scope", "freeze"]
    public static let approverRoles = ["any", "owner", "sponsor"] + stakeholderRoles
    public static let freezeCovers = ["dates", "scope", "budget"]

    public static let requireApproval = ObjectSchema(name: "approval policy", summary: "What makes a change need approval.", fields: [
        FieldSpec("slip_days", .integer(DayCount.range), "A milestone moving later by more than this many days."),
        FieldSpec("slip_percent_of_remaining", .number(.percent), "A milestone moving later by more than this percent of the days that were left until its old date."),
        FieldSpec("dependent_slip", .boolean, "Any slip of a milestone that other milestones depend on."),
        FieldSpec("budget_increase_percent", .number(.percent), "A program budget growing by more than this percent."),
        FieldSpec("milestone_removed", .boolean, "Removing a milestone."),
        FieldSpec("scope_change", .boolean, "Adding or removing scope items (scope.in or scope.out)."),
    ])

    public static let approverRolesByReason = ObjectSchema(name: "approver roles", summary: "Who may approve which kind of change, as roles in the affected program.", fields:
        [FieldSpec("default", .list(.oneOf(approverRoles)), "Roles for any reason not listed (default: any person in people.yaml).")]
        + approvalReasons.map { FieldSpec($0, .list(.oneOf(approverRoles)), "Roles whose approval counts for \($0.replacingUnderscores) changes.") })

    public static let freeze = ObjectSchema(name: "freeze", summary: "A period in which plan changes need an exception.", fields: [
        FieldSpec("name", .text, required: true, "What the freeze is for, e.g. Q2 release freeze."),
        FieldSpec("from", .date, required: true, "First frozen day."),
        FieldSpec("to", .date, required: true, "Last frozen day."),
        FieldSpec("programs", .list(.identifier), "Programs it covers (default: all)."),
        FieldSpec("covers", .list(.oneOf(freezeCovers)), "Kinds of change it freezes (default: dates, scope and budget)."),
    ])

    public static let freezeException = ObjectSchema(name: "freeze exception", summary: "How a change during a freeze is let through.", fields: [
        FieldSpec("trailer", .text, "Commit trailer naming the approver of the exception (default Freeze-exception)."),
        FieldSpec("file", .text, "Workspace-relative YAML file of reviewed exceptions, each `{ commit: <sha or prefix>, approved_by: <person> }`."),
    ])

    public static let policy = ObjectSchema(name: "policy", summary: "Rules the team agreed on.", fields: [
        FieldSpec("approval_trailer", .text, "Commit trailer that records an approval (default Approved-by)."),
        FieldSpec("review_trailers", .list(.text), "Trailers recorded as reviews on change records; they never count as approval (default Reviewed-by)."),
        FieldSpec("allow_self_approval", .boolean, "Whether a commit's author may approve their own change (default false)."),
        FieldSpec("require_approval", .object(requireApproval), "Changes that need the approval trailer."),
        FieldSpec("approver_roles", .object(approverRolesByReason), "Roles whose approval counts, per kind of change."),
        FieldSpec("freezes", .list(.object(freeze)), "Freeze windows."),
        FieldSpec("freeze_exception", .object(freezeException), "How changes during a freeze get an exception."),
        FieldSpec("rules", .dictionary(.oneOf(SeveritySetting.allNames)), "Per-rule severity: error, warning or off."),
    ])

    public static let settings = ObjectSchema(name: "settings", summary: "charter.yaml: workspace settings and policy.", fields: [
        FieldSpec("version", .integer(1...1), required: true, "Workspace format version; 1."),
        FieldSpec("policy", .object(policy), "Policy."),
    ])

    /// The top-level mapping of each file kind (made once: asked for every file read).
    public static func root(of kind: PlanFileKind) -> ObjectSchema {
        switch kind {
        case .settings: return settings
        case .program: return program
        case .people: return peopleFile
        case .milestones: return milestonesFile
        case .risks: return risksFile
        case .budget: return budgetFile
        case .decisions: return decisionsFile
        case .kpis: return kpisFile
        case .lessons: return lessonsFile
        }
    }

    private static let peopleFile = fileOfList("people", of: person, file: "people.yaml: everyone the plans refer to.")
    private static let milestonesFile = fileOfList("milestones", of: milestone, file: "programs/<id>/milestones.yaml.")
    private static let risksFile = fileOfList("risks", of: risk, file: "programs/<id>/risks.yaml: the risk register.")
    private static let budgetFile = fileOfList("lines", of: budgetLine, file: "programs/<id>/budget.yaml: budget lines.")
    private static let decisionsFile = fileOfList("decisions", of: decision, file: "programs/<id>/decisions.yaml: decision log.")
    private static let kpisFile = fileOfList("kpis", of: kpi, file: "programs/<id>/kpis.yaml: measurable objectives.")
    private static let lessonsFile = fileOfList("lessons", of: lesson, file: "programs/<id>/lessons.yaml: the lessons-learned register.")

    private static func fileOfList(_ key: String, of element: ObjectSchema, file summary: String) -> ObjectSchema {
        ObjectSchema(name: key + " file", summary: summary, fields: [
            FieldSpec(key, .list(.object(element)), "The \(element.name)s."),
        ])
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
