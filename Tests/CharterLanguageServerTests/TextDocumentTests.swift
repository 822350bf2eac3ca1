@testable import CharterLanguageServer
import CharterCore
import Testing

@Suite struct TextDocumentTests {
    @Test func convertsYAMLMarksToUTF16Positions() {
        // "é" is one scalar, one UTF-16 unit, two bytes; "𝄞" is one scalar, two UTF-16 units, four bytes.
        let document = TextDocument("name: é𝄞x\r\nnext: [a, b]\n")
        #expect(document.position(of: TextPosition(line: 1, column: 7)) == LSPPosition(line: 0, character: 6))
        #expect(document.position(of: TextPosition(line: 1, column: 8)) == LSPPosition(line: 0, character: 7))
        #expect(document.position(of: TextPosition(line: 1, column: 9)) == LSPPosition(line: 0, character: 9))
        #expect(document.mark(of: LSPPosition(line: 0, character: 9)) == TextPosition(line: 1, column: 9))
        #expect(document.position(of: TextPosition(line: 2, column: 8)) == LSPPosition(line: 1, character: 7))
        #expect(document.lineText(1) == "next: [a, b]")
    }

    @Test func appliesIncrementalEditsInUTF16() {
        var document = TextDocument("a: 𝄞 M1\nb: 2\n")
        // Replace "M1" (UTF-16 columns 6..8 after the two-unit clef) with "M22".
        document.apply(LSPRange(start: LSPPosition(line: 0, character: 6), end: LSPPosition(line: 0, character: 8)), "M22")
        #expect(document.text == "a: 𝄞 M22\nb: 2\n")
        document.apply(LSPRange(start: LSPPosition(line: 0, character: 9), end: LSPPosition(line: 1, character: 0)), " ")
        #expect(document.text == "a: 𝄞 M22 b: 2\n")
        document.apply(nil, "whole\n")
        #expect(document.text == "whole\n")
        // A position past the end of a line is clamped to it.
        document.apply(LSPRange(start: LSPPosition(line: 0, character: 99), end: LSPPosition(line: 0, character: 99)), "!")
        #expect(document.text == "whole!\n")
    }

    @Test func tokensEndWhereYAMLEndsTheScalar() {
        let document = TextDocument("""
        - { id: M2, depends_on: [M1, identity/M3], name: "Beta, ok" }
        name: Beta, phase 2 # comment
        owner:
        """)
        func text(_ line: Int, _ column: Int) -> String {
            let range = document.token(at: TextPosition(line: line, column: column))
            let lineText = Array(document.lineText(range.start.line).utf16)
            return String(decoding: lineText[range.start.character..<range.end.character], as: UTF16.self)
        }
        #expect(text(1, 9) == "M2")
        #expect(text(1, 30) == "identity/M3")
        #expect(text(1, 50) == "\"Beta, ok\"")
        #expect(text(1, 13) == "depends_on")
        #expect(text(2, 7) == "Beta, phase 2")
        #expect(document.tokenValue(at: TextPosition(line: 1, column: 50)).text == "Beta, ok")
        #expect(text(3, 1) == "owner")
    }
}
