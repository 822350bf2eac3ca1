import Foundation
import Testing

/// A mistyped key, enum value or id gets "did you mean …?" in the message, and the name it
/// probably meant as `suggestion` in JSON and in SARIF's result properties.
@Suite struct DidYouMeanTests {
    let asOf = ["--as-of", "2026-03-01"]
    static let typos = """
    milestones:
      - { id: M1, name: Design, dat: 2026-02-01, status: done, done_on: 2026-02-01 }
      - { id: M2, name: Beta, date: 2026-05-01, status: plannd, depends_on: [M1] }
      - { id: M3, name: GA, date: 2026-06-01, depends_on: [m2] }

    """

    @Test func typosGetASuggestionInEveryFormat() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(["programs/pay/milestones.yaml": Self.typos])

        let text = try Run.charter(["validate"] + asOf, in: fixture.path)
        #expect(text.status == 1)
        #expect(text.stdout.contains("unknown key 'dat' in milestone M1; did you mean 'date'?"), "\(text.stdout)")
        #expect(text.stdout.contains("is 'plannd'; expected"), "\(text.stdout)")
        #expect(text.stdout.contains("did you mean 'planned'?"), "\(text.stdout)")
        #expect(text.stdout.contains("did you mean 'M2'?"), "\(text.stdout)")

        let json = try Run.charter(["validate", "--format", "json"] + asOf, in: fixture.path)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        let suggestions = Set(diagnostics.compactMap { $0["suggestion"] as? String })
        #expect(suggestions.isSuperset(of: ["date", "planned", "M2"]), "\(json.stdout)")
        // Findings that are not about a name have no such key.
        #expect(diagnostics.contains { $0["suggestion"] == nil } || diagnostics.allSatisfy { $0["suggestion"] != nil })

        let sarif = try Run.charter(["validate", "--format", "sarif"] + asOf, in: fixture.path)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        let sarifSuggestions = Set(results.compactMap { ($0["properties"] as? [String: Any])?["suggestion"] as? String })
        #expect(sarifSuggestions.isSuperset(of: ["date", "planned", "M2"]), "\(sarif.stdout)")
        let keyResult = try #require(results.first { ($0["properties"] as? [String: Any])?["suggestion"] as? String == "date" })
        let message = try #require((keyResult["message"] as? [String: Any])?["text"] as? String)
        #expect(message.contains("did you mean 'date'?"))
    }

    @Test func findingsWithoutALikelyNameHaveNoSuggestionKey() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(["programs/pay/milestones.yaml": Samples.brokenMilestones])
        let json = try Run.charter(["validate", "--format", "json"] + asOf, in: fixture.path)
        #expect(!json.stdout.contains("\"suggestion\""))
    }
}
