/// A strict, non-validating pull reader of XML 1.0 documents with namespaces, written for MS
/// Project's XML (MSPDI) so that charter needs no libxml2: `next()` returns the document's
/// events in order, then nil, or throws the first error with its line and column.
///
/// It reads the prolog (XML declaration, comments, processing instructions), one root element
/// with attributes and namespaces, character data with the five predefined entities and
/// numeric character references, CDATA sections, comments and processing instructions. A
/// DOCTYPE is refused: no DTD is read and no entity is ever expanded, so no entity bomb.
/// Nesting depth costs heap, not stack: the open elements are a list, nothing recurses.
/// Bytes: UTF-8 with or without a byte order mark, or UTF-16 with one (`XMLInput`).
public struct XMLScanner {
    private let input: XMLInput
    private let bytes: [UInt8]
    private let end: Int
    private var index = 0
    private var lines = XMLLineCounter()
    private var namespaces = XMLNamespaceScope()
    private var open: [OpenElement] = []
    private var phase = Phase.start
    /// After `<a/>`: its end comes next.
    private var closesAtOnce = false
    /// Reused for every text run and attribute value.
    private var buffer: [UInt8] = []

    private struct OpenElement {
        var qualified: String
        var name: XMLName
        var position: TextPosition
        var namespaceDepth: Int
    }

    private enum Phase { case start, prolog, content, epilog, finished }

    public init(_ data: some Collection<UInt8>) {
        input = XMLInput(data)
        bytes = input.bytes
        end = input.readable
    }

    /// How many elements are open: 1 inside the root element, 0 before and after it.
    public var depth: Int { open.count }

    public mutating func next() throws(XMLError) -> XMLEvent? {
        if closesAtOnce {
            closesAtOnce = false
            return close()
        }
        switch phase {
        case .start:
            phase = .prolog
            try declaration()
            return try outsideRoot()
        case .prolog, .epilog: return try outsideRoot()
        case .content: return try inContent()
        case .finished: return nil
        }
    }

    // MARK: - Outside the root element

    private mutating func outsideRoot() throws(XMLError) -> XMLEvent? {
        while index < end, XMLCharacters.isWhitespace(bytes[index]) { index += 1 }
        guard index < end else {
            if phase == .prolog { throw failure(end == 0 && input.problem == nil ? .empty : .noRootElement, at: index) }
            if let problem = input.problem { throw XMLError(problem, at: position(end)) }
            phase = .finished
            return nil
        }
        guard bytes[index] == ascii("<") else { throw failure(.textOutsideRoot(afterRoot: phase == .epilog), at: index) }
        if starts(Self.processingInstructionOpen) { return try processingInstruction() }
        if starts(Self.commentOpen) { return try comment() }
        if starts(Self.doctypeOpen) { throw failure(.doctype, at: index) }
        if starts(Self.cdataOpen) { throw failure(.cdataOutsideRoot, at: index) }
        if starts(Self.declarationOpen) { throw failure(.unknownDeclaration, at: index) }
        if starts(Self.endTagOpen) { throw failure(.endTagOutsideRoot, at: index) }
        if phase == .epilog { throw failure(.secondRootElement, at: index) }
        phase = .content
        return try startTag()
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, only at the very start.
    private mutating func declaration() throws(XMLError) {
        guard starts(Self.declarationStart), index + 5 < end,
              XMLCharacters.isWhitespace(bytes[index + 5]) || bytes[index + 5] == ascii("?") else { return }
        index += 5
        var seen: [String] = []
        while true {
            let spaced = skipWhitespace()
            if starts(Self.processingInstructionClose) {
                index += 2
                break
            }
            guard index < end else { throw failure(.endsInsideMarkup("the XML declaration"), at: index) }
            guard spaced else { throw failure(.badXMLDeclaration("is not written <?xml version=\"1.0\" …?>"), at: index) }
            let itemStart = index
            while index < end, bytes[index] >= ascii("a"), bytes[index] <= ascii("z") { index += 1 }
            let item = String(decoding: bytes[itemStart..<index], as: UTF8.self)
            skipWhitespace()
            guard index < end, bytes[index] == ascii("=") else { throw failure(.badXMLDeclaration("is not written <?xml version=\"1.0\" …?>"), at: index) }
            index += 1
            skipWhitespace()
            guard index < end, bytes[index] == ascii("\"") || bytes[index] == ascii("'") else {
                throw failure(.badXMLDeclaration("has a value not in quotes"), at: index)
            }
            let quote = bytes[index]
            index += 1
            let valueStart = index
            while index < end, bytes[index] != quote, bytes[index] != ascii("?") { index += 1 }
            guard index < end, bytes[index] == quote else { throw failure(.badXMLDeclaration("has a value not in quotes"), at: index) }
            let value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
            index += 1
            let order = ["version", "encoding", "standalone"]
            guard let rank = order.firstIndex(of: item) else {
                throw failure(.badXMLDeclaration("has '\(item)'; it may hold only version, encoding and standalone"), at: itemStart)
            }
            let previousRank = seen.last.flatMap({ order.firstIndex(of: $0) }) ?? -1
            guard previousRank < rank, seen.isEmpty == (item == "version") else {
                throw failure(.badXMLDeclaration("must give version first, then encoding and standalone, each once"), at: itemStart)
            }
            seen.append(item)
            switch item {
            case "version":
                guard value.hasPrefix("1."), value.count > 2, value.utf8.dropFirst(2).allSatisfy({ (ascii("0")...ascii("9")).contains($0) }) else {
                    throw failure(.badXMLDeclaration("has version '\(value)'; charter reads XML 1.0"), at: valueStart)
                }
            case "encoding":
                guard ["utf-8", "utf-16", "utf-16le", "utf-16be"].contains(value.lowercased()) else {
                    throw failure(.unsupportedEncoding(value), at: valueStart)
                }
            default:
                guard value == "yes" || value == "no" else { throw failure(.badXMLDeclaration("has standalone '\(value)', not yes or no"), at: valueStart) }
            }
        }
        guard seen.first == "version" else { throw failure(.badXMLDeclaration("has no version"), at: index) }
    }

    // MARK: - Inside the root element

    private mutating func inContent() throws(XMLError) -> XMLEvent? {
        guard index < end else {
            let innermost = open[open.count - 1]
            throw failure(.endsInside(element: innermost.qualified, openedAt: innermost.position), at: index)
        }
        if bytes[index] != ascii("<") || starts(Self.cdataOpen) { return try textRun() }
        if starts(Self.endTagOpen) { return try endTag() }
        if starts(Self.processingInstructionOpen) { return try processingInstruction() }
        if starts(Self.commentOpen) { return try comment() }
        if starts(Self.doctypeOpen) { throw failure(.doctype, at: index) }
        if starts(Self.declarationOpen) { throw failure(.unknownDeclaration, at: index) }
        return try startTag()
    }

    private mutating func startTag() throws(XMLError) -> XMLEvent {
        let tagStart = index
        let tagPosition = position(tagStart)
        index += 1
        let qualified = try name(else: .lessThanStartsNoElement, at: tagStart)
        var written: [(name: String, value: String, at: Int)] = []
        var selfClosing = false
        while true {
            let spaced = skipWhitespace()
            guard index < end else { throw failure(.endsInsideMarkup("the tag <\(qualified)>"), at: index) }
            if bytes[index] == ascii(">") {
                index += 1
                break
            }
            if bytes[index] == ascii("/") {
                guard index + 1 < end, bytes[index + 1] == ascii(">") else { throw failure(.expected("'>'", after: "'/' in a tag"), at: index + 1) }
                index += 2
                selfClosing = true
                break
            }
            guard spaced else { throw failure(.attributesNotSeparated, at: index) }
            let attributeStart = index
            let attribute = try name(else: .badName, at: index)
            skipWhitespace()
            guard index < end, bytes[index] == ascii("=") else { throw failure(.attributeWithoutValue(attribute), at: index) }
            index += 1
            skipWhitespace()
            let value = try attributeValue(of: attribute)
            written.append((attribute, value, attributeStart))
        }

        let namespaceDepth = namespaces.depth
        var attributes: [XMLAttribute] = []
        var seenNames: Set<String> = []
        var seenResolved: Set<XMLName> = []
        for attribute in written {
            guard seenNames.insert(attribute.name).inserted else { throw failure(.duplicateAttribute(attribute.name), at: attribute.at, complete: true) }
            do {
                if try namespaces.declare(attribute.name, attribute.value) { continue }
            } catch { throw failure(error, at: attribute.at, complete: true) }
        }
        let element: XMLName
        do { element = try namespaces.resolve(qualified, isAttribute: false) } catch { throw failure(error, at: tagStart, complete: true) }
        for attribute in written where attribute.name != "xmlns" && !attribute.name.hasPrefix("xmlns:") {
            let resolved: XMLName
            do { resolved = try namespaces.resolve(attribute.name, isAttribute: true) } catch { throw failure(error, at: attribute.at, complete: true) }
            var key = resolved
            key.prefix = nil
            guard seenResolved.insert(key).inserted else { throw failure(.duplicateAttribute(attribute.name), at: attribute.at, complete: true) }
            attributes.append(XMLAttribute(name: resolved, value: attribute.value))
        }
        open.append(OpenElement(qualified: qualified, name: element, position: tagPosition, namespaceDepth: namespaceDepth))
        closesAtOnce = selfClosing
        return .start(XMLStartTag(name: element, attributes: attributes, position: tagPosition))
    }

    private mutating func endTag() throws(XMLError) -> XMLEvent {
        let tagStart = index
        index += 2
        let qualified = try name(else: .expected("a name", after: "'</'"), at: index)
        skipWhitespace()
        guard index < end, bytes[index] == ascii(">") else { throw failure(.expected("'>'", after: "</\(qualified)"), at: index) }
        index += 1
        let innermost = open[open.count - 1]
        guard innermost.qualified == qualified else {
            throw failure(.mismatchedEndTag(found: qualified, open: innermost.qualified, openedAt: innermost.position), at: tagStart, complete: true)
        }
        return close(at: position(tagStart))
    }

    /// Ends the innermost element (its end tag is at `at`; for `<a/>`, the tag itself).
    private mutating func close(at: TextPosition? = nil) -> XMLEvent {
        let closed = open.removeLast()
        namespaces.restore(closed.namespaceDepth)
        if open.isEmpty { phase = .epilog }
        return .end(closed.name, at: at ?? closed.position)
    }

    /// Character data, references and CDATA sections up to the next other markup.
    private mutating func textRun() throws(XMLError) -> XMLEvent {
        buffer.removeAll(keepingCapacity: true)
        while index < end {
            let runStart = index
            while index < end {
                let byte = bytes[index]
                if byte == ascii("<") || byte == ascii("&") || byte == ascii("\r") || byte == ascii("]") { break }
                index += 1
            }
            buffer.append(contentsOf: bytes[runStart..<index])
            guard index < end else { break }
            switch bytes[index] {
            case ascii("<"):
                guard starts(Self.cdataOpen) else { return .text(String(decoding: buffer, as: UTF8.self)) }
                try cdata()
            case ascii("&"): try reference()
            case ascii("\r"): lineEnd()
            default:  // "]"
                if starts(Self.cdataClose) { throw failure(.cdataEndInText, at: index) }
                buffer.append(bytes[index])
                index += 1
            }
        }
        return .text(String(decoding: buffer, as: UTF8.self))
    }

    private mutating func cdata() throws(XMLError) {
        index += Self.cdataOpen.count
        while true {
            guard index < end else { throw failure(.endsInsideMarkup("a CDATA section"), at: index) }
            if bytes[index] == ascii("]"), starts(Self.cdataClose) {
                index += Self.cdataClose.count
                return
            }
            if bytes[index] == ascii("\r") {
                lineEnd()
            } else {
                buffer.append(bytes[index])
                index += 1
            }
        }
    }

    /// CR LF and a lone CR become LF (XML 1.0 §2.11).
    private mutating func lineEnd(as replacement: UInt8 = 0x0A) {
        buffer.append(replacement)
        index += 1
        if index < end, bytes[index] == ascii("\n") { index += 1 }
    }

    private mutating func attributeValue(of attribute: String) throws(XMLError) -> String {
        guard index < end, bytes[index] == ascii("\"") || bytes[index] == ascii("'") else {
            throw failure(.unquotedAttribute(attribute), at: index)
        }
        let quote = bytes[index]
        index += 1
        buffer.removeAll(keepingCapacity: true)
        while true {
            guard index < end else { throw failure(.endsInsideMarkup("the value of attribute '\(attribute)'"), at: index) }
            let byte = bytes[index]
            switch byte {
            case quote:
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case ascii("<"): throw failure(.lessThanInAttribute(attribute), at: index)
            case ascii("&"): try reference()
            case ascii("\r"): lineEnd(as: ascii(" "))
            case ascii("\n"), ascii("\t"):
                buffer.append(ascii(" "))
                index += 1
            default:
                buffer.append(byte)
                index += 1
            }
        }
    }

    /// `&name;` (the five predefined entities only) or `&#…;`/`&#x…;`, appended to `buffer`.
    private mutating func reference() throws(XMLError) {
        let start = index
        index += 1
        if index < end, bytes[index] == ascii("#") {
            index += 1
            let hexadecimal = index < end && bytes[index] == ascii("x")
            if hexadecimal { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < end, let digit = Self.digit(bytes[index], hexadecimal: hexadecimal) {
                value = min(value &* (hexadecimal ? 16 : 10) &+ digit, 0x11_0000)
                index += 1
            }
            guard index > digitsStart, index < end, bytes[index] == ascii(";") else { throw failure(.ampersandStartsNoReference, at: start) }
            index += 1
            guard XMLCharacters.isAllowed(value), let scalar = Unicode.Scalar(value) else {
                throw failure(.badCharacterReference(String(decoding: bytes[start + 1..<index - 1], as: UTF8.self)), at: start)
            }
            buffer.append(contentsOf: UTF8.encode(scalar)!)
            return
        }
        let entity = try name(else: .ampersandStartsNoReference, at: start)
        guard index < end, bytes[index] == ascii(";") else { throw failure(.ampersandStartsNoReference, at: start) }
        index += 1
        switch entity {
        case "amp": buffer.append(ascii("&"))
        case "lt": buffer.append(ascii("<"))
        case "gt": buffer.append(ascii(">"))
        case "apos": buffer.append(ascii("'"))
        case "quot": buffer.append(ascii("\""))
        default: throw failure(.undefinedEntity(entity), at: start)
        }
    }

    private mutating func comment() throws(XMLError) -> XMLEvent {
        index += Self.commentOpen.count
        let start = index
        while true {
            guard index + 1 < end else { throw failure(.endsInsideMarkup("a comment"), at: end) }
            if bytes[index] == ascii("-"), bytes[index + 1] == ascii("-") {
                guard index + 2 < end else { throw failure(.endsInsideMarkup("a comment"), at: end) }
                guard bytes[index + 2] == ascii(">") else { throw failure(.doubleHyphenInComment, at: index) }
                let text = Self.normalisedLineEnds(bytes[start..<index])
                index += 3
                return .comment(text)
            }
            index += 1
        }
    }

    private mutating func processingInstruction() throws(XMLError) -> XMLEvent {
        let start = index
        index += Self.processingInstructionOpen.count
        let target = try name(else: .expected("a target name", after: "'<?'"), at: index)
        if target.lowercased() == "xml" { throw failure(.misplacedXMLDeclaration, at: start) }
        if starts(Self.processingInstructionClose) {
            index += 2
            return .processingInstruction(target: target, data: "")
        }
        guard index < end else { throw failure(.endsInsideMarkup("a processing instruction"), at: index) }
        guard skipWhitespace() else { throw failure(.expected("a space or '?>'", after: "<?\(target)"), at: index) }
        let dataStart = index
        while !starts(Self.processingInstructionClose) {
            guard index < end else { throw failure(.endsInsideMarkup("a processing instruction"), at: index) }
            index += 1
        }
        let data = Self.normalisedLineEnds(bytes[dataStart..<index])
        index += 2
        return .processingInstruction(target: target, data: data)
    }

    // MARK: - Pieces

    /// A Name at `index` (production [5]), or `reason` at `at` when none starts there.
    private mutating func name(else reason: XMLError.Reason, at: Int) throws(XMLError) -> String {
        let start = index
        guard index < end, let (first, length) = scalar(at: index), XMLCharacters.isNameStart(first) else { throw failure(reason, at: at) }
        index += length
        while index < end, let (next, length) = scalar(at: index), XMLCharacters.isName(next) { index += length }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// The scalar starting at `at` and its length in bytes (the readable bytes are valid UTF-8).
    private func scalar(at offset: Int) -> (UInt32, Int)? {
        let lead = bytes[offset]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard offset + length <= end else { return nil }
        var value = UInt32(lead) & (0x7F >> length)
        for next in bytes[(offset + 1)..<(offset + length)] { value = value << 6 | UInt32(next & 0x3F) }
        return (value, length)
    }

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = index
        while index < end, XMLCharacters.isWhitespace(bytes[index]) { index += 1 }
        return index > start
    }

    private func starts(_ literal: [UInt8]) -> Bool {
        guard index + literal.count <= end else { return false }
        for (offset, byte) in literal.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }

    private mutating func position(_ offset: Int) -> TextPosition { lines.position(at: offset, in: bytes) }

    /// The error to throw: when reading ran into the end of the good bytes, the bad bytes there
    /// are the first error, not the markup they cut short.
    /// `complete`: the error is about a whole tag already read, which the bad bytes after it
    /// cannot have cut short.
    private mutating func failure(_ reason: XMLError.Reason, at offset: Int, complete: Bool = false) -> XMLError {
        if !complete, index >= end, let problem = input.problem { return XMLError(problem, at: position(end)) }
        return XMLError(reason, at: position(min(offset, bytes.count)))
    }

    private static func digit(_ byte: UInt8, hexadecimal: Bool) -> UInt32? {
        switch byte {
        case ascii("0")...ascii("9"): UInt32(byte - ascii("0"))
        case ascii("a")...ascii("f") where hexadecimal: UInt32(byte - ascii("a") + 10)
        case ascii("A")...ascii("F") where hexadecimal: UInt32(byte - ascii("A") + 10)
        default: nil
        }
    }

    private static func normalisedLineEnds(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(ascii("\r")) else { return String(decoding: slice, as: UTF8.self) }
        var normalised: [UInt8] = []
        normalised.reserveCapacity(slice.count)
        for (offset, byte) in zip(slice.indices, slice) {
            if byte == ascii("\r") {
                normalised.append(ascii("\n"))
            } else if byte != ascii("\n") || offset == slice.startIndex || slice[offset - 1] != ascii("\r") {
                normalised.append(byte)
            }
        }
        return String(decoding: normalised, as: UTF8.self)
    }

    private static let declarationStart = Array("<?xml".utf8)
    private static let processingInstructionOpen = Array("<?".utf8)
    private static let processingInstructionClose = Array("?>".utf8)
    private static let commentOpen = Array("<!--".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8)
    private static let cdataClose = Array("]]>".utf8)
    private static let doctypeOpen = Array("<!DOCTYPE".utf8)
    private static let declarationOpen = Array("<!".utf8)
    private static let endTagOpen = Array("</".utf8)
}

/// The byte of an ASCII character literal.
@inline(__always)
private func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }
