/// An approval (or a review) of a change, from a commit trailer or a git note.
public struct Approval: Hashable, Sendable, Codable {
    public enum Source: String, Hashable, Sendable, Codable {
        case trailer
        case note
    }

    public var name: String
    public var email: String?
    /// The matched id in people.yaml, if any.
    public var person: String?
    /// A role the approver stated (`Approved-by: Bob <bob@x> (sponsor)`, `--role`), if any.
    public var statedRole: String?
    /// The roles the person holds in the programs the change touches (owner, sponsor, accountable…).
    public var roles: [String]
    /// `Approved-by`, `Reviewed-by`, …
    public var kind: String
    public var source: Source
    /// Whether it satisfies the policy: a known person, not the author (unless allowed), a review
    /// never counts.
    public var counts: Bool
    /// Why it does not count, when it does not.
    public var note: String?

    public init(name: String, email: String?, person: String?, statedRole: String?, roles: [String],
                kind: String, source: Source, counts: Bool, note: String?) {
        self.name = name
        self.email = email
        self.person = person
        self.statedRole = statedRole
        self.roles = roles
        self.kind = kind
        self.source = source
        self.counts = counts
        self.note = note
    }
}

/// An approval as written, before it is matched against people and policy.
public struct ApprovalClaim: Hashable, Sendable {
    public var kind: String
    public var identity: PersonIdentity
    public var source: Approval.Source

    public init(kind: String, identity: PersonIdentity, source: Approval.Source) {
        self.kind = kind
        self.identity = identity
        self.source = source
    }

    /// Approvals and reviews in a commit message's trailers.
    public static func fromTrailers(_ message: CommitMessage, policy: Policy) -> [ApprovalClaim] {
        let keys = [policy.approvalTrailer] + policy.reviewTrailers
        return message.trailers.compactMap { trailer in
            guard let key = keys.first(where: { trailer.hasKey($0) }),
                  let identity = PersonIdentity(parsing: trailer.value) else { return nil }
            return ApprovalClaim(kind: key, identity: identity, source: .trailer)
        }
    }

    /// Approvals recorded by `charter approve` as git notes: one trailer-like line each.
    public static func fromNote(_ note: String, policy: Policy) -> [ApprovalClaim] {
        let keys = [policy.approvalTrailer] + policy.reviewTrailers
        return note.split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon].trimmingCharacters(in: " \t")
            guard let match = keys.first(where: { $0.caseInsensitiveEquals(key) }),
                  let identity = PersonIdentity(parsing: String(line[line.index(after: colon)...])) else { return nil }
            return ApprovalClaim(kind: match, identity: identity, source: .note)
        }
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }

    func caseInsensitiveEquals(_ other: some StringProtocol) -> Bool {
        lowercased() == other.lowercased()
    }
}
