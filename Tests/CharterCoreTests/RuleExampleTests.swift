import Testing
@testable import CharterCore

/// Every rule's examples are its specification: triggering ones must produce findings exactly
/// where `↓` points, non-triggering ones none at all.
struct RuleExampleTests {
    static let rules: [String] = RuleRegistry.all.map(\.description.id)

    static func findings(of ruleID: String, in example: RuleExample) -> [Diagnostic] {
        let load = WorkspaceLoader.load(from: example.source)
        return Validator.validate(load, asOf: example.asOf).filter { $0.ruleID == ruleID }
    }

    @Test("triggering examples point where the marks do", arguments: rules)
    func triggering(ruleID: String) {
        let description = RuleRegistry.rule(id: ruleID)!.description
        #expect(!description.triggeringExamples.isEmpty, "\(ruleID) needs a triggering example")
        for example in description.triggeringExamples {
            let found = Self.findings(of: ruleID, in: example).map(\.location).sorted()
            #expect(!example.markedLocations.isEmpty, "\(ruleID): a triggering example needs a ↓ mark")
            #expect(found == example.markedLocations, "\(ruleID): \(example.files.map(\.text))")
        }
    }

    @Test("non-triggering examples find nothing", arguments: rules)
    func nonTriggering(ruleID: String) {
        let description = RuleRegistry.rule(id: ruleID)!.description
        #expect(!description.nonTriggeringExamples.isEmpty, "\(ruleID) needs a non-triggering example")
        for example in description.nonTriggeringExamples {
            let found = Self.findings(of: ruleID, in: example)
            #expect(found.isEmpty, "\(ruleID): \(found.map { "\($0.location): \($0.message)" })")
        }
    }

    @Test("the base workspace the examples build on is clean")
    func baseIsClean() {
        let example = RuleExample([])
        let diagnostics = Validator.validate(WorkspaceLoader.load(from: example.source), asOf: example.asOf)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    }

    @Test("rule ids are unique, kebab-case, and summaries are one sentence")
    func catalogueShape() {
        let ids = RuleRegistry.all.map(\.description.id)
        #expect(Set(ids).count == ids.count)
        for rule in RuleRegistry.all {
            let description = rule.description
            #expect(description.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(description.id)")
            #expect(description.summary.hasSuffix("."), "\(description.id)")
            #expect(!description.summary.contains("\n"), "\(description.id)")
        }
    }
}
