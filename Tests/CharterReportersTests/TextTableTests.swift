import CharterCore
import Testing
@testable import CharterReporters

@Suite struct TextTableTests {
    @Test(arguments: [
        ("abc", 3),
        ("日本語", 6),          // East Asian wide: two columns each
        ("ｆｕｌｌ", 8),        // fullwidth Latin
        ("e\u{301}te\u{301}", 3),  // "été" with combining acute accents: they take no column
        ("🚀 go", 5),          // emoji presentation: two columns
        ("❤️", 2),             // text-default emoji with VS16 shown as emoji
        ("", 0),
    ])
    func displayWidthCountsColumns(text: String, width: Int) {
        #expect(text.displayWidth == width)
    }

    @Test func columnsLineUpByDisplayWidthNotCharacters() {
        let lines = TextTable(indent: "  ").render([["id", "name", "due"], ["M1", "設計レビュー", "2026-05-01"], ["M2", "Beta", "2026-06-01"]])
        #expect(lines == [
            "  id  name          due",
            "  M1  設計レビュー  2026-05-01",
            "  M2  Beta          2026-06-01",
        ])
        // The last column starts at the same terminal column on every row.
        let starts = lines.map { line in String(line[..<line.range(of: "  ", options: .backwards)!.upperBound]).displayWidth }
        #expect(Set(starts).count == 1)
    }

    @Test func rightAlignmentTruncationAndNoTrailingSpaces() {
        let table = TextTable(columns: [.init(maxWidth: 6), .init(.right), .init()])
        let lines = table.render([["a very long name", "3", ""], ["short", "120", "x"]])
        #expect(lines == ["a ver…    3", "short   120  x"])
        #expect("名前が長すぎる".truncated(toDisplayWidth: 5) == "名前…")
        #expect("abc".truncated(toDisplayWidth: 3) == "abc")
    }

    @Test func decorationWrapsPaddedCellsWithoutChangingWidths() {
        let style = TerminalStyle(enabled: true)
        let lines = TextTable().render([["a", "+3d"], ["bb", "-1d"]]) { _, column, cell in column == 1 ? style.red(cell) : cell }
        #expect(lines == ["a   \u{1B}[31m+3d\u{1B}[0m", "bb  \u{1B}[31m-1d\u{1B}[0m"])
    }

    @Test func colourOnlyOnATerminalWithoutNoColorOrDumbTerm() {
        #expect(TerminalStyle.colorEnabled(isTerminal: true, environment: [:]))
        #expect(!TerminalStyle.colorEnabled(isTerminal: false, environment: [:]))
        #expect(!TerminalStyle.colorEnabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(TerminalStyle.colorEnabled(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!TerminalStyle.colorEnabled(isTerminal: true, environment: ["TERM": "dumb"]))
        #expect(TerminalStyle(enabled: false).bold("x") == "x")
    }

    @Test func pluralsCountTheirNouns() {
        #expect(Plural.count(1, "day") == "1 day")
        #expect(Plural.count(0, "day") == "0 days")
        #expect(Plural.count(2, "change request") == "2 change requests")
        #expect(Plural.noun(1, "depends", plural: "depend") == "depends")
        #expect(Plural.noun(3, "depends", plural: "depend") == "depend")
    }
}
