import CharterCore
import Testing

@Suite struct TrailerMessageTests {
    @Test func splitsTitleBodyAndTrailers() {
        let message = CommitMessage("""
            Slip M2 Beta to May 15

            The vendor moved their certification window.
            We wait for it.

            Reason: vendor SDK certification slipped
            Approved-by: Dave Kim <dave@example.com>

            """)
        #expect(message.summary == "Slip M2 Beta to May 15")
        #expect(message.body == "The vendor moved their certification window.\nWe wait for it.")
        #expect(message.trailers == [
            Trailer(key: "Reason", value: "vendor SDK certification slipped"),
            Trailer(key: "Approved-by", value: "Dave Kim <dave@example.com>"),
        ])
        #expect(message.reason == "vendor SDK certification slipped")
    }

    @Test func reasonFallsBackToTheBody() {
        let message = CommitMessage("Add risk R7\n\nThe vendor may not certify in time.\n\nApproved-by: dave\n")
        #expect(message.reason == "The vendor may not certify in time.")
        #expect(message.values(for: "approved-BY") == ["dave"])
    }

    @Test func noReasonWithoutBodyOrTrailer() {
        #expect(CommitMessage("Tidy milestones\n").reason == nil)
        #expect(CommitMessage("Tidy milestones\n\nApproved-by: dave\n").reason == nil)
        #expect(CommitMessage("Tidy milestones\n\nApproved-by: dave\n").body == "")
    }

    @Test func severalReasonTrailersAreJoinedAndKeysIgnoreCase() {
        let message = CommitMessage("T\n\nreason: one\nREASON: two\nReason:\n")
        #expect(message.reason == "one\ntwo")
    }

    @Test func titleParagraphIsSquashedLikeGit() {
        // git_commit_summary: a whitespace run holding a line break becomes one space.
        let message = CommitMessage("\n\n  Move  M3\n   to June  \n\nBody\n")
        #expect(message.summary == "Move  M3 to June")
        #expect(message.body == "Body")
    }

    @Test func bodyStopsAtThePatchAndComments() {
        let message = CommitMessage("Title\n\nWhy.\n---\n diff\n", parser: .interpretTrailers)
        #expect(message.body == "Why.")
        #expect(message.trailers.isEmpty)
        let commented = CommitMessage("Title\n\nWhy.\n\n# Please enter the commit message\n")
        #expect(commented.body == "Why.")
    }

    @Test func bodyKeepsProseThatIsNotATrailerBlock() {
        // Mixed prose and a trailer, with nothing git generated: no trailer block at all.
        let message = CommitMessage("Title\n\nReason: this looks like one\nbut prose follows\n")
        #expect(message.trailers.isEmpty)
        #expect(message.body == "Reason: this looks like one\nbut prose follows")
        #expect(message.reason == "Reason: this looks like one\nbut prose follows")
    }

    @Test func blockReportsNonTrailerLinesAndOffsets() {
        let text = "Title\n\nBody\n\n(cherry picked from commit abc)\nReason: x\n"
        let block = TrailerParser.interpretTrailers.block(in: text)
        #expect(block.trailers == [Trailer(key: "Reason", value: "x")])
        #expect(block.otherLines == ["(cherry picked from commit abc)"])
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[block.start..<block.end], as: UTF8.self) == "(cherry picked from commit abc)\nReason: x\n")
        #expect(!block.isEmpty)
        #expect(TrailerParser.interpretTrailers.block(in: "Title only\n").isEmpty)
    }

    @Test func noDividerOptionSearchesPastDashes() {
        // As `git interpret-trailers --parse --no-divider` reads it.
        let message = "Title\n\nBody\n---\n\nReason: x\n"
        #expect(TrailerParser.interpretTrailers.parse(message).isEmpty)
        #expect(TrailerParser(honorsPatchDivider: false).parse(message) == [Trailer(key: "Reason", value: "x")])
    }

    @Test func storedCommitsHaveNoPatchDivider() {
        // A Markdown rule in a squash message: git log's %(trailers) still sees the trailers.
        let text = "Slip M2 (#12)\n\nWhy.\n\n---\n\nReason: vendor\nApproved-by: dave\n"
        let message = CommitMessage(text)
        #expect(message.trailers == [Trailer(key: "Reason", value: "vendor"), Trailer(key: "Approved-by", value: "dave")])
        #expect(message.body == "Why.\n\n---")
        #expect(CommitMessage(text, parser: .interpretTrailers).trailers.isEmpty)
    }

    @Test func otherCommentCharacter() {
        let message = "Title\n\nReason: x\n; a comment\n"
        #expect(TrailerParser.interpretTrailers.parse(message).isEmpty)
        #expect(TrailerParser(commentCharacter: ";").parse(message) == [Trailer(key: "Reason", value: "x")])
    }
}

@Suite struct TrailerIdentityTests {
    @Test(arguments: [
        ("Dave Kim <dave@example.com>", "Dave Kim", "dave@example.com", nil),
        ("  \"Kim, Dave\"  <dave@example.com> ", "Kim, Dave", "dave@example.com", nil),
        ("<dave@example.com>", nil, "dave@example.com", nil),
        ("dave@example.com", nil, "dave@example.com", nil),
        ("dave", "dave", nil, nil),
        ("Dave Kim", "Dave Kim", nil, nil),
        ("Dave Kim <dave@example.com> (sponsor)", "Dave Kim", "dave@example.com", "(sponsor)"),
        ("Zoë Ångström <zoe@example.com>", "Zoë Ångström", "zoe@example.com", nil),
    ] as [(String, String?, String?, String?)])
    func parsesNameAndAddress(_ value: String, _ name: String?, _ email: String?, _ comment: String?) throws {
        let identity = try #require(PersonIdentity(parsing: value))
        #expect(identity.name == name)
        #expect(identity.email == email)
        #expect(identity.comment == comment)
    }

    @Test(arguments: ["", "   ", "Dave <dave@example.com", "<>"])
    func rejectsWhatNamesNobody(_ value: String) {
        #expect(PersonIdentity(parsing: value) == nil)
    }
}

@Suite struct TrailerPullRequestTests {
    @Test(arguments: [
        ("Merge pull request #12 from acme/slip-m2\n\nSlip M2\n", 12, PullRequestReference.Source.githubMerge),
        ("Merge branch 'slip' into 'main'\n\nSlip M2\n\nSee merge request payments/plans!34\n", 34, .gitlabMerge),
        ("Merged in slip-m2 (pull request #56)\n\nSlip M2\n", 56, .bitbucketMerge),
        ("Slip M2 to May (#123)\n", 123, .squashTitle),
        ("Slip M2 to May (#123)\n\n* one\n* two\n", 123, .squashTitle),
        ("Slip M2\n\nPR: #7\n", 7, .trailer),
        ("Slip M2\n\nPull-Request: 8\n", 8, .trailer),
        ("Slip M2\n\nPR-URL: https://github.com/acme/plans/pull/9\n", 9, .trailer),
        ("Slip M2\n\nMerge-Request: https://gitlab.com/acme/plans/-/merge_requests/10\n", 10, .trailer),
        ("Slip M2\n\nPR: acme/plans#11\n", 11, .trailer),
        ("Slip M2\n\nRefs: #12\n", 12, .reference),
        ("Slip M2 (#5)\n\nPR: #6\n", 6, .trailer),
        ("Merge pull request #1 from a/b\n\nTitle (#2)\n", 1, .githubMerge),
    ] as [(String, Int, PullRequestReference.Source)])
    func findsTheNumber(_ message: String, _ number: Int, _ source: PullRequestReference.Source) throws {
        let found = try #require(PullRequestReference.find(in: message))
        #expect(found.number == number)
        #expect(found.source == source)
    }

    @Test(arguments: [
        "Slip M2\n",
        "Bump budget by 5% (approx)\n",
        "Fix #12 in title but not a squash\n",
        "Slip M2\n\nRefs: 12\n",  // a bare number under Refs: could be anything
        "Slip M2\n\nRefs: https://github.com/acme/plans/issues/12\n",
        "Slip M2 (#)\n",
        "Merge pull request from nowhere\n",
    ])
    func findsNothingWhereNoneIsNamed(_ message: String) {
        #expect(PullRequestReference.find(in: message) == nil)
    }
}
