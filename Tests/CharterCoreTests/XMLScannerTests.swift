import Foundation
import Testing
@testable import CharterCore

/// `XMLScanner`, charter's own XML reader (MSPDI import without libxml2): every construct it
/// reads, every refusal with its line and column, and the inputs that sink other parsers
/// (entity bombs, deep nesting, huge text, other encodings).
@Suite struct XMLScannerTests {
    static func events(_ text: String) throws(XMLError) -> [XMLEvent] {
        try events(Array(text.utf8))
    }

    static func events(_ bytes: [UInt8]) throws(XMLError) -> [XMLEvent] {
        var scanner = XMLScanner(bytes)
        var events: [XMLEvent] = []
        while let event = try scanner.next() { events.append(event) }
        return events
    }

    static func refusal(_ text: String) -> XMLError? { refusal(Array(text.utf8)) }

    static func refusal(_ bytes: [UInt8]) -> XMLError? {
        do {
            _ = try events(bytes)
            return nil
        } catch {
            return error
        }
    }

    static func at(_ line: Int, _ column: Int) -> TextPosition { TextPosition(line: line, column: column) }

    /// The events without the whitespace-only text between elements.
    static func significant(_ events: [XMLEvent]) -> [XMLEvent] {
        events.filter { if case .text(let text) = $0 { !text.allSatisfy(\.isWhitespace) } else { true } }
    }

    @Test func readsEveryConstruct() throws {
        let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!-- before -->
        <?tool keep going?>
        <Project xmlns="http://schemas.microsoft.com/project" xmlns:x="urn:x" a='1' x:b="2 &amp; 3">
          <Name>A &lt;b&gt; &amp; &apos;c&apos; &quot;d&quot; &#233;&#x1F600;</Name>
          <x:Extra x:flag="yes"/>
          <Notes><![CDATA[<raw> & ]] text]]> after</Notes>
          <!-- inside -->
          <?pi?>
          <Empty></Empty>
        </Project>
        <!-- after -->

        """
        let events = Self.significant(try Self.events(document))
        let mspdi = "http://schemas.microsoft.com/project"
        #expect(events == [
            .comment(" before "),
            .processingInstruction(target: "tool", data: "keep going"),
            .start(XMLStartTag(name: XMLName(local: "Project", namespace: mspdi),
                               attributes: [XMLAttribute(name: XMLName(local: "a"), value: "1"),
                                            XMLAttribute(name: XMLName(prefix: "x", local: "b", namespace: "urn:x"), value: "2 & 3")],
                               position: Self.at(4, 1))),
            .start(XMLStartTag(name: XMLName(local: "Name", namespace: mspdi), position: Self.at(5, 3))),
            .text("A <b> & 'c' \"d\" é😀"),
            .end(XMLName(local: "Name", namespace: mspdi), at: Self.at(5, 70)),
            .start(XMLStartTag(name: XMLName(prefix: "x", local: "Extra", namespace: "urn:x"),
                               attributes: [XMLAttribute(name: XMLName(prefix: "x", local: "flag", namespace: "urn:x"), value: "yes")],
                               position: Self.at(6, 3))),
            .end(XMLName(prefix: "x", local: "Extra", namespace: "urn:x"), at: Self.at(6, 3)),
            .start(XMLStartTag(name: XMLName(local: "Notes", namespace: mspdi), position: Self.at(7, 3))),
            .text("<raw> & ]] text after"),
            .end(XMLName(local: "Notes", namespace: mspdi), at: Self.at(7, 43)),
            .comment(" inside "),
            .processingInstruction(target: "pi", data: ""),
            .start(XMLStartTag(name: XMLName(local: "Empty", namespace: mspdi), position: Self.at(10, 3))),
            .end(XMLName(local: "Empty", namespace: mspdi), at: Self.at(10, 10)),
            .end(XMLName(local: "Project", namespace: mspdi), at: Self.at(11, 1)),
            .comment(" after "),
        ])
    }

    @Test func namespacesAreScopedAndPrefixesResolved() throws {
        let events = try Self.events(#"<a xmlns="urn:d"><p:b xmlns:p="urn:p"><c xmlns=""/></p:b><p:b xmlns:p="urn:q"/></a>"#)
        let names = events.compactMap { if case .start(let tag) = $0 { tag.name } else { nil } }
        #expect(names == [XMLName(local: "a", namespace: "urn:d"), XMLName(prefix: "p", local: "b", namespace: "urn:p"),
                          XMLName(local: "c"), XMLName(prefix: "p", local: "b", namespace: "urn:q")])
        // Unprefixed attributes have no namespace; the same local name in two namespaces is two attributes.
        let tags = try Self.events(#"<a xmlns:p="urn:p" xmlns:q="urn:p2" n="1" p:n="2" q:n="3" xml:lang="en"/>"#)
        guard case .start(let tag) = tags.first else { Issue.record("no start"); return }
        #expect(tag.attribute("n") == "1" && tag.attribute("n", namespace: "urn:p") == "2" && tag.attribute("n", namespace: "urn:p2") == "3")
        #expect(tag.attribute("lang", namespace: XMLNamespaceScope.xmlNamespace) == "en")
    }

    @Test func lineEndsAndAttributeWhitespaceAreNormalised() throws {
        let events = try Self.events("<a v=\"x\ty\r\nz&#10;\">one\r\ntwo\rthree<![CDATA[\r\n]]></a>")
        guard case .start(let tag) = events[0], case .text(let text) = events[1] else { Issue.record("\(events)"); return }
        #expect(tag.attribute("v") == "x y z\n")
        #expect(text == "one\ntwo\nthree\n")
        // A lone CR ends a line for positions too.
        #expect(Self.refusal("<a>\r\r<b>\r\n</a>")?.position == Self.at(4, 1))
    }

    @Test func encodings() throws {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<Name>Grüße 😀</Name>"
        let expected: [XMLEvent] = [.start(XMLStartTag(name: XMLName(local: "Name"), position: Self.at(2, 1))), .text("Grüße 😀"),
                                    .end(XMLName(local: "Name"), at: Self.at(2, 14))]
        let units = Array(document.utf16)
        let littleEndian: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let utf8 = Array(document.replacingOccurrences(of: "UTF-16", with: "utf-8").utf8)
        for bytes: [UInt8] in [littleEndian, bigEndian, utf8, [0xEF, 0xBB, 0xBF] + utf8] {
            #expect(try Self.events(bytes) == expected)
        }
        // An unpaired surrogate in UTF-16: refused where it is.
        let broken: [UInt8] = [0xFF, 0xFE] + Array("<a>x".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0x00, 0xD8, 0x41, 0x00]
        #expect(Self.refusal(broken) == XMLError(.invalidUTF16, at: Self.at(1, 5)))
        #expect(Self.refusal(Array(littleEndian.dropLast())) == XMLError(.invalidUTF16, at: Self.at(2, 20)))
    }

    @Test func otherEncodingsAreRefusedClearly() {
        // Latin-1 é where UTF-8 is expected: at its line and column, after the good text.
        let latin1: [UInt8] = Array("<a>\n  caf".utf8) + [0xE9] + Array("</a>".utf8)
        let notUTF8 = Self.refusal(latin1)
        #expect(notUTF8 == XMLError(.notUTF8(byte: 0xE9), at: Self.at(2, 6)))
        #expect(notUTF8?.reason.description.contains("0xE9") == true)
        #expect(Self.refusal("<?xml version=\"1.0\" encoding=\"windows-1252\"?><a/>") == XMLError(.unsupportedEncoding("windows-1252"), at: Self.at(1, 31)))
        #expect(Self.refusal("<?xml version='1.0' encoding='ISO-8859-1'?><a/>")?.reason.isEncoding == true)
        #expect(Self.refusal([0x3C, 0x00, 0x61, 0x00, 0x2F, 0x00, 0x3E, 0x00]) == XMLError(.utf16WithoutByteOrderMark, at: Self.at(1, 1)))
        #expect(Self.refusal([0xFF, 0xFE, 0x00, 0x00, 0x3C, 0x00, 0x00, 0x00]) == XMLError(.unsupportedByteOrderMark("UTF-32"), at: Self.at(1, 1)))
        // An earlier markup error is still the first error.
        #expect(Self.refusal(Array("<a><</a>".utf8) + [0xFF])?.reason == .lessThanStartsNoElement)
        // A whole tag read before the bad byte keeps its own error.
        #expect(Self.refusal(Array("<a><b></a>".utf8) + [0xFF])?.reason == .mismatchedEndTag(found: "a", open: "b", openedAt: Self.at(1, 4)))
        #expect(Self.refusal(Array("<a b='1' b='2'>".utf8) + [0xFF])?.reason == .duplicateAttribute("b"))
        // A tag the bad byte cuts short reports the byte.
        #expect(Self.refusal(Array("<a><b".utf8) + [0xFF])?.reason == .notUTF8(byte: 0xFF))
        // Overlong and surrogate encodings are not UTF-8 either.
        #expect(Self.refusal([0x3C, 0x61, 0x3E, 0xC0, 0xAF, 0x3C, 0x2F, 0x61, 0x3E])?.reason == .notUTF8(byte: 0xC0))
        #expect(Self.refusal([0x3C, 0x61, 0x3E, 0xED, 0xA0, 0x80, 0x3C, 0x2F, 0x61, 0x3E])?.reason == .notUTF8(byte: 0xED))
    }

    /// Each refusal, where it points, and that the message is plain words.
    @Test(arguments: [
        ("", 1, 1, XMLError.Reason.empty),
        ("  \n ", 2, 2, .noRootElement),
        ("<!-- only a comment -->", 1, 24, .noRootElement),
        ("<a>\n  <b>\n</a>", 3, 1, .mismatchedEndTag(found: "a", open: "b", openedAt: TextPosition(line: 2, column: 3))),
        ("<a>\n  <b>text", 2, 10, .endsInside(element: "b", openedAt: TextPosition(line: 2, column: 3))),
        ("<a x=\"1", 1, 8, .endsInsideMarkup("the value of attribute 'x'")),
        ("<a", 1, 3, .endsInsideMarkup("the tag <a>")),
        ("<a><!-- x", 1, 10, .endsInsideMarkup("a comment")),
        ("<a><![CDATA[x", 1, 14, .endsInsideMarkup("a CDATA section")),
        ("hello<a/>", 1, 1, .textOutsideRoot(afterRoot: false)),
        ("<a/>\ntail", 2, 1, .textOutsideRoot(afterRoot: true)),
        ("<a/><b/>", 1, 5, .secondRootElement),
        ("<a/></a>", 1, 5, .endTagOutsideRoot),
        ("<a>x ]]> y</a>", 1, 6, .cdataEndInText),
        ("<a><!-- a -- b --></a>", 1, 11, .doubleHyphenInComment),
        ("<a>1 < 2</a>", 1, 6, .lessThanStartsNoElement),
        ("<a>AT&T</a>", 1, 6, .ampersandStartsNoReference),
        ("<a>&#xZZ;</a>", 1, 4, .ampersandStartsNoReference),
        ("<a>&nbsp;</a>", 1, 4, .undefinedEntity("nbsp")),
        ("<a>&#0;</a>", 1, 4, .badCharacterReference("#0")),
        ("<a>&#xD800;</a>", 1, 4, .badCharacterReference("#xD800")),
        ("<a>&#99999999999;</a>", 1, 4, .badCharacterReference("#99999999999")),
        ("<a b></a>", 1, 5, .attributeWithoutValue("b")),
        ("<a b=1></a>", 1, 6, .unquotedAttribute("b")),
        ("<a b=\"<\"></a>", 1, 7, .lessThanInAttribute("b")),
        ("<a b=\"1\" b='2'></a>", 1, 10, .duplicateAttribute("b")),
        ("<a xmlns:p=\"u\" xmlns:q=\"u\" p:b=\"1\" q:b=\"2\"/>", 1, 36, .duplicateAttribute("q:b")),
        ("<a b=\"1\"c=\"2\"></a>", 1, 9, .attributesNotSeparated),
        ("<p:a></p:a>", 1, 1, .undeclaredPrefix("p:a")),
        ("<a p:b=\"1\"/>", 1, 4, .undeclaredPrefix("p:b")),
        ("<a:b:c/>", 1, 1, .badQualifiedName("a:b:c")),
        ("<a xmlns:p=\"\"/>", 1, 4, .emptyPrefixedNamespace("xmlns:p")),
        ("<a xmlns:xmlns=\"u\"/>", 1, 4, .reservedPrefix("xmlns:xmlns")),
        ("<a xmlns:xml=\"u\"/>", 1, 4, .reservedPrefix("xmlns:xml")),
        ("<a 1b=\"x\"/>", 1, 4, .badName),
        ("<a>\n</ a>", 2, 3, .expected("a name", after: "'</'")),
        ("<a></a b>", 1, 8, .expected("'>'", after: "</a")),
        ("<a/ >", 1, 4, .expected("'>'", after: "'/' in a tag")),
        ("<a>\u{1}</a>", 1, 4, .forbiddenCharacter(1)),
        ("<a>\u{FFFF}</a>", 1, 4, .forbiddenCharacter(0xFFFF)),
        ("<a><!ENTITY x \"y\"></a>", 1, 4, .unknownDeclaration),
        ("<![CDATA[x]]><a/>", 1, 1, .cdataOutsideRoot),
        ("<a/>\n<?xml version=\"1.0\"?>", 2, 1, .misplacedXMLDeclaration),
        (" <?xml version=\"1.0\"?><a/>", 1, 2, .misplacedXMLDeclaration),
        ("<?xml version=\"2.0\"?><a/>", 1, 16, .badXMLDeclaration("has version '2.0'; charter reads XML 1.0")),
        ("<?xml encoding=\"UTF-8\"?><a/>", 1, 7, .badXMLDeclaration("must give version first, then encoding and standalone, each once")),
        ("<?xml version=\"1.0\" standalone=\"maybe\"?><a/>", 1, 33, .badXMLDeclaration("has standalone 'maybe', not yes or no")),
        ("<a><?pi", 1, 8, .endsInsideMarkup("a processing instruction")),
    ])
    func refusals(input: String, line: Int, column: Int, reason: XMLError.Reason) {
        let error = Self.refusal(input)
        #expect(error == XMLError(reason, at: Self.at(line, column)), "\(input.debugDescription)")
        let words = reason.description
        #expect(!words.isEmpty && !words.contains("error ") && words.first?.isUppercase == false)
    }

    /// No DTD is read, so no entity is expanded: the billion laughs are refused at once, at the
    /// DOCTYPE, in the prolog or anywhere else.
    @Test func aDoctypeIsRefusedSoNoEntityBombGoesOff() {
        var bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for level in 1...9 { bomb += " <!ENTITY lol\(level) \"\(String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10))\">\n" }
        bomb += "]>\n<lolz>&lol9;</lolz>\n"
        #expect(Self.refusal(bomb) == XMLError(.doctype, at: Self.at(2, 1)))
        #expect(Self.refusal("<a><!DOCTYPE a></a>") == XMLError(.doctype, at: Self.at(1, 4)))
        #expect(Self.refusal("<!DOCTYPE html SYSTEM \"file:///etc/passwd\"><a>&xxe;</a>") == XMLError(.doctype, at: Self.at(1, 1)))
        #expect(XMLError.Reason.doctype.description.contains("no entities"))
    }

    /// Depth costs heap, not stack: 200,000 open elements read and closed (a recursive reader
    /// would overflow its stack), and an MSPDI file with them is read in linear time.
    @Test func deepNestingDoesNotOverflowTheStack() throws {
        let depth = 200_000
        let document = String(repeating: "<a>", count: depth) + "x" + String(repeating: "</a>", count: depth)
        var scanner = XMLScanner(Array(document.utf8))
        var deepest = 0, ends = 0
        while let event = try scanner.next() {
            deepest = max(deepest, scanner.depth)
            if case .end = event { ends += 1 }
        }
        #expect(deepest == depth && ends == depth)
        let unclosed = String(repeating: "<a>", count: depth)
        #expect(Self.refusal(unclosed)?.reason == .endsInside(element: "a", openedAt: Self.at(1, 3 * depth - 2)))

        let mspdi = "<Project><Tasks><Task><UID>1</UID>" + String(repeating: "<Notes>", count: depth / 2)
            + String(repeating: "</Notes>", count: depth / 2) + "</Task></Tasks></Project>"
        let read = try MSPDIReader.read(Data(mspdi.utf8))
        #expect(read.tasks.map(\.uid) == [1])
    }

    /// One text node of 32 MB (no "huge input" limit), and 100,000 attributes on one tag.
    @Test func hugeTextAndManyAttributes() throws {
        let text = String(repeating: "0123456789abcdef", count: 2_000_000)
        let events = try Self.events("<a>" + text + "</a>")
        #expect(events.count == 3)
        if case .text(let read) = events[1] { #expect(read.utf8.count == 32_000_000 && read == text) }
        let attributes = (0..<100_000).map { " n\($0)=\"\($0)\"" }.joined()
        guard case .start(let tag) = try Self.events("<a" + attributes + "/>").first else { Issue.record("no start"); return }
        #expect(tag.attributes.count == 100_000 && tag.attribute("n99999") == "99999")
        #expect(Self.refusal("<a" + attributes + " n5=\"again\"/>")?.reason == .duplicateAttribute("n5"))
    }

    /// Columns count characters, not bytes, on long lines too.
    @Test func columnsCountCharacters() {
        #expect(Self.refusal("<a>日本語 😀 & x</a>") == XMLError(.ampersandStartsNoReference, at: Self.at(1, 10)))
        let longLine = "<a>" + String(repeating: "<b/>", count: 50_000) + "<</a>"
        #expect(Self.refusal(longLine) == XMLError(.lessThanStartsNoElement, at: Self.at(1, 200_004)))
    }
}
