/// Builds model values from checked YAML. Entities without a usable id are skipped: the schema
/// checker has already said why.
enum ModelBuilder {
    static func person(_ r: FieldReader) -> Person? {
        guard let id = r.identifier("id") else { return nil }
        return Person(id: id, name: r.text("name"), email: r.text("email"), github: r.text("github"), team: r.text("team"), title: r.text("title"))
    }

    static func fillProgram(_ program: inout Program, from r: FieldReader) {
        program.hasProgramFile = true
        program.id = r.located("id")
        program.name = r.text("name")
        program.owner = r.located("owner")
        program.sponsor = r.located("sponsor")
        program.status = r.text("status")
        program.start = r.date("start")
        program.target = r.date("target")
        program.description = r.text("description")
        if let budget = r.object("budget") {
            program.currency = budget.text("currency")
            program.budgetTotal = budget.number("total", in: .money)
        }
        program.objectives = r.texts("objectives")
        if let scope = r.object("scope") {
            program.scopeIn = scope.texts("in")
            program.scopeOut = scope.texts("out")
        }
        program.workstreams = r.objects("workstreams").compactMapSized { w in
            w.identifier("id").map { Program.Workstream(id: $0, name: w.text("name"), owner: w.located("owner")) }
        }
        program.stakeholders = r.objects("stakeholders").compactMapSized { s in
            s.located("person").map { Program.Stakeholder(person: $0, role: s.text("role")) }
        }
        program.allocations = r.objects("allocations").compactMapSized { a in
            guard let person = a.located("person"), let percent = a.number("percent", in: .allocationPercent) else { return nil }
            return Program.Allocation(person: person, workstream: a.located("workstream"), percent: percent.value,
                                      from: a.date("from")?.value, to: a.date("to")?.value, location: a.location)
        }
    }

    static func milestone(_ r: FieldReader) -> Milestone? {
        guard let id = r.identifier("id") else { return nil }
        // An unknown status is a schema finding at its position; the milestone reads as planned.
        let status = r.located("status").flatMap { written in
            MilestoneStatus(rawValue: written.value).map { Located($0, at: written.location) }
        }
        return Milestone(
            id: id, name: r.text("name"), workstream: r.located("workstream"), owner: r.located("owner"),
            start: r.date("start"), date: r.date("date"),
            status: status ?? Located(.planned, at: id.location),
            doneOn: r.date("done_on"), description: r.text("description"),
            deliverables: r.texts("deliverables"), dependsOn: r.references("depends_on")
        )
    }

    static func risk(_ r: FieldReader) -> Risk? {
        guard let id = r.identifier("id") else { return nil }
        func score(_ key: String) -> Int? { r.integer(key).flatMap { (1...5).contains($0) ? $0 : nil } }
        return Risk(
            id: id, title: r.text("title"), owner: r.located("owner"),
            probability: score("probability"), impact: score("impact"),
            status: r.text("status"), mitigation: r.text("mitigation"), affects: r.references("affects"),
            reviewBy: r.date("review_by"), description: r.text("description")
        )
    }

    static func budgetLine(_ r: FieldReader) -> BudgetLine? {
        guard let id = r.identifier("id") else { return nil }
        return BudgetLine(id: id, amount: r.number("amount", in: .money), category: r.text("category"),
                          workstream: r.located("workstream"), description: r.text("description"))
    }

    static func decision(_ r: FieldReader) -> Decision? {
        guard let id = r.identifier("id") else { return nil }
        return Decision(
            id: id, title: r.text("title"), status: r.located("status"), date: r.date("date"), owner: r.located("owner"),
            supersedes: r.located("supersedes"), supersededBy: r.located("superseded_by"), rationale: r.text("rationale")
        )
    }

    static func kpi(_ r: FieldReader) -> KPI? {
        guard let id = r.identifier("id") else { return nil }
        let direction = r.located("direction").flatMap { written in
            KPI.Direction(rawValue: written.value).map { Located($0, at: written.location) }
        }
        return KPI(
            id: id, name: r.text("name"), unit: r.text("unit"),
            baseline: r.number("baseline", in: .kpiValue), target: r.number("target", in: .kpiValue), current: r.number("current", in: .kpiValue),
            asOf: r.date("as_of"), direction: direction, owner: r.located("owner"), description: r.text("description")
        )
    }

    static func lesson(_ r: FieldReader) -> Lesson? {
        guard let id = r.identifier("id") else { return nil }
        // An unknown category or status is a schema finding at its position; the model leaves it out.
        let category = r.located("category").flatMap { written in
            Lesson.Category(written.value).map { Located($0, at: written.location) }
        }
        let status = r.located("status").flatMap { written in
            Lesson.Status(rawValue: written.value).map { Located($0, at: written.location) }
        }
        let refs = r.references("refs").map { Located(LessonReference($0.value.description), at: $0.location) }
        return Lesson(id: id, title: r.text("title"), category: category, trigger: r.text("trigger"), lesson: r.text("lesson"),
                      recommendation: r.located("recommendation"), owner: r.located("owner"), status: status,
                      date: r.date("date"), refs: refs)
    }

    static func settings(_ r: FieldReader) -> Settings {
        var settings = Settings()
        settings.version = r.integer("version")
        guard let policy = r.object("policy") else { return settings }
        settings.policy = self.policy(policy)
        for (rule, value) in policy.entries("rules") {
            if let setting = SeveritySetting(value.value) {
                settings.ruleSeverities[rule] = Located(setting, at: value.location)
            }
        }
        return settings
    }

    static func policy(_ r: FieldReader) -> Policy {
        var policy = Policy()
        if let trailer = r.text("approval_trailer"), !trailer.isEmpty { policy.approvalTrailer = trailer }
        if r.node["review_trailers"] != nil { policy.reviewTrailers = r.texts("review_trailers") }
        policy.allowSelfApproval = r.boolean("allow_self_approval") ?? false
        if let require = r.object("require_approval") {
            policy.slipDays = require.integer("slip_days").flatMap { DayCount.range.contains($0) ? $0 : nil }
            policy.slipPercentOfRemaining = require.number("slip_percent_of_remaining", in: .percent)?.value
            policy.dependentSlip = require.boolean("dependent_slip") ?? false
            policy.budgetIncreasePercent = require.number("budget_increase_percent", in: .percent)?.value
            policy.milestoneRemoved = require.boolean("milestone_removed") ?? false
            policy.scopeChange = require.boolean("scope_change") ?? false
        }
        if let roles = r.object("approver_roles") {
            policy.defaultApproverRoles = roles.texts("default")
            for reason in Policy.Reason.allCases where roles.node[reason.rawValue] != nil {
                policy.approverRoles[reason] = roles.texts(reason.rawValue)
            }
        }
        policy.freezes = r.objects("freezes").compactMapSized { f in
            guard let name = f.text("name"), let from = f.date("from"), let to = f.date("to") else { return nil }
            let covers = f.texts("covers")
            return Policy.Freeze(name: name, from: from.value, to: to.value, programs: f.texts("programs"),
                                 covers: covers.isEmpty ? ["dates", "scope", "budget"] : Set(covers))
        }
        if let exception = r.object("freeze_exception") {
            if let trailer = exception.text("trailer"), !trailer.isEmpty { policy.freezeExceptionTrailer = trailer }
            policy.freezeExceptionFile = exception.text("file")
        }
        return policy
    }
}
