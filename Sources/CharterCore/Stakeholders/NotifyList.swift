/// Who must hear about a change request (`notify` in its record): the owners of the milestones
/// it changes, the owners of milestones in other programs that depend on them, and the touched
/// programs' stakeholders who are consulted or informed — and accountable, when the policy
/// requires approval for the change. The author is left out: they know.
///
/// Computed when a record is shown, never stored with it: the record's facts are fixed by its
/// commit, but who owns what, who holds which role and their GitHub logins are read from the plans
/// and people.yaml of the workspace being reported on.
public struct NotifyList: Hashable, Sendable {
    public struct Recipient: Hashable, Sendable {
        /// The person's id in people.yaml (as the plans name them).
        public var person: String
        public var name: String?
        /// Their GitHub login, when people.yaml has one.
        public var login: String?
        /// Why they are told, in a stable order.
        public var reasons: [ChangeAudience.Concern]
    }

    public var recipients: [Recipient]

    public init(recipients: [Recipient] = []) {
        self.recipients = recipients
    }

    public var isEmpty: Bool { recipients.isEmpty }

    /// The list for changes, judged in `audience`'s workspace.
    public init(changes: [EntityChange], approvalRequired: Bool, author: String?, audience: ChangeAudience) {
        let told: Set<RACIRole> = approvalRequired ? [.consulted, .informed, .accountable] : [.consulted, .informed]
        let concerns = audience.concerns(changes).filter { concern in
            guard concern.person != author else { return false }
            return concern.kind != .stakeholder || concern.role.flatMap(RACIRole.init(rawValue:)).map(told.contains) == true
        }
        let people = audience.people
        var order: [String] = []
        var reasons: [String: [ChangeAudience.Concern]] = [:]
        for concern in concerns {
            if reasons[concern.person] == nil { order.append(concern.person) }
            reasons[concern.person, default: []].append(concern)
        }
        recipients = order.sorted().map { id in
            Recipient(person: id, name: people[id]?.name, login: people[id]?.github.flatMap(Self.login),
                      reasons: reasons[id]!.sorted())
        }
    }

    /// The list for a change request, judged in `audience`'s workspace.
    public init(_ record: ChangeRequest, audience: ChangeAudience) {
        self.init(changes: record.changes, approvalRequired: record.approvalRequired, author: record.author.person,
                  audience: audience)
    }

    /// A login as GitHub spells it: without a leading `@` someone may have written.
    static func login(_ written: String) -> String? {
        let login = written.hasPrefix("@") ? String(written.dropFirst()) : written
        return login.isEmpty ? nil : login
    }
}

extension NotifyList {
    /// The list for a diff between two whole workspaces, as a pull request's comment shows it:
    /// approval is required when the newer side's policy asks for it on `day`; nobody is the
    /// author (a pull request has many).
    public init(changes: [EntityChange], old: Workspace, new: Workspace, day: PlanDate) {
        let required = !PolicyEvaluation(policy: new.settings.policy, old: old, new: new, day: day).requirements(for: changes).isEmpty
        self.init(changes: changes, approvalRequired: required, author: nil, audience: ChangeAudience(workspace: new))
    }
}
