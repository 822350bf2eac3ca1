/// Turns a commit and the semantic diff it made into a change-request record, judged against
/// the policy in force (the newer side's `charter.yaml`).
public struct ChangeRequestBuilder: Sendable {
    /// A reviewed exception to a freeze, from the policy's exceptions file.
    public struct FreezeException: Hashable, Sendable {
        public var commit: String
        public var approvedBy: String

        public init(commit: String, approvedBy: String) {
            self.commit = commit
            self.approvedBy = approvedBy
        }
    }

    public var old: Workspace
    public var new: Workspace
    public var policy: Policy
    public var freezeExceptions: [FreezeException]
    /// Who the people are (the newer side's, or the older's when the newer has none); made from
    /// the workspaces unless the caller keeps one per version of `people.yaml`, as a history walk does.
    public var people: PeopleDirectory

    public init(old: Workspace, new: Workspace, freezeExceptions: [FreezeException] = [], people: PeopleDirectory? = nil) {
        self.old = old
        self.new = new
        self.policy = new.settings.policy
        self.freezeExceptions = freezeExceptions
        self.people = people ?? PeopleDirectory(new.people.isEmpty ? old.people : new.people)
    }

    public func build(commit: CommitFacts, diff: PlanDiff, notes: [String] = []) -> ChangeRequest {
        var message = CommitMessage(commit.message)
        message.trailers = SquashMessage.trailers(of: message, full: commit.message)
        let authorID = people.match(PersonIdentity(name: commit.author.name, email: commit.author.email))
        let programs = Set(diff.changes.compactMap(\.program))

        var claims = ApprovalClaim.fromTrailers(message, policy: policy)
        for note in notes { claims += ApprovalClaim.fromNote(note, policy: policy) }
        let approvals = claims.map { approval(for: $0, people: people, author: commit.author, authorID: authorID, programs: programs) }
        let freezeApprovals = message.values(for: policy.freezeExceptionTrailer).compactMap(PersonIdentity.init(parsing:)).map {
            approval(for: ApprovalClaim(kind: policy.freezeExceptionTrailer, identity: $0, source: .trailer),
                     people: people, author: commit.author, authorID: authorID, programs: programs)
        }

        let evaluation = PolicyEvaluation(policy: policy, old: old, new: new, day: commit.author.day)
        let requirements = evaluation.requirements(for: diff.changes).map { found in
            requirement(found.reason, program: found.program, detail: found.detail,
                        approvals: found.reason == .freeze ? freezeApprovals : approvals.filter { $0.kind == policy.approvalTrailer },
                        commit: commit.id)
        }
        let impact = ImpactAnalysis.impact(of: diff.changes)
        let types = ImpactAnalysis.changeTypes(of: diff.changes)
        return ChangeRequest(
            id: ChangeRequest.id(forCommit: commit.id),
            commit: commit.id,
            parents: commit.parentIDs,
            title: message.summary,
            description: message.body,
            author: identity(commit.author, people: people),
            committer: identity(commit.committer, people: people),
            reason: message.reason,
            pullRequest: PullRequestReference.find(in: message, fullMessage: commit.message)?.number,
            approvals: approvals + freezeApprovals,
            changes: diff.changes,
            consequences: diff.consequences,
            impact: impact,
            changeTypes: types,
            requirements: requirements,
            contradictedClaims: ImpactAnalysis.contradictedClaims(message, changeTypes: types, impact: impact),
            unreadableFiles: Array(Set(diff.unreadable.map(\.file.path))).sorted()
        )
    }

    private func identity(_ person: Signature, people: PeopleDirectory) -> ChangeRequest.Identity {
        ChangeRequest.Identity(name: person.name, email: person.email, date: person.iso8601,
                               person: people.match(PersonIdentity(name: person.name, email: person.email)))
    }

    private func approval(for claim: ApprovalClaim, people: PeopleDirectory, author: Signature,
                          authorID: String?, programs: Set<String>) -> Approval {
        let person = people.match(claim.identity)
        let name = claim.identity.name ?? person.flatMap { people.name(of: $0) } ?? claim.identity.email ?? "?"
        let stated = claim.identity.comment.map { $0.trimmingCharacters(in: "() ") }
        let heldRoles = person.map { id in programs.sorted().flatMap { self.roles(of: id, in: $0) } }.map { Array(Set($0)).sorted() } ?? []
        let isAuthor = (claim.identity.email.map { $0.caseInsensitiveEquals(author.email) } ?? false)
            || (person != nil && person == authorID)
        let note: String?
        if !claim.kind.caseInsensitiveEquals(policy.approvalTrailer) && !claim.kind.caseInsensitiveEquals(policy.freezeExceptionTrailer) {
            note = "a review, not an approval"
        } else if person == nil {
            note = "\(claim.identity.email ?? name) is not in people.yaml"
        } else if isAuthor && !policy.allowSelfApproval {
            note = "the author cannot approve their own change"
        } else {
            note = nil
        }
        return Approval(name: name, email: claim.identity.email ?? person.flatMap { people.email(of: $0) },
                        person: person, statedRole: stated, roles: heldRoles, kind: claim.kind, source: claim.source,
                        counts: note == nil, note: note)
    }

    private func requirement(_ reason: Policy.Reason, program: String?, detail: String, approvals: [Approval],
                             commit: String) -> ChangeRequest.Requirement {
        let roles = policy.roles(for: reason)
        var satisfiedBy = approvals.filter { approval in
            guard approval.counts, let person = approval.person else { return false }
            guard !roles.isEmpty, !roles.contains("any"), let program else { return true }
            return !Set(self.roles(of: person, in: program)).isDisjoint(with: roles)
        }.map(\.name)
        if reason == .freeze {
            satisfiedBy += freezeExceptions.filter { $0.commit.count >= 7 && commit.hasPrefix($0.commit) }
                .map { "\($0.approvedBy) (exceptions file)" }
        }
        var missing: String?
        if satisfiedBy.isEmpty {
            let trailer = reason == .freeze ? policy.freezeExceptionTrailer : policy.approvalTrailer
            let article = trailer.first.map { "AEIOUaeiou".contains($0) } == true ? "an" : "a"
            missing = "needs \(article) '\(trailer): Name <email>' trailer" + (reason == .freeze && policy.freezeExceptionFile != nil
                ? " or an entry in \(policy.freezeExceptionFile!)" : "")
            if !roles.isEmpty, !roles.contains("any"), let program {
                let eligible = new.people.map(\.id.value).filter { !Set(self.roles(of: $0, in: program)).isDisjoint(with: roles) }
                missing! += " from the \(roles.joined(separator: " or ")) of \(program)"
                    + (eligible.isEmpty ? " (nobody holds that role)" : " (\(eligible.joined(separator: ", ")))")
            } else {
                missing! += " from someone in people.yaml"
            }
        }
        return ChangeRequest.Requirement(reason: reason, program: program, detail: detail, roles: roles,
                                         satisfiedBy: satisfiedBy, missing: missing)
    }

    /// The roles a person holds in a program: owner, sponsor, and stakeholder roles; the newer
    /// plan first, the older one for a program the change removed.
    func roles(of person: String, in folder: String) -> [String] {
        guard let program = new.program(folder) ?? old.program(folder) else { return [] }
        var roles: [String] = []
        if program.owner?.value == person { roles.append("owner") }
        if program.sponsor?.value == person { roles.append("sponsor") }
        roles += program.stakeholders.filter { $0.person.value == person }.compactMap(\.role)
        return roles
    }
}

/// Finds people in people.yaml by email (case-insensitive), id or exact name.
public struct PeopleDirectory: Sendable {
    private let byEmail: [String: String]
    private let byID: [String: Person]
    private let byName: [String: String]

    public init(_ people: [Person]) {
        var emails: [String: String] = [:], ids: [String: Person] = [:], names: [String: String] = [:]
        for person in people {
            if let email = person.email { emails[email.lowercased()] = emails[email.lowercased()] ?? person.id.value }
            ids[person.id.value] = ids[person.id.value] ?? person
            if let name = person.name { names[name] = names[name] ?? person.id.value }
        }
        byEmail = emails
        byID = ids
        byName = names
    }

    func match(_ identity: PersonIdentity) -> String? {
        if let email = identity.email, let id = byEmail[email.lowercased()] { return id }
        if let name = identity.name {
            if byID[name] != nil { return name }
            if let id = byName[name] { return id }
        }
        return nil
    }

    func name(of id: String) -> String? { byID[id]?.name }
    func email(of id: String) -> String? { byID[id]?.email }
}
