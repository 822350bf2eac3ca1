import CharterCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `charter export --format mspdi`: the plans as one Microsoft Project XML file (MSPDI), which
/// MS Project, ProjectLibre, GanttProject and MPXJ open.
///
/// One summary task per program (outline level 1), its milestones under it in file order
/// (level 2): an event (no `start`) is a milestone (`Milestone` 1); work from `start` to `date`
/// lasts that many elapsed days. Every dependency is a finish-to-start `PredecessorLink`,
/// across programs too (when both ends are exported). Owners are resources with an assignment.
/// UIDs derive from ids, so they are stable across runs; the charter id, workstream, status and
/// deliverables ride in Text1…Text4 and the description in the notes, so nothing charter needs
/// is lost when the file comes back (`charter import mspdi`). Times are 08:00, the usual
/// start of a working day, and mean the day only.
public enum MSPDIExporter {
    public static func render(_ workspace: Workspace, programs chosenIDs: [String] = [], toolVersion: String) -> String {
        let programs = workspace.programs
            .filter { chosenIDs.isEmpty || chosenIDs.contains($0.folder) }
            .sorted { NaturalOrder.less($0.folder, $1.folder) }
        var uids = UIDs()
        var taskUID: [String: Int] = [:]
        for program in programs {
            taskUID[program.folder] = uids.take("program:" + program.folder)
            for milestone in program.milestones {
                let key = "\(program.folder)/\(milestone.id.value)"
                if taskUID[key] == nil { taskUID[key] = uids.take(key) }
            }
        }
        var people: [String: Person] = [:]
        for person in workspace.people where people[person.id.value] == nil { people[person.id.value] = person }

        let root = XMLElement(name: "Project")
        root.addNamespace(XMLNode.namespace(withName: "", stringValue: MSPDIFields.namespace) as! XMLNode)
        root.add("SaveVersion", "14")
        root.add("Name", "charter.xml")
        root.add("Title", programs.count == 1 ? (programs[0].name ?? programs[0].folder) : "Charter plans")
        root.add("Comments", "Written by charter \(toolVersion)")
        root.add("ScheduleFromStart", "1")
        if let start = programs.compactMap({ $0.start?.value }).min() { root.add("StartDate", time(start)) }
        root.add("MinutesPerDay", "480")
        root.add("MinutesPerWeek", "2400")
        root.add("DaysPerMonth", "20")
        let attributes = root.child("ExtendedAttributes")
        for field in MSPDIFields.TaskText.allCases {
            let attribute = attributes.child("ExtendedAttribute")
            attribute.add("FieldID", String(field.rawValue))
            attribute.add("FieldName", field.fieldName)
            attribute.add("Alias", field.alias)
        }
        let personAttribute = attributes.child("ExtendedAttribute")
        personAttribute.add("FieldID", String(MSPDIFields.resourcePersonID))
        personAttribute.add("FieldName", "Text1")
        personAttribute.add("Alias", "Charter person id")

        let tasks = root.child("Tasks")
        var owners: [(task: Int, person: String)] = []
        var number = 0
        for (programIndex, program) in programs.enumerated() {
            number += 1
            let summary = tasks.child("Task")
            summary.add("UID", String(taskUID[program.folder]!))
            summary.add("ID", String(number))
            summary.add("Name", program.name ?? program.folder)
            summary.add("OutlineNumber", String(programIndex + 1))
            summary.add("OutlineLevel", "1")
            summary.add("Summary", "1")
            if let start = program.start?.value { summary.add("Start", time(start)) }
            if let target = program.target?.value { summary.add("Deadline", time(target)) }
            if let description = program.description, !description.isEmpty { summary.add("Notes", description) }
            text(summary, .charterID, program.folder)

            var written: Set<String> = []
            for milestone in program.milestones where written.insert(milestone.id.value).inserted {
                number += 1
                let key = "\(program.folder)/\(milestone.id.value)"
                let task = tasks.child("Task")
                task.add("UID", String(taskUID[key]!))
                task.add("ID", String(number))
                task.add("Name", milestone.name ?? milestone.id.value)
                task.add("OutlineNumber", "\(programIndex + 1).\(written.count)")
                task.add("OutlineLevel", "2")
                let start = milestone.start?.value ?? milestone.date?.value
                let finish = milestone.date?.value ?? milestone.start?.value
                let days = start.flatMap { start in finish.map { max(0, start.days(to: $0)) } } ?? 0
                task.add("Milestone", milestone.start == nil ? "1" : "0")
                if let start, let finish {
                    task.add("Start", time(start))
                    task.add("Finish", time(finish))
                    task.add("Duration", "PT\(days * 24)H0M0S")
                    task.add("DurationFormat", String(MSPDIFields.elapsedDays))
                    task.add("ConstraintType", String(MSPDIFields.startNoEarlierThan))
                    task.add("ConstraintDate", time(start))
                }
                if (milestone.status.value == .done) {
                    task.add("PercentComplete", "100")
                    if let done = (milestone.doneOn ?? milestone.date)?.value {
                        task.add("ActualStart", time(milestone.start.map { min($0.value, done) } ?? done))
                        task.add("ActualFinish", time(done))
                    }
                } else {
                    task.add("PercentComplete", "0")
                }
                if let description = milestone.description, !description.isEmpty { task.add("Notes", description) }
                for reference in milestone.dependsOn {
                    let target = "\(reference.value.program(from: program.folder))/\(reference.value.id)"
                    guard let predecessor = taskUID[target] else { continue }
                    let link = task.child("PredecessorLink")
                    link.add("PredecessorUID", String(predecessor))
                    link.add("Type", String(MSPDIFields.LinkType.finishToStart.rawValue))
                    link.add("CrossProject", "0")
                    link.add("LinkLag", "0")
                    link.add("LagFormat", String(MSPDIFields.elapsedDays))
                }
                text(task, .charterID, key)
                if let workstream = milestone.workstream?.value { text(task, .workstream, workstream) }
                text(task, .status, milestone.status.value.rawValue)
                if !milestone.deliverables.isEmpty { text(task, .deliverables, milestone.deliverables.joined(separator: "\n")) }
                if let owner = milestone.owner?.value { owners.append((taskUID[key]!, owner)) }
            }
        }

        let resources = root.child("Resources")
        var resourceUID: [String: Int] = [:]
        for person in Set(owners.map(\.person)).sorted(by: { NaturalOrder.less($0, $1) }) {
            let uid = uids.take("person:" + person)
            resourceUID[person] = uid
            let resource = resources.child("Resource")
            resource.add("UID", String(uid))
            resource.add("ID", String(resourceUID.count))
            resource.add("Name", people[person]?.name ?? person)
            resource.add("Type", "1")
            if let email = people[person]?.email { resource.add("EmailAddress", email) }
            let attribute = resource.child("ExtendedAttribute")
            attribute.add("FieldID", String(MSPDIFields.resourcePersonID))
            attribute.add("Value", person)
        }
        let assignments = root.child("Assignments")
        for owner in owners {
            let assignment = assignments.child("Assignment")
            assignment.add("UID", String(uids.take("assignment:\(owner.task)")))
            assignment.add("TaskUID", String(owner.task))
            assignment.add("ResourceUID", String(resourceUID[owner.person]!))
            assignment.add("Units", "1")
        }

        let document = XMLDocument(rootElement: root)
        document.version = "1.0"
        document.characterEncoding = "UTF-8"
        document.isStandalone = true
        return document.xmlString(options: [.nodePrettyPrint]) + "\n"
    }

    /// `2026-05-01T08:00:00`: MSPDI's local date-time; charter's dates are days.
    static func time(_ date: PlanDate) -> String { "\(date)T08:00:00" }

    private static func text(_ task: XMLElement, _ field: MSPDIFields.TaskText, _ value: String) {
        let attribute = task.child("ExtendedAttribute")
        attribute.add("FieldID", String(field.rawValue))
        attribute.add("Value", value)
    }

    /// UIDs handed out in file order: the hash of the key, or the next free one on a collision.
    private struct UIDs {
        private var used: Set<Int> = []
        mutating func take(_ key: String) -> Int {
            var uid = MSPDIFields.uid(for: key)
            while used.contains(uid) { uid = uid % 2_147_483_646 + 1 }
            used.insert(uid)
            return uid
        }
    }
}

private extension XMLElement {
    /// A child element with text (escaped by the XML library, never by hand).
    func add(_ name: String, _ value: String) {
        addChild(XMLElement(name: name, stringValue: value))
    }

    func child(_ name: String) -> XMLElement {
        let element = XMLElement(name: name)
        addChild(element)
        return element
    }
}
