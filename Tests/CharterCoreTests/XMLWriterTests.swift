import Foundation
import Testing
@testable import CharterCore

/// `XMLWriter` and `XMLEscaping`: the layout libxml2's pretty printer had (the MSPDI export
/// kept its bytes), and whatever text goes in comes back out of `XMLScanner` unchanged.
@Suite struct XMLWriterTests {
    @Test func layoutIsLibxml2sPrettyPrint() {
        var xml = XMLWriter()
        xml.element("Project", attributes: ["xmlns": "urn:p"]) { root in
            root.element("Name", text: "a < b & c > d \"e\" 'f'\r\n")
            root.element("Empty") { _ in }
            root.element("List") { list in
                list.element("Item") { item in item.element("V", text: "") }
            }
        }
        #expect(xml.document == """
        <?xml version="1.0" encoding="utf-8" standalone="yes"?>
        <Project xmlns="urn:p">
          <Name>a &lt; b &amp; c &gt; d "e" 'f'&#13;
        </Name>
          <Empty></Empty>
          <List>
            <Item>
              <V></V>
            </Item>
          </List>
        </Project>

        """)
    }

    @Test func escapingIsOneFunctionForTextAndAttributes() {
        #expect(XMLEscaping.escaped("plain", in: .text) == "plain")
        #expect(XMLEscaping.escaped("\"q\"\t\n", in: .text) == "\"q\"\t\n")
        #expect(XMLEscaping.escaped("\"q\"\t\n\r<&>", in: .attribute) == "&quot;q&quot;&#9;&#10;&#13;&lt;&amp;&gt;")
        // What XML 1.0 cannot carry even as a reference becomes U+FFFD.
        #expect(XMLEscaping.escaped("a\u{1}b\u{FFFE}c\u{7F}", in: .text) == "a\u{FFFD}b\u{FFFD}c\u{7F}")
    }

    /// Random text, attribute values and nesting through the writer and back through the
    /// scanner: the same tree, the same strings (less what XML cannot carry).
    @Test func whatIsWrittenReadsBack() throws {
        var random = SplitMix64(seed: UInt64.random(in: 0...UInt64.max))
        let alphabet: [Unicode.Scalar] = ["a", "Z", " ", "<", ">", "&", "\"", "'", "\r", "\n", "\t", "]", ";", "#", "\u{1}", "\u{7F}",
                                          "\u{85}", "é", "\u{2028}", "日", "\u{FFFE}", "\u{FFFD}", "😀", "-", "?", "="]
        func text() -> String {
            var string = ""
            for _ in 0..<Int.random(in: 0...12, using: &random) { string.unicodeScalars.append(alphabet.randomElement(using: &random)!) }
            return string
        }
        func carried(_ string: String) -> String {
            String(String.UnicodeScalarView(string.unicodeScalars.map { XMLCharacters.isAllowed($0.value) ? $0 : "\u{FFFD}" }))
        }
        for _ in 0..<300 {
            var expected: [XMLEvent] = []
            var xml = XMLWriter()
            func write(_ writer: inout XMLWriter, depth: Int) {
                for index in 0..<Int.random(in: 0...3, using: &random) {
                    let name = "e\(depth)x\(index)"
                    if depth < 4, Bool.random(using: &random) {
                        let value = text()
                        expected.append(.start(XMLStartTag(name: XMLName(local: name), attributes: [XMLAttribute(name: XMLName(local: "v"), value: carried(value))],
                                                           position: .start)))
                        writer.element(name, attributes: ["v": value]) { child in write(&child, depth: depth + 1) }
                    } else {
                        let value = text()
                        expected.append(.start(XMLStartTag(name: XMLName(local: name), position: .start)))
                        if !value.isEmpty { expected.append(.text(carried(value))) }
                        writer.element(name, text: value)
                    }
                    expected.append(.end(XMLName(local: name), at: .start))
                }
            }
            expected.append(.start(XMLStartTag(name: XMLName(local: "root"), position: .start)))
            xml.element("root") { root in write(&root, depth: 0) }
            expected.append(.end(XMLName(local: "root"), at: .start))

            var scanner = XMLScanner(Array(xml.document.utf8))
            var read: [XMLEvent] = []
            while let event = try scanner.next() {
                switch event {
                case .start(var tag): tag.position = .start; read.append(.start(tag))
                case .end(let name, _): read.append(.end(name, at: .start))
                case .text(let string) where !string.isEmpty && !string.allSatisfy({ $0 == " " || $0 == "\n" }):
                    read.append(.text(string))
                default: break
                }
            }
            // Whitespace-only values are indistinguishable from indentation here.
            let comparable = expected.filter { if case .text(let string) = $0 { !string.allSatisfy({ $0 == " " || $0 == "\n" }) } else { true } }
            #expect(read == comparable, "\(xml.document.debugDescription)")
        }
    }
}
