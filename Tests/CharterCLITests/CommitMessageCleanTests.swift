@testable import CharterCLI
import Testing

/// `CommitMessageFile.clean` strips what git's `--cleanup=strip` strips (comment lines, all below
/// the scissors); it appends line by line, and must equal splitting and joining.
@Suite struct CommitMessageCleanTests {
    static func splitAndJoin(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# ------------------------ >8 ------------------------") { break }
            if line.hasPrefix("#") { continue }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    @Test("fixed messages", arguments: [
        "", "\n", "\n\n", "Subject", "Subject\n", "Subject\n\nBody\n", "# only a comment", "#\n#\n", "Subject\n# comment\nBody",
        "Slip Beta\n\nApproved-by: Carol Diaz <carol@example.com>\n# Please enter the commit message\n",
        "Subject\n# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n", "é\r\nü\n#x\n",
    ])
    func fixed(text: String) {
        #expect(CommitMessageFile.clean(text) == Self.splitAndJoin(text))
    }

    @Test("random messages of lines, comments, blank lines and the scissors")
    func random() {
        let lines = ["", "Subject", "# comment", "#", " # not a comment", "Approved-by: A <a@x>",
                     "# ------------------------ >8 ------------------------", "é ü", "\r"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...8)).map { _ in lines.randomElement()! }.joined(separator: "\n")
                + (Bool.random() ? "\n" : "")
            #expect(CommitMessageFile.clean(text) == Self.splitAndJoin(text), "\(text.debugDescription)")
        }
    }
}
