/// Why bytes are not an XML document charter reads, and where (1-based line and column of the
/// first error; columns count characters, not bytes). `XMLScanner` stops at the first one.
public struct XMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public var position: TextPosition
    public var reason: Reason

    public init(_ reason: Reason, at position: TextPosition) {
        self.reason = reason
        self.position = position
    }

    public var description: String { "\(position.line):\(position.column): \(reason)" }

    /// Every refusal, in plain words (`description`). Encoding refusals (`isEncoding`) are about
    /// the bytes, the others about the markup.
    public enum Reason: Error, Hashable, Sendable, CustomStringConvertible {
        // Encoding
        case notUTF8(byte: UInt8)
        case invalidUTF16
        case utf16WithoutByteOrderMark
        case unsupportedByteOrderMark(String)
        case unsupportedEncoding(String)
        case forbiddenCharacter(UInt32)
        // Document structure
        case empty
        case noRootElement
        case endsInside(element: String, openedAt: TextPosition)
        case endsInsideMarkup(String)
        case textOutsideRoot(afterRoot: Bool)
        case secondRootElement
        case endTagOutsideRoot
        case mismatchedEndTag(found: String, open: String, openedAt: TextPosition)
        case doctype
        case unknownDeclaration
        case cdataOutsideRoot
        case misplacedXMLDeclaration
        case badXMLDeclaration(String)
        case cdataEndInText
        case doubleHyphenInComment
        // Names and tags
        case lessThanStartsNoElement
        case badName
        case badQualifiedName(String)
        case expected(String, after: String)
        // Attributes
        case attributeWithoutValue(String)
        case unquotedAttribute(String)
        case lessThanInAttribute(String)
        case duplicateAttribute(String)
        case attributesNotSeparated
        // Namespaces
        case undeclaredPrefix(String)
        case emptyPrefixedNamespace(String)
        case reservedPrefix(String)
        // References
        case ampersandStartsNoReference
        case undefinedEntity(String)
        case badCharacterReference(String)

        public var isEncoding: Bool {
            switch self {
            case .notUTF8, .invalidUTF16, .utf16WithoutByteOrderMark, .unsupportedByteOrderMark, .unsupportedEncoding: true
            default: false
            }
        }

        public var description: String {
            switch self {
            case .notUTF8(let byte):
                "a byte (0x\(String(byte, radix: 16, uppercase: true))) that is not UTF-8; charter reads XML in UTF-8, or UTF-16 with a byte order mark"
            case .invalidUTF16: "UTF-16 that does not decode (an unpaired surrogate or an odd number of bytes)"
            case .utf16WithoutByteOrderMark: "UTF-16 without a byte order mark; save the file as UTF-8"
            case .unsupportedByteOrderMark(let name): "a \(name) byte order mark; charter reads XML in UTF-8, or UTF-16 with a byte order mark"
            case .unsupportedEncoding(let name):
                "the file declares encoding '\(name)'; charter reads XML in UTF-8, or UTF-16 with a byte order mark (save it as UTF-8)"
            case .forbiddenCharacter(let value): "a character XML does not allow (U+\(Self.hex(value)))"
            case .empty: "the document is empty"
            case .noRootElement: "the document has no root element"
            case .endsInside(let element, let opened):
                "the document ends inside <\(element)> (opened at line \(opened.line), column \(opened.column)): an element is not closed"
            case .endsInsideMarkup(let what): "the document ends inside \(what)"
            case .textOutsideRoot(let afterRoot):
                afterRoot ? "text after the end of the root element" : "text before the root element"
            case .secondRootElement: "a second root element (a document has exactly one)"
            case .endTagOutsideRoot: "an end tag after the root element was closed"
            case .mismatchedEndTag(let found, let open, let opened):
                "</\(found)> does not match the open element <\(open)> (opened at line \(opened.line), column \(opened.column))"
            case .doctype: "a DOCTYPE (document type declaration): charter reads no DTDs and expands no entities"
            case .unknownDeclaration: "a '<!' that starts neither a comment nor a CDATA section"
            case .cdataOutsideRoot: "a CDATA section outside the root element"
            case .misplacedXMLDeclaration: "an XML declaration ('<?xml') anywhere but at the very start of the file"
            case .badXMLDeclaration(let why): "the XML declaration \(why)"
            case .cdataEndInText: "']]>' in text (write ]]&gt;)"
            case .doubleHyphenInComment: "'--' inside a comment"
            case .lessThanStartsNoElement: "a '<' that starts no element (write &lt; in text)"
            case .badName: "a name that XML does not allow (names start with a letter, '_' or ':')"
            case .badQualifiedName(let name): "'\(name)' is not a name with at most one prefix (prefix:name)"
            case .expected(let what, let after): "\(what) expected after \(after)"
            case .attributeWithoutValue(let name): "attribute '\(name)' has no value (write \(name)=\"value\")"
            case .unquotedAttribute(let name): "the value of attribute '\(name)' is not in quotes"
            case .lessThanInAttribute(let name): "a '<' inside the value of attribute '\(name)' (write &lt;)"
            case .duplicateAttribute(let name): "attribute '\(name)' is given twice"
            case .attributesNotSeparated: "attributes not separated by a space"
            case .undeclaredPrefix(let name): "the prefix of '\(name)' is not declared (no xmlns:prefix=\"…\" in scope)"
            case .emptyPrefixedNamespace(let name): "\(name) is declared with an empty namespace name"
            case .reservedPrefix(let name): "\(name) declares a reserved prefix ('xml' and 'xmlns' are fixed)"
            case .ampersandStartsNoReference: "an '&' that starts no entity or character reference (write &amp; in text)"
            case .undefinedEntity(let name):
                "an undefined entity '&\(name);' (without a DTD, XML knows only &amp; &lt; &gt; &apos; &quot;)"
            case .badCharacterReference(let text): "a character reference '&\(text);' to no character XML allows"
            }
        }

        private static func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
    }
}
