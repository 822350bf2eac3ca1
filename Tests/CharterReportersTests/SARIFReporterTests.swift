import CharterCore
import Foundation
import Testing
@testable import CharterReporters

@Suite struct SARIFReporterTests {
    private func log(_ report: ValidationReport = Samples.report, context: ReportContext = Samples.context) throws -> [String: Any] {
        try #require(try Samples.parse(Samples.render(.sarif, report, context: context)) as? [String: Any])
    }

    private func run(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    private func results(_ log: [String: Any]) throws -> [[String: Any]] {
        try #require(try run(log)["results"] as? [[String: Any]])
    }

    private func rules(_ log: [String: Any]) throws -> [[String: Any]] {
        let tool = try #require(try run(log)["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        return try #require(driver["rules"] as? [[String: Any]])
    }

    private func fingerprints(_ log: [String: Any]) throws -> [String] {
        try results(log).map { result in
            let prints = try #require(result["partialFingerprints"] as? [String: String])
            return try #require(prints[SARIFReporter.fingerprintKey])
        }
    }

    /// Every `region` anywhere in the document.
    private func regions(in value: Any) -> [[String: Any]] {
        if let object = value as? [String: Any] {
            let own = (object["region"] as? [String: Any]).map { [$0] } ?? []
            return own + object.values.flatMap(regions(in:))
        }
        if let array = value as? [Any] { return array.flatMap(regions(in:)) }
        return []
    }

    @Test func describesTheToolAndEveryRule() throws {
        let log = try log()
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let tool = try #require(try run(log)["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "charter")
        #expect(driver["version"] as? String == "1.2.3")
        #expect(driver["informationUri"] as? String == SARIFReporter.informationURI)

        let rules = try rules(log)
        #expect(rules.map { $0["id"] as? String } == ["yaml-syntax", "unknown-reference", "budget-over-total"])
        let budget = rules[2]
        #expect(budget["name"] as? String == "Budget over total")
        #expect((budget["shortDescription"] as? [String: Any])?["text"] as? String == "Budget lines must not add up to more than the total.")
        #expect((budget["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        #expect(((budget["help"] as? [String: Any])?["text"] as? String)?.hasPrefix("Budget lines must not") == true)
        #expect((rules[0]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
    }

    @Test func resultsPointAtTheirRuleAndRepositoryRelativeURIs() throws {
        let log = try log()
        let rules = try rules(log)
        let results = try results(log)
        #expect(results.count == 2)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules.indices.contains(index))
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        #expect(results.map { $0["ruleIndex"] as? Int } == [1, 2])

        let error = results[0]
        #expect(error["level"] as? String == "error")
        #expect(results[1]["level"] as? String == "warning")
        let message = try #require((error["message"] as? [String: Any])?["text"] as? String)
        #expect(message == """
            M2 depends on M9, which does not exist
            note: M2 is defined here (plans/x/programs/acme pay/milestones.yaml:10:5)
            note: ids are case-sensitive
            """)
        #expect((results[1]["message"] as? [String: Any])?["text"] as? String == Samples.trickyMessage)

        let location = try #require((error["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "plans/x/programs/acme%20pay/milestones.yaml")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 12)
        #expect(region["startColumn"] as? Int == 5)

        // Only the note with a location becomes a related location.
        let related = try #require(error["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related[0]["id"] as? Int == 1)
        #expect((related[0]["message"] as? [String: Any])?["text"] as? String == "M2 is defined here")
        let relatedRegion = try #require((related[0]["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
        #expect(relatedRegion["startLine"] as? Int == 10)
        #expect(results[1]["relatedLocations"] == nil)
    }

    @Test func everyRegionStartsAtLineAndColumnOneOrLater() throws {
        var location = SourceLocation(path: "programs/demo/program.yaml")
        location.position.line = 0        // bypass TextPosition's clamping, as a careless caller might
        location.position.column = -3
        var noteLocation = SourceLocation(path: "people.yaml")
        noteLocation.position.line = -1
        noteLocation.position.column = 0
        let report = ValidationReport(diagnostics: [
            Diagnostic(ruleID: "yaml-syntax", severity: .error, location: location, message: "bad",
                       notes: [Diagnostic.Note("here", at: noteLocation)]),
            Samples.unknownReference(),
            Samples.budgetWarning(),
        ])
        let regions = regions(in: try log(report))
        #expect(regions.count == 5)
        for region in regions {
            #expect((region["startLine"] as? Int ?? 0) >= 1)
            #expect((region["startColumn"] as? Int ?? 0) >= 1)
        }
    }

    @Test func fingerprintsIgnoreLinesButSeparateIdenticalFindings() throws {
        let before = try fingerprints(try log(ValidationReport(diagnostics: [Samples.unknownReference(line: 12)])))
        let after = try fingerprints(try log(ValidationReport(diagnostics: [Samples.unknownReference(line: 40)])))
        #expect(before == after)
        #expect(before.first?.hasSuffix(":1") == true)

        let twice = try fingerprints(try log(ValidationReport(diagnostics: [
            Samples.unknownReference(line: 12), Samples.unknownReference(line: 30),
        ])))
        #expect(twice.count == 2)
        #expect(Set(twice).count == 2)
        #expect(twice[0] == before[0])

        // The identity is rule, repository-relative path and message.
        var moved = Samples.unknownReference()
        moved.location.path = "programs/other/milestones.yaml"
        var reworded = Samples.unknownReference()
        reworded.message += "!"
        var otherPrefix = Samples.context
        otherPrefix.pathPrefix = "plans/y"
        let others = [
            try fingerprints(try log(ValidationReport(diagnostics: [moved]))),
            try fingerprints(try log(ValidationReport(diagnostics: [reworded]))),
            try fingerprints(try log(ValidationReport(diagnostics: [Samples.unknownReference()]), context: otherPrefix)),
        ]
        for other in others {
            #expect(other != before)
        }
        // Hex hash, then the occurrence.
        #expect(before[0].wholeMatch(of: /[0-9a-f]{16}:1/) != nil)
    }

    @Test func stableHashIsFNV1a64() {
        // Published FNV-1a 64-bit test vectors.
        #expect(StableHash.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
        #expect(StableHash.hex("") == "cbf29ce484222325")
    }

    @Test func ruleMissingFromTheContextStillGetsADescriptor() throws {
        let report = ValidationReport(diagnostics: [
            Diagnostic(ruleID: "brand-new-rule", severity: .warning,
                       location: SourceLocation(path: "people.yaml", line: 1, column: 1), message: "new"),
        ])
        let log = try log(report)
        let rules = try rules(log)
        #expect(rules.count == Samples.rules.count + 1)
        let result = try #require(try results(log).first)
        let index = try #require(result["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == "brand-new-rule")
    }

    @Test func duplicateRulesInTheContextAreListedOnce() throws {
        let context = ReportContext(rules: Samples.rules + Samples.rules)
        let rules = try rules(try log(context: context))
        #expect(rules.count == Samples.rules.count)
    }

    @Test func percentEncodesPaths() {
        #expect("plans/acme pay/a.yaml".percentEncodedPath == "plans/acme%20pay/a.yaml")
        #expect("a%b#c?d:e,f[g].yaml".percentEncodedPath == "a%25b%23c%3Fd%3Ae%2Cf%5Bg%5D.yaml")
        #expect("café/ü.yaml".percentEncodedPath == "caf%C3%A9/%C3%BC.yaml")
        #expect("A-z_0.9~/x".percentEncodedPath == "A-z_0.9~/x")
    }

    @Test func emptyReportHasNoResultsButAllRules() throws {
        let log = try log(Samples.empty)
        #expect(try results(log).isEmpty)
        #expect(try rules(log).count == Samples.rules.count)
    }
}
