/// Where an element sits in an MSPDI file, as far as `charter import mspdi` cares: the
/// containers on the way to tasks, links, resources and assignments, the fields whose text it
/// reads, and `other` for everything else (and everything inside it). One step per element,
/// so a deeply nested file costs no more per element than a flat one.
enum MSPDIPlace: Hashable {
    case project, tasks, task, link, resources, resource, assignments, assignment
    /// An `ExtendedAttribute` of a task or of a resource.
    case taskAttribute, resourceAttribute
    case field(Field)
    case other

    enum Field: Hashable {
        case taskUID, taskName, outlineLevel, summary, milestone, isNull, start, finish, actualFinish, percentComplete, notes
        case predecessorUID, linkType, linkLag, crossProject
        case resourceUID, resourceName, emailAddress
        case assignmentTaskUID, assignmentResourceUID
        case attributeFieldID, attributeValue

        /// The element's name, for messages.
        var element: String {
            switch self {
            case .taskUID, .resourceUID: "UID"
            case .taskName, .resourceName: "Name"
            case .outlineLevel: "OutlineLevel"
            case .summary: "Summary"
            case .milestone: "Milestone"
            case .isNull: "IsNull"
            case .start: "Start"
            case .finish: "Finish"
            case .actualFinish: "ActualFinish"
            case .percentComplete: "PercentComplete"
            case .notes: "Notes"
            case .predecessorUID: "PredecessorUID"
            case .linkType: "Type"
            case .linkLag: "LinkLag"
            case .crossProject: "CrossProject"
            case .emailAddress: "EmailAddress"
            case .assignmentTaskUID: "TaskUID"
            case .assignmentResourceUID: "ResourceUID"
            case .attributeFieldID: "FieldID"
            case .attributeValue: "Value"
            }
        }
    }

    /// The place of a child element with this local name.
    func child(_ name: String) -> MSPDIPlace {
        switch (self, name) {
        case (.project, "Tasks"): .tasks
        case (.project, "Resources"): .resources
        case (.project, "Assignments"): .assignments
        case (.tasks, "Task"): .task
        case (.resources, "Resource"): .resource
        case (.assignments, "Assignment"): .assignment
        case (.task, "PredecessorLink"): .link
        case (.task, "ExtendedAttribute"): .taskAttribute
        case (.resource, "ExtendedAttribute"): .resourceAttribute
        case (.taskAttribute, "FieldID"), (.resourceAttribute, "FieldID"): .field(.attributeFieldID)
        case (.taskAttribute, "Value"), (.resourceAttribute, "Value"): .field(.attributeValue)
        case (.task, "UID"): .field(.taskUID)
        case (.task, "Name"): .field(.taskName)
        case (.task, "OutlineLevel"): .field(.outlineLevel)
        case (.task, "Summary"): .field(.summary)
        case (.task, "Milestone"): .field(.milestone)
        case (.task, "IsNull"): .field(.isNull)
        case (.task, "Start"): .field(.start)
        case (.task, "Finish"): .field(.finish)
        case (.task, "ActualFinish"): .field(.actualFinish)
        case (.task, "PercentComplete"): .field(.percentComplete)
        case (.task, "Notes"): .field(.notes)
        case (.link, "PredecessorUID"): .field(.predecessorUID)
        case (.link, "Type"): .field(.linkType)
        case (.link, "LinkLag"): .field(.linkLag)
        case (.link, "CrossProject"): .field(.crossProject)
        case (.resource, "UID"): .field(.resourceUID)
        case (.resource, "Name"): .field(.resourceName)
        case (.resource, "EmailAddress"): .field(.emailAddress)
        case (.assignment, "TaskUID"): .field(.assignmentTaskUID)
        case (.assignment, "ResourceUID"): .field(.assignmentResourceUID)
        default: .other
        }
    }
}
