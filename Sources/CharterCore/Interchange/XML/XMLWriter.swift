/// Writes an XML document in one pass, indented by two spaces per level as libxml2's pretty
/// printer does (so `charter export --format mspdi` kept its bytes when it left libxml2): an
/// element with children has each on its own line, an element with text keeps it inline, an
/// empty one is `<a></a>`. Text and attribute values are escaped by `XMLEscaping` only.
public struct XMLWriter {
    private var output = ""
    private var open: [(name: String, hasChildren: Bool)] = []

    /// Starts the document with `<?xml version="1.0" encoding="utf-8" standalone="yes"?>`.
    public init() {
        output = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n"
    }

    /// The document; every element must be closed.
    public var document: String {
        precondition(open.isEmpty, "XMLWriter: <\(open.last?.name ?? "")> is not closed")
        return output
    }

    /// An element whose children `content` writes.
    public mutating func element(_ name: String, attributes: KeyValuePairs<String, String> = [:], _ content: (inout XMLWriter) -> Void) {
        startLine()
        output += "<" + name
        for (attribute, value) in attributes { output += " \(attribute)=\"\(XMLEscaping.escaped(value, in: .attribute))\"" }
        output += ">"
        open.append((name, false))
        content(&self)
        let closed = open.removeLast()
        if closed.hasChildren { output += indentation }
        output += "</\(closed.name)>\n"
    }

    /// An element holding only text.
    public mutating func element(_ name: String, text: String) {
        startLine()
        output += "<\(name)>\(XMLEscaping.escaped(text, in: .text))</\(name)>\n"
    }

    /// A child's line: its parent's start tag ends the line before it.
    private mutating func startLine() {
        if let parent = open.indices.last, !open[parent].hasChildren {
            open[parent].hasChildren = true
            output += "\n"
        }
        output += indentation
    }

    private var indentation: String { String(repeating: "  ", count: open.count) }
}
