import Foundation
import Testing

/// A repository whose `main` holds two programs, and helpers to open branches off it that
/// each change one plan file by replacing one piece of text.
final class ScenarioRepo {
    let fixture: Fixture

    static let milestones = """
    milestones:
      - id: M1
        name: Design
        date: 2026-06-01
        status: planned
      - id: M2
        name: Build
        date: 2026-07-01
        status: planned
        depends_on: [M1]
      - id: M3
        name: Test
        status: planned
      - id: M4
        name: Launch
        status: planned

    """

    static let files: [String: String] = [
        "charter.yaml": "version: 1\n",
        "people.yaml": """
        people:
          - { id: alice, name: Alice Ng }
          - { id: carol, name: Carol Diaz }

        """,
        "programs/pay/program.yaml": """
        id: pay
        name: Payments
        owner: alice
        status: active
        start: 2026-01-01
        target: 2026-12-31
        budget: { currency: USD, total: 1000 }
        allocations:
          - { person: alice, percent: 50, from: 2026-01-01, to: 2026-12-31 }

        """,
        "programs/pay/milestones.yaml": milestones,
        "programs/pay/budget.yaml": """
        lines:
          - id: B1
            category: vendor
            amount: 400

        """,
        "programs/id/program.yaml": """
        id: id
        name: Identity
        owner: carol
        status: active
        start: 2026-01-01
        target: 2026-12-31
        allocations:
          - { person: alice, percent: 10, from: 2026-01-01, to: 2026-02-28 }

        """,
        "programs/id/milestones.yaml": """
        milestones:
          - id: I1
            name: Login
            date: 2026-05-01

        """,
    ]

    init(in folder: String = "") throws {
        fixture = try Fixture()
        try fixture.git("init", "-q")
        for (path, text) in Self.files { try fixture.write((folder.isEmpty ? "" : folder + "/") + path, text) }
        try fixture.commitAll("Plans")
    }

    /// A branch off `main` that replaces `old` with `new` in one file (which must contain it).
    func branch(_ name: String, _ path: String, _ old: String, _ new: String) throws {
        try fixture.git("checkout", "-q", "-b", name, "main")
        let text = try fixture.read(path)
        guard text.contains(old) else { throw FixtureError("\(path) has no '\(old)'") }
        try fixture.write(path, text.replacingOccurrences(of: old, with: new))
        try fixture.commitAll(name)
        try fixture.git("checkout", "-q", "main")
    }

    /// `charter scenarios --as-of 2026-03-01 ARGS…` (so no milestone is overdue).
    func scenarios(_ arguments: String...) throws -> Run.Result {
        try Run.charter(["scenarios", "--as-of", "2026-03-01"] + arguments, in: fixture.path)
    }

    /// The JSON document of `charter scenarios --format json ARGS…`, and the exit status.
    func json(_ arguments: String...) throws -> (status: Int32, document: [String: Any]) {
        try json(arguments)
    }

    func json(_ arguments: [String]) throws -> (status: Int32, document: [String: Any]) {
        let result = try Run.charter(["scenarios", "--as-of", "2026-03-01", "--format", "json"] + arguments, in: fixture.path)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (result.status, try #require(object, "\(result.stdout)\(result.stderr)"))
    }

    /// What could change if something were written: loose objects, refs, the worktree and index.
    func footprint() throws -> String {
        try fixture.git("count-objects", "-v") + fixture.git("for-each-ref") + fixture.git("status", "--porcelain", "--untracked-files=all")
            + fixture.git("rev-parse", "HEAD")
    }

    // The branches the tests use; each is valid merged alone into main.

    func duplicateMilestone() throws {
        try branch("dup-a", "programs/pay/milestones.yaml", "milestones:\n", "milestones:\n  - id: M7\n    name: Docs A\n    status: planned\n")
        try branch("dup-b", "programs/pay/milestones.yaml", "    name: Launch\n    status: planned\n",
                   "    name: Launch\n    status: planned\n  - id: M7\n    name: Docs B\n    status: planned\n")
    }

    func removedDependency() throws {
        try branch("remove-m4", "programs/pay/milestones.yaml", "  - id: M4\n    name: Launch\n    status: planned\n", "")
        try branch("need-m4", "programs/pay/milestones.yaml", "milestones:\n",
                   "milestones:\n  - id: M5\n    name: Rollout\n    status: planned\n    depends_on: [M4]\n")
    }

    func cycle() throws {
        try branch("cycle-a", "programs/pay/milestones.yaml", "    name: Test\n    status: planned\n",
                   "    name: Test\n    status: planned\n    depends_on: [M4]\n")
        try branch("cycle-b", "programs/pay/milestones.yaml", "    name: Launch\n    status: planned\n",
                   "    name: Launch\n    status: planned\n    depends_on: [M3]\n")
    }

    /// Carol at 60% in pay and 50% in identity, overlapping from April to June: two programs.
    func overAllocation() throws {
        try branch("carol-pay", "programs/pay/program.yaml", "2026-12-31 }\n",
                   "2026-12-31 }\n  - { person: carol, percent: 60, from: 2026-03-01, to: 2026-06-30 }\n")
        try branch("carol-id", "programs/id/program.yaml", "2026-02-28 }\n",
                   "2026-02-28 }\n  - { person: carol, percent: 50, from: 2026-04-01, to: 2026-08-31 }\n")
    }

    func budget() throws {
        try branch("budget-a", "programs/pay/budget.yaml", "    amount: 400\n", "    amount: 400\n  - id: B2\n    category: vendor\n    amount: 300\n")
        try branch("budget-b", "programs/pay/budget.yaml", "lines:\n", "lines:\n  - id: B3\n    category: headcount\n    amount: 400\n")
    }

    /// Both move Build: the same line, so git conflicts too.
    func datesMoved() throws {
        try branch("date-a", "programs/pay/milestones.yaml", "date: 2026-07-01", "date: 2026-07-15")
        try branch("date-b", "programs/pay/milestones.yaml", "date: 2026-07-01", "date: 2026-08-01")
    }

    /// Identity only: touches nothing the pay branches touch.
    func identityRename() throws {
        try branch("id-rename", "programs/id/milestones.yaml", "name: Login", "name: Single sign-on")
    }
}

extension Dictionary where Key == String, Value == Any {
    var conflicts: [[String: Any]] { self["conflicts"] as? [[String: Any]] ?? [] }
    var branches: [[String: Any]] { self["branches"] as? [[String: Any]] ?? [] }
}
