import CharterCore

/// The JSON (and YAML) shape of a change-request record: the brief's keys, plus the rest.
struct ChangeLogDocument: Encodable, Sendable {
    struct Identity: Encodable, Sendable {
        var name: String
        var email: String
        var date: String
        @Nullable var person: String?
    }

    struct Approval: Encodable, Sendable {
        var name: String
        @Nullable var email: String?
        @Nullable var person: String?
        @Nullable var role: String?
        var roles: [String]
        var kind: String
        var source: String
        var counts: Bool
        /// Only when the approval does not count: why.
        var note: String?
    }

    struct Impact: Encodable, Sendable {
        var maxSlipDays: Int
        var budgetDelta: Double
        var budgetLinesDelta: Double
        var personDaysAdded: Double
        var personDaysRemoved: Double
        var milestonesAdded: [String]
        var milestonesRemoved: [String]
        var milestonesSlipped: [String]
        var risksAdded: [String]
        var risksClosed: [String]
        var risksRescored: [String]
        var scopeAdded: [String]
        var scopeRemoved: [String]

        enum CodingKeys: String, CodingKey {
            case maxSlipDays = "max_slip_days", budgetDelta = "budget_delta", budgetLinesDelta = "budget_lines_delta"
            case personDaysAdded = "person_days_added", personDaysRemoved = "person_days_removed"
            case milestonesAdded = "milestones_added", milestonesRemoved = "milestones_removed"
            case milestonesSlipped = "milestones_slipped", risksAdded = "risks_added", risksClosed = "risks_closed"
            case risksRescored = "risks_rescored", scopeAdded = "scope_added", scopeRemoved = "scope_removed"
        }
    }

    struct Requirement: Encodable, Sendable {
        var reason: String
        var program: String?
        var detail: String
        var roles: [String]
        var satisfiedBy: [String]
        var missing: String?

        enum CodingKeys: String, CodingKey {
            case reason, program, detail, roles, missing
            case satisfiedBy = "satisfied_by"
        }
    }

    struct Claim: Encodable, Sendable {
        var trailer: String
        var claimed: String
        var actual: String
    }

    struct Record: Encodable, Sendable {
        var id: String
        var commit: String
        var parents: [String]
        var title: String
        var description: String
        var author: Identity
        var committer: Identity
        var date: String
        @Nullable var reason: String?
        @Nullable var pullRequest: Int?
        var approvals: [Approval]
        var changes: [DiffJSONReporter.Entry]
        var consequences: [String]
        var impact: Impact
        var changeTypes: [String]
        var approvalRequired: Bool
        var requirements: [Requirement]
        var approved: Bool
        var policyMet: Bool
        var contradictedClaims: [Claim]
        var unreadableFiles: [String]
        /// Lessons learned the record brings back; absent when not looked up.
        var lessons: [RecalledLessonEntry]?
        /// Who must hear about it (`NotifyList`), judged when the record is shown.
        var notify: [NotifyDocument]

        enum CodingKeys: String, CodingKey {
            case id, commit, parents, title, description, author, committer, date, reason, approvals, changes, lessons
            case consequences, impact, requirements, approved, notify
            case pullRequest = "pull_request", changeTypes = "change_types", approvalRequired = "approval_required"
            case policyMet = "policy_met", contradictedClaims = "contradicted_claims", unreadableFiles = "unreadable_files"
        }
    }

    /// The role an approval shows: the one the approver stated, else the first they hold.
    static func shownRole(_ approval: CharterCore.Approval) -> String? {
        approval.statedRole ?? approval.roles.first
    }

    static func record(_ cr: ChangeRequest, lessons: [RecalledLesson]? = nil, notify: NotifyList? = nil) -> Record {
        func identity(_ i: ChangeRequest.Identity) -> Identity {
            Identity(name: i.name, email: i.email, date: i.date, person: i.person)
        }
        let impact = cr.impact
        return Record(
            id: cr.id, commit: cr.commit, parents: cr.parents, title: cr.title, description: cr.description,
            author: identity(cr.author), committer: identity(cr.committer), date: cr.author.date, reason: cr.reason,
            pullRequest: cr.pullRequest,
            approvals: cr.approvals.map {
                Approval(name: $0.name, email: $0.email, person: $0.person, role: shownRole($0),
                         roles: $0.roles, kind: $0.kind, source: $0.source.rawValue, counts: $0.counts, note: $0.note)
            },
            changes: cr.changes.map(DiffJSONReporter.Entry.init),
            consequences: cr.consequences.map(\.message),
            impact: Impact(maxSlipDays: impact.maxSlipDays, budgetDelta: impact.budgetDelta, budgetLinesDelta: impact.budgetLinesDelta,
                           personDaysAdded: roundedTenth(impact.personDaysAdded),
                           personDaysRemoved: roundedTenth(impact.personDaysRemoved),
                           milestonesAdded: impact.milestonesAdded, milestonesRemoved: impact.milestonesRemoved,
                           milestonesSlipped: impact.milestonesSlipped, risksAdded: impact.risksAdded,
                           risksClosed: impact.risksClosed, risksRescored: impact.risksRescored,
                           scopeAdded: impact.scopeAdded, scopeRemoved: impact.scopeRemoved),
            changeTypes: cr.changeTypes, approvalRequired: cr.approvalRequired,
            requirements: cr.requirements.map {
                Requirement(reason: $0.reason.rawValue, program: $0.program, detail: $0.detail, roles: $0.roles,
                            satisfiedBy: $0.satisfiedBy, missing: $0.missing)
            },
            approved: cr.approved, policyMet: cr.policyMet,
            contradictedClaims: cr.contradictedClaims.map { Claim(trailer: $0.trailer, claimed: $0.claimed, actual: $0.actual) },
            unreadableFiles: cr.unreadableFiles,
            lessons: lessons?.map(RecalledLessonEntry.init),
            notify: NotifyDocument.entries(notify)
        )
    }
}
