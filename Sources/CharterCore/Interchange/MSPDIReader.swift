import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the bytes of an MSPDI file into an `MSPDIDocument` with Foundation's XML parser
/// (libxml2 underneath): no file system, no regular expressions. Malformed XML is refused with the
/// parser's line and column; a well-formed file whose root is not `<Project>` is refused too.
/// External entities are never resolved (the parser's default).
public enum MSPDIReader {
    public static func read(_ data: Data) throws(MSPDIError) -> MSPDIDocument {
        // From a stream, which the parser reads in chunks: handed all the bytes at once, libxml2's
        // push parser refuses a file over 10 MB ("huge input lookup"), and MS Project files of
        // large programs are that big.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let collector = Collector(parser: parser)
        parser.delegate = collector
        let parsed = parser.parse()
        if let failure = collector.failure { throw failure }
        guard parsed else {
            let code = (parser.parserError as NSError?)?.code ?? 0
            throw MSPDIError(position: TextPosition(line: parser.lineNumber, column: parser.columnNumber),
                                 message: "malformed XML: \(MSPDIError.describe(code: code))")
        }
        guard collector.sawRoot else {
            throw MSPDIError(position: .start, message: "not an MSPDI file: no <Project> element")
        }
        return collector.document
    }
}

/// Why an MSPDI file cannot be read or imported, and where it says so (1-based line and
/// column of the element): malformed XML, a link charter cannot express, a cycle.
public struct MSPDIError: Error, Hashable, Sendable, CustomStringConvertible {
    public var position: TextPosition
    public var message: String

    public init(position: TextPosition, message: String) {
        self.position = position
        self.message = message
    }

    public var description: String { message }

    /// libxml2's error codes, as XMLParser passes them on, in words (the commonest; others by number).
    static func describe(code: Int) -> String {
        switch code {
        case 4: return "the document is empty"
        case 5: return "the document ends too early"
        case 9: return "a character that XML does not allow"
        case 22, 23: return "an '&' that starts no entity (write &amp; in text)"
        case 26, 27: return "an undefined entity"
        case 38, 39, 40, 41, 65: return "an attribute is not written name=\"value\""
        case 68: return "a '<' or '&' that starts no element or entity (write &lt; and &amp; in text)"
        case 73: return "an element's '>' is missing"
        case 76: return "an end tag does not match the open element"
        case 77: return "an element is not closed"
        case 85: return "the elements are not nested properly"
        case 86: return "text after the end of the root element"
        case 89: return "an entity reference loops"
        default: return "XML parser error \(code)"
        }
    }
}

/// The delegate: follows the element path and fills the document as elements end.
private final class Collector: NSObject, XMLParserDelegate {
    private unowned let parser: XMLParser
    var document = MSPDIDocument()
    var failure: MSPDIError?
    var sawRoot = false

    private var path: [String] = []
    private var text = ""
    private var task: MSPDIDocument.Task?
    private var link: MSPDIDocument.Link?
    private var resource: MSPDIDocument.Resource?
    private var assignment: MSPDIDocument.Assignment?
    /// The FieldID and Value of the extended attribute being read.
    private var attributeField: Int?
    private var attributeValue: String?

    init(parser: XMLParser) {
        self.parser = parser
    }

    private var position: TextPosition { TextPosition(line: parser.lineNumber, column: parser.columnNumber) }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if path.isEmpty {
            guard name == "Project" else {
                fail("not an MSPDI file: the root element is <\(qualifiedName ?? name)>, not <Project>")
                return
            }
            sawRoot = true
        }
        path.append(name)
        text = ""
        switch path.dropFirst().joined(separator: "/") {
        case "Tasks/Task": task = MSPDIDocument.Task(position: position)
        case "Tasks/Task/PredecessorLink": link = MSPDIDocument.Link(position: position)
        case "Resources/Resource": resource = MSPDIDocument.Resource(position: position)
        case "Assignments/Assignment": assignment = MSPDIDocument.Assignment(position: position)
        case "Tasks/Task/ExtendedAttribute", "Resources/Resource/ExtendedAttribute":
            attributeField = nil
            attributeValue = nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    /// The first error stops the import: Foundation's parser may otherwise recover and go on
    /// (and `parse()` may even report success), which would read a broken file as a smaller plan.
    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
        guard failure == nil else { return }
        failure = MSPDIError(position: position, message: "malformed XML: \(MSPDIError.describe(code: (error as NSError).code))")
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let value = text
        text = ""
        let where_ = path.dropFirst().joined(separator: "/")
        defer { path.removeLast() }
        switch where_ {
        case "Tasks/Task":
            if let task { document.tasks.append(task) }
            task = nil
        case "Tasks/Task/PredecessorLink":
            if let link { task?.links.append(link) }
            link = nil
        case "Resources/Resource":
            if let resource { document.resources.append(resource) }
            resource = nil
        case "Assignments/Assignment":
            if let assignment { document.assignments.append(assignment) }
            assignment = nil
        case "Tasks/Task/ExtendedAttribute":
            if let attributeField, let attributeValue { task?.texts[attributeField] = attributeValue }
        case "Resources/Resource/ExtendedAttribute":
            if let attributeField, let attributeValue { resource?.texts[attributeField] = attributeValue }
        case "Tasks/Task/ExtendedAttribute/FieldID", "Resources/Resource/ExtendedAttribute/FieldID":
            attributeField = integer(value)
        case "Tasks/Task/ExtendedAttribute/Value", "Resources/Resource/ExtendedAttribute/Value":
            attributeValue = value
        case "Tasks/Task/UID": task?.uid = integer(value)
        case "Tasks/Task/Name": task?.name = value
        case "Tasks/Task/OutlineLevel": task?.outlineLevel = integer(value)
        case "Tasks/Task/Summary": task?.isSummary = flag(value)
        case "Tasks/Task/Milestone": task?.isMilestone = flag(value)
        case "Tasks/Task/IsNull": task?.isNull = flag(value)
        case "Tasks/Task/Start": task?.start = trimmed(value)
        case "Tasks/Task/Finish": task?.finish = trimmed(value)
        case "Tasks/Task/ActualFinish": task?.actualFinish = trimmed(value)
        case "Tasks/Task/PercentComplete": task?.percentComplete = trimmed(value)
        case "Tasks/Task/Notes": task?.notes = value
        case "Tasks/Task/PredecessorLink/PredecessorUID": link?.predecessorUID = integer(value)
        case "Tasks/Task/PredecessorLink/Type": link?.type = trimmed(value)
        case "Tasks/Task/PredecessorLink/LinkLag": link?.lag = trimmed(value)
        case "Tasks/Task/PredecessorLink/CrossProject": link?.crossProject = flag(value)
        case "Resources/Resource/UID": resource?.uid = integer(value)
        case "Resources/Resource/Name": resource?.name = value
        case "Resources/Resource/EmailAddress": resource?.email = trimmed(value)
        case "Assignments/Assignment/TaskUID": assignment?.taskUID = integer(value)
        case "Assignments/Assignment/ResourceUID": assignment?.resourceUID = integer(value)
        default: break
        }
    }

    private func trimmed(_ value: String) -> String { value.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// MSPDI booleans are `1`/`0`; some tools write `true`/`false`.
    private func flag(_ value: String) -> Bool { ["1", "true"].contains(trimmed(value).lowercased()) }

    private func integer(_ value: String) -> Int? {
        let text = trimmed(value)
        guard let number = Int(text) else {
            if !text.isEmpty { fail("<\(path.last ?? "")> holds '\(text)', not a whole number") }
            return nil
        }
        return number
    }

    private func fail(_ message: String) {
        guard failure == nil else { return }
        failure = MSPDIError(position: position, message: message)
        parser.abortParsing()
    }
}
