import CharterCore

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

        var xml = XMLWriter()
        xml.element("Project", attributes: ["xmlns": MSPDIFields.namespace]) { root in
            root.element("SaveVersion", text: "14")
            root.element("Name", text: "charter.xml")
            root.element("Title", text: programs.count == 1 ? (programs[0].name ?? programs[0].folder) : "Charter plans")
            root.element("Comments", text: "Written by charter \(toolVersion)")
            root.element("ScheduleFromStart", text: "1")
            if let start = programs.compactMap({ $0.start?.value }).min() { root.element("StartDate", text: time(start)) }
            root.element("MinutesPerDay", text: "480")
            root.element("MinutesPerWeek", text: "2400")
            root.element("DaysPerMonth", text: "20")
            root.element("ExtendedAttributes") { attributes in
                for field in MSPDIFields.TaskText.allCases {
                    attributes.element("ExtendedAttribute") { attribute in
                        attribute.element("FieldID", text: String(field.rawValue))
                        attribute.element("FieldName", text: field.fieldName)
                        attribute.element("Alias", text: field.alias)
                    }
                }
                attributes.element("ExtendedAttribute") { attribute in
                    attribute.element("FieldID", text: String(MSPDIFields.resourcePersonID))
                    attribute.element("FieldName", text: "Text1")
                    attribute.element("Alias", text: "Charter person id")
                }
            }
            var owners: [(task: Int, person: String)] = []
            root.element("Tasks") { tasks in
                var number = 0
                for (programIndex, program) in programs.enumerated() {
                    number += 1
                    tasks.element("Task") { summary in
                        summary.element("UID", text: String(taskUID[program.folder]!))
                        summary.element("ID", text: String(number))
                        summary.element("Name", text: program.name ?? program.folder)
                        summary.element("OutlineNumber", text: String(programIndex + 1))
                        summary.element("OutlineLevel", text: "1")
                        summary.element("Summary", text: "1")
                        if let start = program.start?.value { summary.element("Start", text: time(start)) }
                        if let target = program.target?.value { summary.element("Deadline", text: time(target)) }
                        if let description = program.description, !description.isEmpty { summary.element("Notes", text: description) }
                        text(&summary, .charterID, program.folder)
                    }

                    var written: Set<String> = []
                    for milestone in program.milestones where written.insert(milestone.id.value).inserted {
                        number += 1
                        let key = "\(program.folder)/\(milestone.id.value)"
                        tasks.element("Task") { task in
                            task.element("UID", text: String(taskUID[key]!))
                            task.element("ID", text: String(number))
                            task.element("Name", text: milestone.name ?? milestone.id.value)
                            task.element("OutlineNumber", text: "\(programIndex + 1).\(written.count)")
                            task.element("OutlineLevel", text: "2")
                            let start = milestone.start?.value ?? milestone.date?.value
                            let finish = milestone.date?.value ?? milestone.start?.value
                            let days = start.flatMap { start in finish.map { max(0, start.days(to: $0)) } } ?? 0
                            task.element("Milestone", text: milestone.start == nil ? "1" : "0")
                            if let start, let finish {
                                task.element("Start", text: time(start))
                                task.element("Finish", text: time(finish))
                                task.element("Duration", text: "PT\(days * 24)H0M0S")
                                task.element("DurationFormat", text: String(MSPDIFields.elapsedDays))
                                task.element("ConstraintType", text: String(MSPDIFields.startNoEarlierThan))
                                task.element("ConstraintDate", text: time(start))
                            }
                            if (milestone.status.value == .done) {
                                task.element("PercentComplete", text: "100")
                                if let done = (milestone.doneOn ?? milestone.date)?.value {
                                    task.element("ActualStart", text: time(milestone.start.map { min($0.value, done) } ?? done))
                                    task.element("ActualFinish", text: time(done))
                                }
                            } else {
                                task.element("PercentComplete", text: "0")
                            }
                            if let description = milestone.description, !description.isEmpty { task.element("Notes", text: description) }
                            for reference in milestone.dependsOn {
                                let target = "\(reference.value.program(from: program.folder))/\(reference.value.id)"
                                guard let predecessor = taskUID[target] else { continue }
                                task.element("PredecessorLink") { link in
                                    link.element("PredecessorUID", text: String(predecessor))
                                    link.element("Type", text: String(MSPDIFields.LinkType.finishToStart.rawValue))
                                    link.element("CrossProject", text: "0")
                                    link.element("LinkLag", text: "0")
                                    link.element("LagFormat", text: String(MSPDIFields.elapsedDays))
                                }
                            }
                            text(&task, .charterID, key)
                            if let workstream = milestone.workstream?.value { text(&task, .workstream, workstream) }
                            text(&task, .status, milestone.status.value.rawValue)
                            if !milestone.deliverables.isEmpty { text(&task, .deliverables, milestone.deliverables.joined(separator: "\n")) }
                        }
                        if let owner = milestone.owner?.value { owners.append((taskUID[key]!, owner)) }
                    }
                }
            }

            var resourceUID: [String: Int] = [:]
            root.element("Resources") { resources in
                for person in Set(owners.map(\.person)).sorted(by: { NaturalOrder.less($0, $1) }) {
                    let uid = uids.take("person:" + person)
                    resourceUID[person] = uid
                    resources.element("Resource") { resource in
                        resource.element("UID", text: String(uid))
                        resource.element("ID", text: String(resourceUID.count))
                        resource.element("Name", text: people[person]?.name ?? person)
                        resource.element("Type", text: "1")
                        if let email = people[person]?.email { resource.element("EmailAddress", text: email) }
                        resource.element("ExtendedAttribute") { attribute in
                            attribute.element("FieldID", text: String(MSPDIFields.resourcePersonID))
                            attribute.element("Value", text: person)
                        }
                    }
                }
            }
            root.element("Assignments") { assignments in
                for owner in owners {
                    assignments.element("Assignment") { assignment in
                        assignment.element("UID", text: String(uids.take("assignment:\(owner.task)")))
                        assignment.element("TaskUID", text: String(owner.task))
                        assignment.element("ResourceUID", text: String(resourceUID[owner.person]!))
                        assignment.element("Units", text: "1")
                    }
                }
            }
        }
        return xml.document + "\n"
    }

    /// `2026-05-01T08:00:00`: MSPDI's local date-time; charter's dates are days.
    static func time(_ date: PlanDate) -> String { "\(date)T08:00:00" }

    private static func text(_ task: inout XMLWriter, _ field: MSPDIFields.TaskText, _ value: String) {
        task.element("ExtendedAttribute") { attribute in
            attribute.element("FieldID", text: String(field.rawValue))
            attribute.element("Value", text: value)
        }
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
