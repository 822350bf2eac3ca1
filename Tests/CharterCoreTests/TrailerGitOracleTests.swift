import CharterCore
import Foundation
import Testing

/// Messages whose trailers git itself decides: each case runs `git interpret-trailers
/// --parse` on the message and compares its output with `TrailerParser`'s, byte for byte.
@Suite struct TrailerGitOracleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var message: String
        /// `trailer.*` settings passed to git with `-c`, mirrored in the parser's configuration.
        var settings: [String] = []
        var configured: [TrailerKeyConfiguration] = []
        /// `--no-divider`: how git reads stored commits (`TrailerParser.commit`).
        var noDivider = false
        /// What git prints, written down so a broken git (or a changed rule) is noticed too.
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain trailers after a body",
             message: "Slip M2 to May\n\nVendor SDK certification moved.\n\nReason: vendor delay\nApproved-by: Dave Kim <dave@example.com>\n",
             expected: "Reason: vendor delay\nApproved-by: Dave Kim <dave@example.com>\n"),
        Case(name: "title only, with a colon",
             message: "Fix: the budget total\n",
             expected: ""),
        Case(name: "a one-paragraph message is all title",
             message: "Reason: x\nApproved-by: y\n",
             expected: ""),
        Case(name: "trailers right after the title",
             message: "Title\n\nSigned-off-by: Alice Ng <alice@example.com>\n",
             expected: "Signed-off-by: Alice Ng <alice@example.com>\n"),
        Case(name: "prose in the last paragraph, no git-generated trailer",
             message: "Title\n\nReason: x\nthis line is prose\n",
             expected: ""),
        Case(name: "Signed-off-by lets 25% trailers count",
             message: "Title\n\nSome prose here\nand more prose\nReason: kept\nSigned-off-by: A <a@x>\n",
             expected: "Reason: kept\nSigned-off-by: A <a@x>\n"),
        Case(name: "under 25% trailers even with Signed-off-by",
             message: "Title\n\none\ntwo\nthree\nfour\nSigned-off-by: A <a@x>\n",
             expected: ""),
        Case(name: "continuation lines fold into one value",
             message: "Title\n\nReason: the vendor moved\n  their certification date\n\tby two weeks\nApproved-by: B\n",
             expected: "Reason: the vendor moved their certification date by two weeks\nApproved-by: B\n"),
        Case(name: "indented lines after prose are not continuations",
             message: "Title\n\nSigned-off-by: A\nprose line\n  indented: after prose\n",
             expected: "Signed-off-by: A\n"),
        Case(name: "cherry-pick line is recognised but not printed",
             message: "Title\n\nBody.\n\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\nReason: backport\n",
             expected: "Reason: backport\n"),
        Case(name: "cherry-pick line makes prose count at 25%",
             message: "Title\n\nprose one\nprose two\nprose three\n(cherry picked from commit abc)\n",
             expected: ""),
        Case(name: "comment lines inside the block are skipped",
             message: "Title\n\nReason: x\n# a comment: with colon\nApproved-by: y\n",
             expected: "Reason: x\nApproved-by: y\n"),
        Case(name: "trailing comments and blank lines are ignored",
             message: "Title\n\nReason: x\n\n# Please enter the commit message\n#\n\n",
             expected: "Reason: x\n"),
        Case(name: "a --- line starts a patch",
             message: "Title\n\nReason: x\n---\n diff --git a/f b/f\nKey: after the divider\n",
             expected: "Reason: x\n"),
        Case(name: "--- followed by text is not a divider",
             message: "Title\n\nReason: x\n---not-a-divider\n",
             expected: ""),
        Case(name: "scissors line cuts the message",
             message: "Title\n\nReason: x\n# ------------------------ >8 ------------------------\nFoo: bar\n",
             expected: "Reason: x\n"),
        Case(name: "old Conflicts block is ignored",
             message: "Title\n\nReason: merge fix\n\nConflicts:\n\tprograms/a/program.yaml\n\tpeople.yaml\n",
             expected: "Reason: merge fix\n"),
        Case(name: "spaces and tabs before the colon",
             message: "Title\n\nBug  : 123\nTicket\t: 45\n",
             expected: "Bug: 123\nTicket: 45\n"),
        Case(name: "a token with a space inside is prose",
             message: "Title\n\nSee also: the design doc\nKey: v\n",
             expected: ""),
        Case(name: "non-ASCII letters are not token characters",
             message: "Title\n\nRésumé: x\nKey: y\n",
             expected: ""),
        Case(name: "empty value",
             message: "Title\n\nAcked-by:\nReason: ok\n",
             expected: "Acked-by: \nReason: ok\n"),
        Case(name: "CRLF line endings",
             message: "Title\r\n\r\nReason: x\r\nKey: y\r\n",
             expected: "Reason: x\nKey: y\n"),
        Case(name: "a whitespace-only line separates paragraphs",
             message: "Title\n\nBody text\n   \nReason: x\n",
             expected: "Reason: x\n"),
        Case(name: "colons inside the value",
             message: "Title\n\nLink: https://example.com/a:b\nTime: 10:30\n",
             expected: "Link: https://example.com/a:b\nTime: 10:30\n"),
        Case(name: "an indented first line is not a trailer",
             message: "Title\n\n Reason: x\n",
             expected: ""),
        Case(name: "only the last paragraph counts",
             message: "Title\n\nA: 1\n\nB: 2\n",
             expected: "B: 2\n"),
        Case(name: "comment lines do not end the title",
             message: "# comment\nTitle\n\nA: 1\n",
             expected: "A: 1\n"),
        Case(name: "no line break at the end",
             message: "Title\n\nA: 1\nB: 2",
             expected: "A: 1\nB: 2\n"),
        Case(name: "a blank first line leaves no title",
             message: "\nA: 1\nB: 2\n",
             expected: "A: 1\nB: 2\n"),
        Case(name: "squash message with several trailer paragraphs",
             message: "Slip M2 (#12)\n\n* first change\n\nReason: a\n\n* second change\n\nApproved-by: b\n",
             expected: "Approved-by: b\n"),
        Case(name: "Signed-off-by without a space is an ordinary trailer",
             message: "Title\n\nSigned-off-by:A\nprose\n",
             expected: ""),
        Case(name: "an empty token is not a trailer",
             message: "Title\n\n: value\nKey: v\n",
             expected: ""),
        Case(name: "digits and dashes in keys, lowercase kept",
             message: "Title\n\nCo-authored-by: Xi <xi@example.com>\nx-y-9: z\nreviewed-by: r\n",
             expected: "Co-authored-by: Xi <xi@example.com>\nx-y-9: z\nreviewed-by: r\n"),
        Case(name: "a whitespace-only last line continues the last trailer",
             message: "Title\n\nReason: x\n   \n",
             expected: "Reason: x\n"),
        Case(name: "comments and continuation",
             message: "Title\n\nReason: one\n# note\n  two\n",
             expected: ""),
        Case(name: "block that is only comments",
             message: "Title\n\n# just\n# comments\n",
             expected: ""),
        Case(name: "git-generated prefix among prose, exactly 25%",
             message: "Title\n\np1\np2\np3\nSigned-off-by: A\n",
             expected: "Signed-off-by: A\n"),
        Case(name: "a token starting with a dash",
             message: "Title\n\n-x: y\n",
             expected: "-x: y\n"),
        Case(name: "configured key makes a prefix recognised and renamed",
             message: "Title\n\nreas: because\nprose one\nprose two\n",
             settings: ["trailer.reason.key=Reason"],
             configured: [TrailerKeyConfiguration(name: "reason", key: "Reason")],
             expected: "Reason: because\n"),
        Case(name: "configured key renames a trailer in a pure block",
             message: "Title\n\napproved: alice\nReason: x\n",
             settings: ["trailer.approved.key=Approved-by"],
             configured: [TrailerKeyConfiguration(name: "approved", key: "Approved-by")],
             expected: "Approved-by: alice\nReason: x\n"),
        Case(name: "configured name without a key is recognised but not renamed",
             message: "Title\n\nack: x\nprose\n",
             settings: ["trailer.ack.where=end"],
             configured: [TrailerKeyConfiguration(name: "ack")],
             expected: "ack: x\n"),
        Case(name: "configured key but too little of the block is trailers",
             message: "Title\n\nReason: x\np1\np2\np3\np4\n",
             settings: ["trailer.reason.key=Reason"],
             configured: [TrailerKeyConfiguration(name: "reason", key: "Reason")],
             expected: ""),
        Case(name: "no divider: a --- line is text",
             message: "Title\n\nWhy.\n\n---\n\nReason: vendor\nApproved-by: dave\n",
             noDivider: true,
             expected: "Reason: vendor\nApproved-by: dave\n"),
        Case(name: "no divider: dashes inside the block are prose",
             message: "Title\n\nReason: x\n---\nKey: y\n",
             noDivider: true,
             expected: ""),
        Case(name: "no divider: comments and scissors still count",
             message: "Title\n\nReason: x\n# ------------------------ >8 ------------------------\n---\nKey: y\n",
             noDivider: true,
             expected: "Reason: x\n"),
    ]

    @Test(arguments: cases)
    func matchesGitInterpretTrailers(_ example: Case) throws {
        let git = try runGitInterpretTrailers(example.message, settings: example.settings, noDivider: example.noDivider)
        let parser = TrailerParser(configured: example.configured, honorsPatchDivider: !example.noDivider)
        let ours = parser.parse(example.message).map { "\($0.key): \($0.value)\n" }.joined()
        #expect(ours == git, "git printed \(git.debugDescription)")
        #expect(git == example.expected, "git's own output changed; the rules may have too")
    }

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 20)
    }
}

/// Runs `git interpret-trailers --parse` with no user or system configuration.
func runGitInterpretTrailers(_ message: String, settings: [String] = [], noDivider: Bool = false) throws -> String {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("charter-trailers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + settings.flatMap { ["-c", $0] } + ["interpret-trailers", "--parse"]
        + (noDivider ? ["--no-divider"] : [])
    process.currentDirectoryURL = home
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
    environment["HOME"] = home.path
    environment["XDG_CONFIG_HOME"] = home.path
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CEILING_DIRECTORIES"] = home.deletingLastPathComponent().path
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    input.fileHandleForWriting.write(Data(message.utf8))
    try input.fileHandleForWriting.close()
    let stdout = output.fileHandleForReading.readDataToEndOfFile()
    _ = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw TrailerOracleError(description: "git interpret-trailers exited with \(process.terminationStatus)")
    }
    return String(decoding: stdout, as: UTF8.self)
}

struct TrailerOracleError: Error, CustomStringConvertible {
    var description: String
}
