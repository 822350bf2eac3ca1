import Testing
@testable import CharterCore

struct LoaderTests {
    @Test("a scalar where a mapping belongs names what was expected")
    func scalarForMapping() {
        let found = validate(["programs/demo/program.yaml": "just a sentence\n"])
        let wrongType = found.filter { $0.ruleID == RuleID.wrongType }
        #expect(wrongType.count == 1)
        #expect(wrongType.first?.message.contains("mapping") == true)
    }

    @Test("unknown keys suggest the closest known key")
    func didYouMean() {
        let found = validate(["programs/demo/milestones.yaml": "milestones:\n  - { id: M1, name: A, dependson: [] }\n"])
        #expect(found.contains { $0.ruleID == RuleID.unknownKey && $0.message.contains("did you mean 'depends_on'") })
    }

    @Test("type mismatches name the expected type")
    func expectedType() {
        let found = validate(["programs/demo/budget.yaml": "lines:\n  - { id: B1, amount: lots }\n"])
        let finding = found.first { $0.ruleID == RuleID.wrongType }
        #expect(finding?.message.contains("must be a number") == true)
        #expect(finding?.location == SourceLocation(path: "programs/demo/budget.yaml", line: 2, column: 23))
    }

    @Test("ids that look like numbers stay strings and resolve")
    func numericIDs() {
        let found = validate(["programs/demo/milestones.yaml": "milestones:\n  - { id: 0012, name: A }\n  - { id: 100mik, name: B, depends_on: [0012] }\n"])
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    @Test("an empty plan file is a warning, not a crash")
    func emptyFile() {
        let found = validate(["programs/demo/risks.yaml": ""])
        #expect(found.map(\.ruleID) == [RuleID.emptyFile])
        #expect(found.first?.severity == .warning)
    }

    @Test("a 50 MB file is refused before it is parsed")
    func hugeFile() {
        let huge = [UInt8](repeating: UInt8(ascii: "#"), count: 50 * 1024 * 1024)
        let found = validate(bytes: ["programs/demo/risks.yaml": huge])
        #expect(found.map(\.ruleID) == [RuleID.fileUnreadable])
        #expect(found.first?.message.contains("50 MiB") == true)
    }

    @Test("a folder named like a plan file is reported")
    func folderNamedLikeFile() {
        let found = validate(["programs/demo/milestones.yaml/x.yaml": "a: 1\n"])
        #expect(found.contains { $0.ruleID == RuleID.fileUnreadable && $0.location.path == "programs/demo/milestones.yaml" })
    }

    @Test("a program folder without program.yaml is reported")
    func missingProgramFile() {
        let found = validate(["programs/lost/milestones.yaml": "milestones: []\n"])
        #expect(found.contains { $0.ruleID == RuleID.missingField && $0.location.path == "programs/lost/program.yaml" })
    }

    @Test("a misspelt rule in policy.rules is reported with a suggestion")
    func unknownRuleOverride() {
        let found = validate(["charter.yaml": "version: 1\npolicy:\n  rules:\n    risk-high-without-mitigaton: error\n"])
        #expect(found.contains { $0.ruleID == RuleID.invalidValue && $0.message.contains("did you mean 'risk-high-without-mitigation'") })
    }

    @Test("severities can be raised, lowered and turned off in charter.yaml")
    func severityOverrides() {
        let risks = "risks:\n  - { id: R1, title: T, owner: erin, probability: 5, impact: 5, status: open }\n"
        #expect(validate(["programs/demo/risks.yaml": risks]).map(\.severity) == [.warning])
        let raised = validate(["programs/demo/risks.yaml": risks,
                               "charter.yaml": "version: 1\npolicy:\n  rules:\n    risk-high-without-mitigation: error\n"])
        #expect(raised.map(\.severity) == [.error])
        let off = validate(["programs/demo/risks.yaml": risks,
                            "charter.yaml": "version: 1\npolicy:\n  rules:\n    risk-high-without-mitigation: off\n"])
        #expect(off.isEmpty)
    }

    @Test("a cycle across programs prints its path")
    func crossProgramCycle() {
        let found = validate([
            "programs/demo/milestones.yaml": "milestones:\n  - { id: M1, name: A, depends_on: [identity/M3] }\n",
            "programs/identity/milestones.yaml": "milestones:\n  - { id: M3, name: B, depends_on: [demo/M1] }\n",
        ])
        let cycle = found.first { $0.ruleID == "dependency-cycle" }
        #expect(cycle?.message.contains("demo/M1 → identity/M3 → demo/M1") == true)
        #expect(cycle?.notes.count == 1)
    }

    @Test("a long dependency chain is checked without recursion")
    func longChain() {
        var text = "milestones:\n  - { id: M0, name: start }\n"
        for index in 1..<20_000 { text += "  - { id: M\(index), name: step, depends_on: [M\(index - 1)] }\n" }
        let found = validate(["programs/demo/milestones.yaml": text])
        #expect(found.isEmpty)
    }
}
