import Foundation
import Testing
@testable import CharterCore

/// A history walk parses each plan file once and hands the parsed parts to the loader, which
/// puts each program together from them: that must give the program, and the findings, that
/// reading and parsing the files gives.
struct ProgramFilePartTests {
    /// The bundled example's plans after its last step (each step holds the files it changes).
    static func exampleFiles() throws -> [String: String] {
        let steps = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/acme/steps")
        var files: [String: String] = [:]
        for step in try FileManager.default.contentsOfDirectory(atPath: steps.path).sorted() {
            let folder = steps.appendingPathComponent(step)
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".yaml") {
                files[path] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            }
        }
        return files
    }

    static func loadThroughParts(_ files: [String: String]) -> LoadResult {
        var parts: [String: ProgramFilePart] = [:]
        for (path, text) in files { parts[path] = ProgramFilePart(Array(text.utf8), path: path) }
        let given = parts
        return WorkspaceLoader.load(from: InMemoryPlanSource(files: files), parsed: { given[$0] })
    }

    @Test("the example's programs, every kind of file, come out the same from parts")
    func example() throws {
        let files = try Self.exampleFiles()
        let kinds = Set(files.keys.compactMap { path in PlanFileKind.classify(path).map(\.kind) })
        let programKinds = PlanFileKind.programFiles.filter { $0 != .lessons }
        #expect(kinds.isSuperset(of: programKinds))
        let plain = WorkspaceLoader.load(from: InMemoryPlanSource(files: files))
        let built = Self.loadThroughParts(files)
        #expect(!plain.workspace.programs.isEmpty)
        #expect(built.workspace == plain.workspace)
        #expect(built.findings == plain.findings)
    }

    @Test("syntax errors, schema findings and a missing program.yaml are found the same from parts")
    func findings() throws {
        var files = try Self.exampleFiles()
        let folders = files.keys.compactMap { path in PlanFileKind.classify(path)?.programFolder }.sorted()
        let folder = try #require(folders.first)
        files["programs/\(folder)/risks.yaml"] = "risks:\n  - { id: R1, title: [unclosed\n"
        files["programs/\(folder)/budget.yaml"] = "lines:\n  - { id: B1, amount: lots }\n"
        files["programs/orphan/milestones.yaml"] = "milestones:\n  - { id: M1, name: Alone, date: 2026-03-01 }\n"
        let plain = WorkspaceLoader.load(from: InMemoryPlanSource(files: files))
        let built = Self.loadThroughParts(files)
        #expect(plain.findings[RuleID.yamlSyntax]?.count == 1)
        #expect(built.workspace == plain.workspace)
        #expect(built.findings == plain.findings)
    }

    @Test("one part per path: the same bytes in two programs give each its own locations")
    func sameBytesTwoPrograms() {
        let text = "milestones:\n  - { id: M1, name: Design, date: 2026-03-01 }\n"
        let one = ProgramFilePart(Array(text.utf8), path: "programs/a/milestones.yaml")
        let two = ProgramFilePart(Array(text.utf8), path: "programs/b/milestones.yaml")
        var a = Program(folder: "a"), b = Program(folder: "b")
        a.adopt(one!)
        b.adopt(two!)
        #expect(a.milestones.first?.id.location.path == "programs/a/milestones.yaml")
        #expect(b.milestones.first?.id.location.path == "programs/b/milestones.yaml")
        #expect(ProgramFilePart(Array(text.utf8), path: "people.yaml") == nil)
    }
}
