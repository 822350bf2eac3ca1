import Testing
@testable import CharterCore

/// The loader reads, parses and builds one program folder per task on every core: whatever the
/// order the tasks finish in, the workspace and its findings come out in folder and file order.
struct ParallelLoadingTests {
    /// A source whose listed file `unreadable` cannot be read, as a damaged object or a
    /// permission problem would make it.
    struct FailingSource: PlanSource {
        var files: InMemoryPlanSource
        var unreadable: String
        var sourceDescription: String { "test" }

        func entries(in directory: String) throws -> [SourceEntry]? { files.entries(in: directory) }

        func contents(of path: String) throws -> [UInt8] {
            if path == unreadable { throw PlanSourceError.unreadable(path, reason: "permission denied") }
            return try files.contents(of: path)
        }
    }

    static func program(_ index: Int) -> [String: String] {
        let folder = "p\(index)"
        return [
            "programs/\(folder)/program.yaml": "id: \(folder)\nname: Program \(index)\nowner: alice\nstatus: active\nstart: 2026-01-01\n",
            "programs/\(folder)/milestones.yaml": "milestones:\n"
                + (1...index % 5 + 1).map { "  - { id: M\($0), name: Step \($0), date: 2026-0\($0)-10 }\n" }.joined(),
        ]
    }

    @Test("forty program folders load in folder order, with findings in file order, as each loads alone")
    func manyFolders() {
        var files: [String: String] = ["people.yaml": "people:\n  - { id: alice, name: Alice }\n"]
        for index in 0..<40 { files.merge(Self.program(index)) { $1 } }
        files["programs/p7/milestones.yaml"] = "milestones:\n  - { id: M1, name: [unclosed\n"
        let source = FailingSource(files: InMemoryPlanSource(files: files), unreadable: "programs/p23/program.yaml")

        let load = WorkspaceLoader.load(from: source)
        let folders = load.workspace.programs.map(\.folder)
        #expect(folders == folders.sorted() && folders.count == 40)
        #expect(load.workspace.people.map(\.id.value) == ["alice"])
        #expect(load.workspace.planFiles.first == "people.yaml")
        #expect(load.workspace.planFiles.count == 81)
        #expect(load.findings[RuleID.fileUnreadable]?.map(\.location.path) == ["programs/p23/program.yaml"])
        #expect(load.findings[RuleID.yamlSyntax]?.map(\.location.path) == ["programs/p7/milestones.yaml"])
        #expect(load.workspace.program("p23")?.hasProgramFile == false)
        #expect(load.workspace.program("p7")?.milestones.isEmpty == true)

        for program in load.workspace.programs where !["p7", "p23"].contains(program.folder) {
            let index = Int(program.folder.dropFirst())!
            let alone = WorkspaceLoader.load(from: InMemoryPlanSource(files: Self.program(index))).workspace.programs
            #expect(alone == [program])
        }
    }
}
