import CharterCore

/// What an id in a plan file names.
enum SymbolKey: Hashable, Sendable {
    case milestone(QualifiedID)
    case person(String)
    case workstream(QualifiedID)
    case decision(QualifiedID)
    case risk(QualifiedID)
}

/// One place a plan file writes an id: where it is defined, or where something refers to it.
struct Occurrence: Sendable {
    var key: SymbolKey
    var location: SourceLocation
    var isDefinition: Bool
    /// A milestone reference written with its program (`identity/M3`), which a rename must keep.
    var isQualified: Bool
}

/// Every definition and reference of an id in a workspace, by file and by what they name:
/// definition, references, rename and hover all start here.
struct SymbolIndex {
    private(set) var byPath: [String: [Occurrence]] = [:]
    private(set) var byKey: [SymbolKey: [Occurrence]] = [:]

    init(_ workspace: Workspace) {
        for person in workspace.people { add(.person(person.id.value), person.id.location, definition: true) }
        for program in workspace.programs {
            let folder = program.folder
            func person(_ reference: Located<String>?) {
                if let reference { add(.person(reference.value), reference.location) }
            }
            func workstream(_ reference: Located<String>?) {
                if let reference { add(.workstream(QualifiedID(program: folder, id: reference.value)), reference.location) }
            }
            func milestone(_ reference: Located<EntityReference>) {
                add(.milestone(QualifiedID(program: reference.value.program(from: folder), id: reference.value.id)),
                    reference.location, qualified: reference.value.program != nil)
            }
            func decision(_ reference: Located<String>?) {
                if let reference { add(.decision(QualifiedID(program: folder, id: reference.value)), reference.location) }
            }
            person(program.owner)
            person(program.sponsor)
            for stream in program.workstreams {
                add(.workstream(QualifiedID(program: folder, id: stream.id.value)), stream.id.location, definition: true)
                person(stream.owner)
            }
            program.stakeholders.forEach { person($0.person) }
            for allocation in program.allocations {
                person(allocation.person)
                workstream(allocation.workstream)
            }
            for item in program.milestones {
                add(.milestone(QualifiedID(program: folder, id: item.id.value)), item.id.location, definition: true)
                person(item.owner)
                workstream(item.workstream)
                item.dependsOn.forEach(milestone)
            }
            for risk in program.risks {
                add(.risk(QualifiedID(program: folder, id: risk.id.value)), risk.id.location, definition: true)
                person(risk.owner)
                risk.affects.forEach(milestone)
            }
            program.budgetLines.forEach { workstream($0.workstream) }
            for item in program.decisions {
                add(.decision(QualifiedID(program: folder, id: item.id.value)), item.id.location, definition: true)
                person(item.owner)
                decision(item.supersedes)
                decision(item.supersededBy)
            }
            program.kpis.forEach { person($0.owner) }
        }
        for key in byPath.keys { byPath[key]!.sort { $0.location.position < $1.location.position } }
    }

    private mutating func add(_ key: SymbolKey, _ location: SourceLocation, definition: Bool = false, qualified: Bool = false) {
        let occurrence = Occurrence(key: key, location: location, isDefinition: definition, isQualified: qualified)
        byPath[location.path, default: []].append(occurrence)
        byKey[key, default: []].append(occurrence)
    }

    /// The occurrence under the cursor: the last one starting at or before it on its line whose token covers it.
    func occurrence(at position: LSPPosition, in path: String, document: TextDocument) -> Occurrence? {
        let line = position.line + 1
        return byPath[path]?.last { occurrence in
            occurrence.location.line == line && document.token(at: occurrence.location.position).touches(position)
        }
    }

    func definitions(of key: SymbolKey) -> [Occurrence] { byKey[key, default: []].filter(\.isDefinition) }
    func occurrences(of key: SymbolKey) -> [Occurrence] { byKey[key, default: []] }
}
