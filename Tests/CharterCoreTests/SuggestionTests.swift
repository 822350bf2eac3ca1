import CharterCore
import Testing

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("dat", ["id", "name", "date", "status"], "date"),        // a short key missing a letter
        ("plannd", ["planned", "at-risk", "done"], "planned"),    // an enum value
        ("m2", ["M1", "M2", "M10"], "M2"),                        // a short id: only case
        ("M3", ["M1", "M2", "M10"], nil),                         // ids one apart are different ids
        ("M1", ["M10"], nil),                                     // and so are ids one letter longer
        ("ownr", ["owner", "sponsor"], "owner"),
        ("budget_totl", ["budget", "total"], nil),                // too far from anything
    ] as [(String, [String], String?)])
    func closestIsALikelyTypoOnly(word: String, candidates: [String], expected: String?) {
        #expect(Suggestion.closest(to: word, in: candidates) == expected)
        #expect(Suggestion.didYouMean(word, in: candidates) == (expected.map { "; did you mean '\($0)'?" } ?? ""))
    }

    @Test("of equally close candidates the first in alphabetical order wins, in whatever order they come")
    func tiesDoNotDependOnOrder() {
        // Each is three edits from `rina.campbell`: a set of them iterates in an order of its own.
        let tied = ["sean.campbell", "alan.campbell"]
        #expect(Suggestion.closest(to: "rina.campbell", in: tied) == "alan.campbell")
        #expect(Suggestion.closest(to: "rina.campbell", in: tied.reversed()) == "alan.campbell")
        #expect(Suggestion.closest(to: "rina.campbell", in: Set(tied)) == "alan.campbell")
        // A closer candidate still wins over an alphabetically earlier one.
        #expect(Suggestion.closest(to: "rina.campbell", in: tied + ["rina.campbel"]) == "rina.campbel")
    }
}
