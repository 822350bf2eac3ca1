@testable import CharterLanguageServer
import Foundation
import CharterCore
import Testing

@Suite struct EditorWorkspaceTests {
    static let files: [String: String] = [
        "charter.yaml": "version: 1\n",
        "people.yaml": "people:\n  - { id: alice, name: Alice }\n  - { id: bob, name: Bob }\n",
        "programs/one/program.yaml": "id: one\nname: One\nowner: alice\nstatus: active\nstart: 2026-01-05\n"
            + "allocations:\n  - { person: bob, percent: 60 }\n",
        "programs/one/milestones.yaml": "milestones:\n  - { id: M1, name: A, date: 2026-02-01 }\n  - { id: M2, name: B, date: 2026-03-01, depends_on: [M1, two/M1] }\n",
        "programs/two/program.yaml": "id: two\nname: Two\nowner: bob\nstatus: active\nstart: 2026-01-05\n"
            + "allocations:\n  - { person: bob, percent: 30 }\n",
        "programs/two/milestones.yaml": "milestones:\n  - { id: M1, name: C, date: 2026-01-20 }\n",
    ]
    static let asOf = PlanDate("2026-01-10")!

    /// What a full, from-scratch validation of the same texts finds.
    private func fullValidation(_ files: [String: String]) -> [Diagnostic] {
        Validator.validate(WorkspaceLoader.load(from: InMemoryPlanSource(files: files)), asOf: Self.asOf)
    }

    private func incremental(_ workspace: EditorWorkspace) -> [Diagnostic] {
        workspace.refresh()
        return Validator.validate(workspace.current, asOf: Self.asOf)
    }

    @Test func editsReReadOneUnitAndFindWhatAFullLoadFinds() {
        let workspace = EditorWorkspace(root: "/ws", disk: InMemoryPlanSource(files: Self.files))
        #expect(incremental(workspace) == fullValidation(Self.files))
        #expect(incremental(workspace).isEmpty)

        // Rename two/M1 in an open buffer: one's reference breaks, in a file not open.
        var edited = Self.files
        edited["programs/two/milestones.yaml"] = "milestones:\n  - { id: M9, name: C, date: 2026-01-20 }\n"
        workspace.open("programs/two/milestones.yaml", TextDocument(edited["programs/two/milestones.yaml"]!))
        let broken = incremental(workspace)
        #expect(broken == fullValidation(edited))
        #expect(broken.map(\.location.path) == ["programs/one/milestones.yaml"])

        // Over-allocation across programs appears from an edit in one of them.
        workspace.open("programs/two/program.yaml", TextDocument(Self.files["programs/two/program.yaml"]!.replacingPercent(30, with: 50)))
        edited["programs/two/program.yaml"] = Self.files["programs/two/program.yaml"]!.replacingPercent(30, with: 50)
        #expect(incremental(workspace) == fullValidation(edited))
        #expect(incremental(workspace).contains { $0.ruleID == "over-allocation" })

        // Closing the buffers brings back the files on disk.
        workspace.close("programs/two/milestones.yaml")
        workspace.close("programs/two/program.yaml")
        #expect(incremental(workspace).isEmpty)
    }

    @Test func aBrokenBufferKeepsTheLastGoodModelForNavigation() {
        let workspace = EditorWorkspace(root: "/ws", disk: InMemoryPlanSource(files: Self.files))
        workspace.refresh()
        workspace.open("programs/one/milestones.yaml", TextDocument("milestones:\n  - { id: M1, name: A\n"))
        let diagnostics = incremental(workspace)
        #expect(diagnostics.contains { $0.ruleID == RuleID.yamlSyntax && $0.location.path == "programs/one/milestones.yaml" })
        #expect(workspace.current.workspace.program("one")?.milestones.isEmpty == true)
        #expect(workspace.navigation.program("one")?.milestones.map(\.id.value) == ["M1", "M2"])
    }

    @Test func aNewProgramInAnUnsavedBufferJoinsTheWorkspace() {
        let workspace = EditorWorkspace(root: "/ws", disk: InMemoryPlanSource(files: Self.files))
        workspace.refresh()
        let text = "id: three\nname: Three\nowner: carol\nstatus: active\nstart: 2026-01-05\n"
        workspace.open("programs/three/program.yaml", TextDocument(text))
        var files = Self.files
        files["programs/three/program.yaml"] = text
        let diagnostics = incremental(workspace)
        #expect(diagnostics == fullValidation(files))
        #expect(diagnostics.contains { $0.ruleID == "unknown-person" })
        #expect(workspace.current.workspace.programs.map(\.folder) == ["one", "three", "two"])
    }
}

private extension String {
    func replacingPercent(_ old: Int, with new: Int) -> String {
        replacingOccurrences(of: "percent: \(old)", with: "percent: \(new)")
    }
}
