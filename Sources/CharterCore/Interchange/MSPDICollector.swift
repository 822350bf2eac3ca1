/// Fills an `MSPDIDocument` from `XMLScanner`'s events: follows where each element sits
/// (`MSPDIPlace`), collects the text of the fields the import reads, and keeps each task's,
/// link's, resource's and assignment's position (its start tag). Elements in a namespace
/// other than MSPDI's (or none) are skipped with everything inside them.
struct MSPDICollector {
    private(set) var document = MSPDIDocument()

    /// The places of the open elements, with where each starts.
    private var path: [(place: MSPDIPlace, position: TextPosition)] = []
    private var text = ""
    private var task: MSPDIDocument.Task?
    private var link: MSPDIDocument.Link?
    private var resource: MSPDIDocument.Resource?
    private var assignment: MSPDIDocument.Assignment?
    /// The FieldID and Value of the extended attribute being read.
    private var attributeField: Int?
    private var attributeValue: String?

    mutating func take(_ event: XMLEvent) throws(MSPDIError) {
        switch event {
        case .start(let tag): try start(tag)
        case .end: try end()
        case .text(let string): if case .field = path.last?.place { text += string }
        case .comment, .processingInstruction: break
        }
    }

    private mutating func start(_ tag: XMLStartTag) throws(MSPDIError) {
        let inMSPDI = tag.name.namespace == nil || tag.name.namespace == MSPDIFields.namespace
        guard let parent = path.last?.place else {
            guard tag.name.local == "Project", inMSPDI else {
                let namespace = tag.name.namespace.map { " in namespace \($0)" } ?? ""
                throw MSPDIError(position: tag.position, message: "not an MSPDI file: the root element is <\(tag.name.qualified)>\(namespace), not <Project>")
            }
            path.append((.project, tag.position))
            return
        }
        let place = inMSPDI ? parent.child(tag.name.local) : .other
        path.append((place, tag.position))
        text = ""
        switch place {
        case .task: task = MSPDIDocument.Task(position: tag.position)
        case .link: link = MSPDIDocument.Link(position: tag.position)
        case .resource: resource = MSPDIDocument.Resource(position: tag.position)
        case .assignment: assignment = MSPDIDocument.Assignment(position: tag.position)
        case .taskAttribute, .resourceAttribute:
            attributeField = nil
            attributeValue = nil
        default: break
        }
    }

    private mutating func end() throws(MSPDIError) {
        let (place, position) = path.removeLast()
        switch place {
        case .task:
            if let task { document.tasks.append(task) }
            task = nil
        case .link:
            if let link { task?.links.append(link) }
            link = nil
        case .resource:
            if let resource { document.resources.append(resource) }
            resource = nil
        case .assignment:
            if let assignment { document.assignments.append(assignment) }
            assignment = nil
        case .taskAttribute:
            if let attributeField, let attributeValue { task?.texts[attributeField] = attributeValue }
        case .resourceAttribute:
            if let attributeField, let attributeValue { resource?.texts[attributeField] = attributeValue }
        case .field(let field):
            let value = text
            text = ""
            try store(value, in: field, at: position)
        default: break
        }
    }

    private mutating func store(_ value: String, in field: MSPDIPlace.Field, at position: TextPosition) throws(MSPDIError) {
        func integer() throws(MSPDIError) -> Int? {
            let trimmed = Self.trimmed(value)
            guard let number = Int(trimmed) else {
                if !trimmed.isEmpty { throw MSPDIError(position: position, message: "<\(field.element)> holds '\(trimmed)', not a whole number") }
                return nil
            }
            return number
        }
        switch field {
        case .attributeFieldID: attributeField = try integer()
        case .attributeValue: attributeValue = value
        case .taskUID: task?.uid = try integer()
        case .taskName: task?.name = value
        case .outlineLevel: task?.outlineLevel = try integer()
        case .summary: task?.isSummary = Self.flag(value)
        case .milestone: task?.isMilestone = Self.flag(value)
        case .isNull: task?.isNull = Self.flag(value)
        case .start: task?.start = Self.trimmed(value)
        case .finish: task?.finish = Self.trimmed(value)
        case .actualFinish: task?.actualFinish = Self.trimmed(value)
        case .percentComplete: task?.percentComplete = Self.trimmed(value)
        case .notes: task?.notes = value
        case .predecessorUID: link?.predecessorUID = try integer()
        case .linkType: link?.type = Self.trimmed(value)
        case .linkLag: link?.lag = Self.trimmed(value)
        case .crossProject: link?.crossProject = Self.flag(value)
        case .resourceUID: resource?.uid = try integer()
        case .resourceName: resource?.name = value
        case .emailAddress: resource?.email = Self.trimmed(value)
        case .assignmentTaskUID: assignment?.taskUID = try integer()
        case .assignmentResourceUID: assignment?.resourceUID = try integer()
        }
    }

    /// XML's whitespace (space, tab, line ends) off both ends.
    private static func trimmed(_ value: String) -> String {
        let isSpace = { (byte: UInt8) in XMLCharacters.isWhitespace(byte) }
        let bytes = value.utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == bytes.startIndex, last == bytes.index(before: bytes.endIndex) { return value }
        return String(value[first...last])
    }

    /// MSPDI booleans are `1`/`0`; some tools write `true`/`false`.
    private static func flag(_ value: String) -> Bool { ["1", "true"].contains(trimmed(value).lowercased()) }
}
