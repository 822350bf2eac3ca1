import CharterCore
import Foundation
import Testing
@testable import CharterReporters

@Suite struct JSONReporterTests {
    @Test func hasTheBriefsShape() throws {
        let output = Samples.render(.json)
        let root = try #require(try Samples.parse(output) as? [String: Any])
        #expect(Set(root.keys) == ["diagnostics", "summary"])

        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["warnings"] as? Int == 1)

        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        for entry in diagnostics {
            #expect(Set(entry.keys) == ["rule", "severity", "path", "line", "column", "message", "notes"])
        }

        let error = diagnostics[0]
        #expect(error["rule"] as? String == "unknown-reference")
        #expect(error["severity"] as? String == "error")
        #expect(error["path"] as? String == Samples.spacedPath)
        #expect(error["line"] as? Int == 12)
        #expect(error["column"] as? Int == 5)
        #expect(error["message"] as? String == "M2 depends on M9, which does not exist")
        let notes = try #require(error["notes"] as? [[String: Any]])
        #expect(notes.count == 2)
        #expect(Set(notes[0].keys) == ["message", "path", "line", "column"])
        #expect(notes[0]["message"] as? String == "M2 is defined here")
        #expect(notes[0]["path"] as? String == Samples.spacedPath)
        #expect(notes[0]["line"] as? Int == 10)
        #expect(notes[0]["column"] as? Int == 5)
        #expect(Set(notes[1].keys) == ["message"])

        let warning = diagnostics[1]
        #expect(warning["severity"] as? String == "warning")
        #expect(warning["message"] as? String == Samples.trickyMessage)
        #expect((warning["notes"] as? [Any])?.isEmpty == true)
    }

    @Test func isPrettySortedAndKeepsSlashes() {
        let output = Samples.render(.json)
        #expect(output.hasSuffix("}\n"))
        #expect(output.contains("\n  \"diagnostics\""))
        #expect(output.contains("\"path\" : \"programs/acme pay/milestones.yaml\"") || output.contains("\"path\": \"programs/acme pay/milestones.yaml\""))
        #expect(!output.contains("\\/"))
        let column = output.range(of: "\"column\"")!.lowerBound
        let rule = output.range(of: "\"rule\"")!.lowerBound
        #expect(column < rule)
    }

    @Test func emptyReport() throws {
        let root = try #require(try Samples.parse(Samples.render(.json, Samples.empty)) as? [String: Any])
        #expect((root["diagnostics"] as? [Any])?.isEmpty == true)
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 0)
        #expect(summary["warnings"] as? Int == 0)
    }
}
