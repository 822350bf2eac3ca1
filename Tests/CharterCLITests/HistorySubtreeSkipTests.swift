import Foundation
import Testing

/// The cold walk tells the diff which programs' subtrees (and whether the root files) changed
/// against the parent commit, and the diff skips the others by identity instead of comparing
/// them. Over a history of many programs where each commit touches one of them (and some touch
/// none that matter, or only what depends on another), every record must still say what
/// `charter diff C^!` says of that commit alone.
@Suite struct HistorySubtreeSkipTests {
    static func program(_ id: String, target: String = "2030-12-31", allocation: String = "20") -> String {
        """
        id: \(id)
        name: Program \(id)
        owner: alice
        status: active
        start: 2030-01-01
        target: \(target)
        budget: { currency: USD, total: 1000 }
        workstreams:
          - { id: core, name: Core, owner: alice }
        allocations:
          - { person: carol, workstream: core, percent: \(allocation) }

        """
    }

    static func milestones(build: String = "2030-06-01", comment: String = "") -> String {
        """
        \(comment)milestones:
          - { id: M1, name: Design, date: 2030-03-01 }
          - { id: M2, name: Build, date: \(build), depends_on: [M1] }
          - { id: M3, name: Launch, date: 2030-09-01, depends_on: [M2] }

        """
    }

    static let budget = """
    lines:
      - { id: B1, amount: 100, category: labor, description: Contractors }

    """

    @Test("one cold walk over twelve programs, one touched a commit, gives each commit the record diff gives it")
    func onePerCommit() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace()
        try fixture.git("init", "-q")
        let folders = (1...12).map { "p\($0)" }
        for folder in folders {
            try fixture.write("programs/\(folder)/program.yaml", Self.program(folder))
            try fixture.write("programs/\(folder)/milestones.yaml", Self.milestones())
        }
        try fixture.write("programs/p4/budget.yaml", Self.budget)
        // `down` depends on p3's build: a program whose subtree never changes below, but whose
        // launch a move in p3 pushes past its date.
        try fixture.write("programs/down/program.yaml", Self.program("down"))
        try fixture.write("programs/down/milestones.yaml", """
        milestones:
          - { id: G1, name: Rollout, date: 2030-06-20, depends_on: [p3/M2] }

        """)
        try fixture.commitAll("Thirteen programs")

        let steps: [(message: String, change: () throws -> Void)] = [
            ("p3's build moves past down's rollout", { try fixture.write("programs/p3/milestones.yaml", Self.milestones(build: "2030-07-01")) }),
            ("A comment in p5's milestones", { try fixture.write("programs/p5/milestones.yaml", Self.milestones(comment: "# reviewed\n")) }),
            ("p7's target and allocation", { try fixture.write("programs/p7/program.yaml", Self.program("p7", target: "2031-03-31", allocation: "40")) }),
            ("p8's target only: its allocation's effort changes", { try fixture.write("programs/p8/program.yaml", Self.program("p8", target: "2031-06-30")) }),
            ("A new person", {
                try fixture.write("people.yaml", Samples.workspace["people.yaml"]! + "  - { id: dana, name: Dana Ruiz, email: dana@example.com }\n")
            }),
            ("Stricter policy", {
                try fixture.write("charter.yaml", "version: 1\npolicy:\n  approval_trailer: Approved-by\n  require_approval:\n    slip_days: 3\n")
            }),
            ("The budget line moves from p4 to p9", {
                try FileManager.default.removeItem(at: fixture.url("programs/p4/budget.yaml"))
                try fixture.write("programs/p9/budget.yaml", Self.budget)
            }),
            ("p10 renamed to p10b", {
                try FileManager.default.moveItem(at: fixture.url("programs/p10"), to: fixture.url("programs/p10b"))
            }),
            ("p11 removed, p13 added", {
                try FileManager.default.removeItem(at: fixture.url("programs/p11"))
                try fixture.write("programs/p13/program.yaml", Self.program("p13"))
                // Other milestones than p11's: an added program, not p11 renamed.
                try fixture.write("programs/p13/milestones.yaml", Self.milestones().replacingOccurrences(of: "id: M", with: "id: N").replacingOccurrences(of: "[M", with: "[N"))
            }),
            ("p3's build moves back", { try fixture.write("programs/p3/milestones.yaml", Self.milestones()) }),
        ]
        for step in steps {
            try step.change()
            try fixture.commitAll(step.message)
        }

        let walk = try Run.charter(["changes", "--format", "json", "--no-cache"], in: fixture.path)
        #expect(walk.status == 0, "\(walk.stderr)")
        let records = try JSONSerialization.jsonObject(with: Data(walk.stdout.utf8)) as! [[String: Any]]
        #expect(records.count == steps.count + 1)
        try HistoryWalkReuseTests.expectDiffsMatch(records.dropLast(), in: fixture.path)

        func record(_ title: String) throws -> [String: Any] {
            try #require(records.first { $0["title"] as? String == title })
        }
        func changed(_ title: String) throws -> [String] {
            (try record(title)["changes"] as? [[String: Any]] ?? []).map { "\($0["program"] as? String ?? "-")/\($0["id"] as? String ?? "")" }
        }
        // Only p3 changed, but `down`, unchanged in its subtree, is reached through its dependency.
        #expect(try changed("p3's build moves past down's rollout") == ["p3/M2"])
        #expect(try record("p3's build moves past down's rollout")["consequences"] as? [String]
            == ["G1 is due 2030-06-20, before its dependency p3/M2 ends (2030-07-01)"])
        // A new tree with the same plans: compared, and nothing found.
        #expect(try changed("A comment in p5's milestones").isEmpty)
        #expect(try changed("p7's target and allocation") == ["p7/p7", "p7/carol@core"])
        #expect(try changed("p8's target only: its allocation's effort changes") == ["p8/p8"])
        // The root files, when only they changed.
        #expect(try changed("A new person") == ["-/dana"])
        #expect(try changed("Stricter policy") == ["-/charter.yaml"])
        #expect(try changed("The budget line moves from p4 to p9") == ["p9/B1"])
        #expect(try changed("p10 renamed to p10b") == ["p10b/p10b"])
        // Its workstream and allocation have the same ids in p13: moved there.
        #expect(Set(try changed("p11 removed, p13 added")) == ["p11/p11", "p13/p13", "p13/core", "p13/carol@core"])

        // The walk from the index it writes says the same.
        let cold = try Run.charter(["changes", "--format", "json"], in: fixture.path)
        let warm = try Run.charter(["changes", "--format", "json"], in: fixture.path)
        #expect(cold.stdout == walk.stdout)
        #expect(warm.stdout == walk.stdout)
    }
}
