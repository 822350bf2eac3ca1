import CharterCore
import CharterGit
import Foundation
import Testing

/// `CommitMessage` on real commits, checked against git's own reading of the same commit:
/// `%s` for the title and `%(trailers:only,unfold)` for the trailers (git's trailer code
/// again, this time on a stored message), and against libgit2's summary.
@Suite struct CommitMessageGitTests {
    static let messages = [
        "Slip M2 to May\n\nVendor moved.\n\nReason: vendor delay\nApproved-by: Dave Kim <dave@example.com>\n",
        "Title spread\nover two lines\n\nBody.\n",
        "Squeeze   inner   spaces\n",
        "Title\n\nReason: first line\n  continued here\nSigned-off-by: Alice Ng <alice@example.com>\n",
        "Title\n\nprose one\nprose two\nSigned-off-by: A <a@x>\n",
        "Title\n\nReason: kept?\n---\ndiff --git a/x b/x\n",
        "Merge pull request #4 from acme/topic\n\nSlip the beta\n\nReason: vendor\n",
        "Title (#12)\n\n* one\n\nReason: a\n\n* two\n\nApproved-by: b\n",
        "Title\r\n\r\nReason: crlf\r\n",
        "Title\n\n# a comment kept verbatim\nReason: x\n",
        "Squash (#3)\n\nWhy.\n\n---\n\nReason: vendor\nApproved-by: dave\n",
    ]

    @Test func agreesWithGitOnRealCommits() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let repository = try Repository.open(at: repo)
            for (index, text) in Self.messages.enumerated() {
                let file = fixture.path("message-\(index).txt")
                try Data(text.utf8).write(to: URL(fileURLWithPath: file))
                try fixture.git(["commit", "--quiet", "--allow-empty", "--cleanup=verbatim", "-F", file], in: repo)
                let info = try repository.commit("HEAD")
                #expect(info.message == text)

                let message = CommitMessage(info.message)
                #expect(message.summary == info.summary, "libgit2's summary of message \(index)")
                #expect(message.summary == (try fixture.git(["log", "-1", "--format=%s"], in: repo)), "git's %s of message \(index)")

                let gitTrailers = try fixture.git(["log", "-1", "--format=%(trailers:only,unfold)"], in: repo)
                let ours = message.trailers.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
                #expect(ours == gitTrailers, "trailers of message \(index)")
            }
        }
    }
}
