@testable import CharterCLI
import Testing

/// The pieces of `charter diff` that need no repository: revision forms, git's driver
/// arguments, the byte search that finds dependents.
@Suite struct DiffArgumentTests {
    @Test("revision forms", arguments: [
        ([], false, DiffRequest(from: .head, to: .worktree)),
        ([], true, DiffRequest(from: .head, to: .index)),
        (["main"], false, DiffRequest(from: .revision("main"), to: .worktree)),
        (["main"], true, DiffRequest(from: .revision("main"), to: .index)),
        (["a..b"], false, DiffRequest(from: .revision("a"), to: .revision("b"))),
        (["a.."], false, DiffRequest(from: .revision("a"), to: .revision("HEAD"))),
        (["..b"], false, DiffRequest(from: .revision("HEAD"), to: .revision("b"))),
        (["a...b"], false, DiffRequest(from: .mergeBase("a", "b"), to: .revision("b"))),
        (["...b"], false, DiffRequest(from: .mergeBase("HEAD", "b"), to: .revision("b"))),
        (["v1^!"], false, DiffRequest(from: .firstParent(of: "v1"), to: .revision("v1"))),
        (["a", "b"], false, DiffRequest(from: .revision("a"), to: .revision("b"))),
    ])
    func forms(_ arguments: [String], _ staged: Bool, _ expected: DiffRequest) throws {
        #expect(try DiffRequest.parse(arguments, staged: staged) == expected)
    }

    @Test("forms that cannot be", arguments: [
        (["a..b"], true), (["a...b"], true), (["a", "b"], true), (["a..b", "c"], false), (["a", "b", "c"], false),
    ])
    func refused(_ arguments: [String], _ staged: Bool) {
        #expect(throws: CLIError.self) { try DiffRequest.parse(arguments, staged: staged) }
    }

    @Test func driverArguments() throws {
        let modified = try ExternalDiff(arguments: ["p", "/tmp/a", "1111", "100644", "p", "2222", "100644"])
        #expect(modified.old.path == "p" && modified.new.path == "p")
        #expect(!modified.old.isMissing)
        let added = try ExternalDiff(arguments: ["p", "/dev/null", ".", ".", "p", "2222", "100644"])
        #expect(added.old.isMissing && !added.new.isMissing)
        let renamed = try ExternalDiff(arguments: ["old", "/tmp/a", "1", "100644", "new", "1", "100644", "new", "similarity index 100%\n"])
        #expect(renamed.old.path == "old" && renamed.new.path == "new")
        #expect(renamed.renameInfo == "similarity index 100%\n")
        #expect(try ExternalDiff(arguments: ["p"]).unmergedPath == "p")
        #expect(throws: CLIError.self) { try ExternalDiff(arguments: ["a", "b", "c"]) }
    }

    @Test("where a repository path sits in the workspace", arguments: [
        ("programs/pay/milestones.yaml", "programs/pay/milestones.yaml"),
        ("plans/acme/programs/pay/risks.yaml", "programs/pay/risks.yaml"),
        ("people.yaml", "people.yaml"),
        ("plans/charter.yaml", "charter.yaml"),
        ("programs/pay/notes.yaml", nil),
        ("docs/readme.md", nil),
    ])
    func workspacePaths(_ path: String, _ expected: String?) {
        #expect(ExternalDiff.workspacePath(path) == expected)
    }

    @Test("dependents are found by whole program/id mentions")
    func references() {
        let text = Array("milestones:\n  - { id: M1, depends_on: [pay/M2, \"identity/M30\"] }\n".utf8)
        #expect(DiffLoader.refers(text, to: ["pay": ["M2"]]))
        #expect(DiffLoader.refers(text, to: ["identity": ["M30"]]))
        #expect(!DiffLoader.refers(text, to: ["identity": ["M3"]]), "M3 is not M30")
        #expect(!DiffLoader.refers(text, to: ["pay": ["M1"]]))
        #expect(!DiffLoader.refers(Array("a/".utf8), to: ["a": [""]]))
    }
}
