/// What changed in a stretch of history that one person cares about (`charter digest`): the change
/// requests that touch their milestones, milestones theirs depend on (in any program), or programs
/// where they hold a role (owner, sponsor or any RACI role) — each with why, and the changes that
/// concern them. Judged like `notify`, in the workspace of the range's tip (`ChangeAudience`).
public struct Digest: Sendable {
    public struct Item: Sendable {
        public var record: ChangeRequest
        /// Why this person cares, in a stable order.
        public var concerns: [ChangeAudience.Concern]
        /// The record's changes that concern them (all of a program they hold a role in).
        public var changes: [EntityChange]
        /// What the record pushes onto their milestones or programs.
        public var consequences: [Consequence]
    }

    /// The person's id in people.yaml.
    public var person: String
    public var name: String?
    /// Newest first, as the records came.
    public var items: [Item]

    public init(records: [ChangeRequest], person: String, audience: ChangeAudience) {
        self.person = person
        self.name = audience.workspace.people.first { $0.id.value == person }?.name
        items = records.compactMap { record in
            let concerns = audience.concerns(record.changes).filter { $0.person == person }.sorted()
            guard !concerns.isEmpty else { return nil }
            let programs = Set(concerns.filter { $0.kind == .stakeholder }.map(\.subject))
            let milestones = Set(concerns.compactMap { $0.kind == .milestoneOwner ? $0.subject : $0.dependsOn })
            let changes = record.changes.filter { change in
                change.program.map(programs.contains) == true
                    || (change.entity == .milestone && milestones.contains(change.qualifiedID))
            }
            let subjects = Set(concerns.map(\.subject))
            let consequences = record.consequences.filter {
                subjects.contains($0.program) || subjects.contains($0.milestoneKey.description)
            }
            return Item(record: record, concerns: concerns, changes: changes, consequences: consequences)
        }
    }
}

extension Digest {
    /// The id in people.yaml of the person `text` names: their id, GitHub login (`@` optional),
    /// email or name, compared without regard to case; `nil` when nobody matches.
    public static func person(named text: String, in people: [Person]) -> String? {
        let wanted = text.hasPrefix("@") ? String(text.dropFirst()) : text
        func same(_ value: String?) -> Bool { value.map { $0.caseInsensitiveEquals(wanted) } ?? false }
        return (people.first { $0.id.value == wanted }
            ?? people.first { same($0.id.value) || same($0.github.flatMap(NotifyList.login)) || same($0.email) || same($0.name) })?.id.value
    }
}
