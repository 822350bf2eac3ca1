/// Owners from an MSPDI file's resources and assignments, as people.yaml ids.
///
/// A resource is a person by the id charter keeps in its Text1, else by email, else by name
/// (or a name that is a person's id). A resource that is none of them is reported once; a task
/// whose resources are all unknown keeps the owner it had.
struct MSPDIOwners {
    enum Owner: Equatable {
        /// The file says nothing usable: keep the milestone's owner.
        case notCarried
        /// No one is assigned.
        case none
        case person(String)
    }

    private let people: [String: Person]
    private let resources: [Int: MSPDIDocument.Resource]
    private var assigned: [Int: [Int]] = [:]
    /// Files without resources (a tool that leaves them out) carry no owners at all.
    private let carriesOwners: Bool
    private var reported: Set<Int> = []
    private(set) var warnings: [MSPDIImport.Warning] = []

    init(document: MSPDIDocument, workspace: Workspace) {
        var people: [String: Person] = [:]
        for person in workspace.people where people[person.id.value] == nil { people[person.id.value] = person }
        self.people = people
        var resources: [Int: MSPDIDocument.Resource] = [:]
        // UID 0 is MS Project's "unassigned" placeholder; negative UIDs mark no resource.
        for resource in document.resources {
            if let uid = resource.uid, uid > 0, resources[uid] == nil { resources[uid] = resource }
        }
        self.resources = resources
        for assignment in document.assignments {
            guard let task = assignment.taskUID, let resource = assignment.resourceUID, resources[resource] != nil else { continue }
            assigned[task, default: []].append(resource)
        }
        carriesOwners = !resources.isEmpty
    }

    mutating func owner(of task: MSPDIDocument.Task, label: String) -> Owner {
        guard carriesOwners, let uid = task.uid else { return .notCarried }
        let uids = assigned[uid] ?? []
        if uids.isEmpty { return .none }
        var found: [String] = []
        for resourceUID in uids {
            let resource = resources[resourceUID]!
            if let person = person(for: resource) {
                if !found.contains(person) { found.append(person) }
            } else if reported.insert(resourceUID).inserted {
                warnings.append(.init(position: resource.position, message: "resource '\(resource.name ?? "UID \(resourceUID)")' is no one in people.yaml (by charter person id, email or name); \(label) keeps its owner: add the person to people.yaml, or rename the resource"))
            }
        }
        guard let first = found.first else { return .notCarried }
        if found.count > 1 {
            warnings.append(.init(position: task.position, message: "\(label) has \(found.count) people assigned (\(found.joined(separator: ", "))); a milestone has one owner: \(first)"))
        }
        return .person(first)
    }

    private func person(for resource: MSPDIDocument.Resource) -> String? {
        if let kept = resource.texts[MSPDIFields.resourcePersonID]?.trimmed, people[kept] != nil { return kept }
        let candidates = people.values.sorted { NaturalOrder.less($0.id.value, $1.id.value) }
        if let email = resource.email?.trimmed.lowercased(), !email.isEmpty,
           let person = candidates.first(where: { $0.email?.lowercased() == email }) {
            return person.id.value
        }
        let name = (resource.name ?? "").trimmed.lowercased()
        guard !name.isEmpty else { return nil }
        return candidates.first { ($0.name ?? "").lowercased() == name }?.id.value
            ?? candidates.first { $0.id.value.lowercased() == name }?.id.value
    }
}
