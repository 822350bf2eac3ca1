/// What `XMLScanner` reads next, in document order. Character data, references and CDATA
/// sections between two pieces of markup arrive as one `text`, with line ends normalised to
/// `\n` and references replaced; an empty-element tag `<a/>` arrives as a start and an end.
public enum XMLEvent: Hashable, Sendable {
    case start(XMLStartTag)
    case end(XMLName, at: TextPosition)
    case text(String)
    case comment(String)
    case processingInstruction(target: String, data: String)
}

/// A start tag: its resolved name, its attributes in document order (namespace declarations
/// `xmlns…` are not among them: they are applied to the names), and where its `<` is.
public struct XMLStartTag: Hashable, Sendable {
    public var name: XMLName
    public var attributes: [XMLAttribute]
    public var position: TextPosition

    public init(name: XMLName, attributes: [XMLAttribute] = [], position: TextPosition) {
        self.name = name
        self.attributes = attributes
        self.position = position
    }

    /// The value of the attribute with this local name and namespace (nil: none).
    public func attribute(_ local: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name.local == local && $0.name.namespace == namespace }?.value
    }
}

/// A name after namespace processing: `p:Task` with `xmlns:p="urn:x"` is local `Task` in
/// namespace `urn:x`. An unprefixed element takes the default namespace (`xmlns="…"`); an
/// unprefixed attribute has none.
public struct XMLName: Hashable, Sendable, CustomStringConvertible {
    public var prefix: String?
    public var local: String
    public var namespace: String?

    public init(prefix: String? = nil, local: String, namespace: String? = nil) {
        self.prefix = prefix
        self.local = local
        self.namespace = namespace
    }

    /// As written in the document.
    public var qualified: String { prefix.map { "\($0):\(local)" } ?? local }
    public var description: String { qualified }
}

public struct XMLAttribute: Hashable, Sendable {
    public var name: XMLName
    /// After references are replaced and whitespace characters become spaces.
    public var value: String

    public init(name: XMLName, value: String) {
        self.name = name
        self.value = value
    }
}
