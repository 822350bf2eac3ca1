import Foundation
import Testing

/// A commit whose first parent has no plans (the root commit, or plans added to a repository that
/// had none) is an import: every milestone is new, and its record's consequences are found by one
/// schedule of the new side instead of following a cone from every milestone. They must be what
/// `charter diff <commit>^!` says: conflicts within and across programs, targets at risk, a
/// cycle, cancelled and done milestones.
@Suite struct ImportRecordTests {
    static let files: [String: String] = [
        "programs/alpha/program.yaml": "id: alpha\nname: Alpha\nowner: alice\nstatus: active\nstart: 2026-03-01\ntarget: 2026-05-01\n",
        "programs/alpha/milestones.yaml": """
        milestones:
          - { id: M1, name: Design, date: 2026-06-01 }
          - { id: M2, name: Build, date: 2026-05-15, depends_on: [M1] }
          - { id: M3, name: Old plan, status: cancelled, date: 2026-04-01 }
          - { id: M4, name: Kick-off, status: done, date: 2026-02-01, done_on: 2026-02-10 }
          - { id: M5, name: Review, start: 2026-04-01, date: 2026-07-01, depends_on: [M4, M1] }

        """,
        "programs/beta/program.yaml": "id: beta\nname: Beta\nowner: alice\nstatus: active\nstart: 2026-03-01\ntarget: 2026-12-01\n",
        "programs/beta/milestones.yaml": """
        milestones:
          - { id: B1, name: Integrate, date: 2026-05-20, depends_on: [alpha/M2] }
          - { id: B2, name: Launch, date: 2026-08-01, depends_on: [B1, alpha/M3] }

        """,
        "programs/gamma/program.yaml": "id: gamma\nname: Gamma\nowner: alice\nstatus: active\nstart: 2026-03-01\ntarget: 2026-04-01\n",
        "programs/gamma/milestones.yaml": """
        milestones:
          - { id: G1, name: Loop one, date: 2026-05-01, depends_on: [G2] }
          - { id: G2, name: Loop two, date: 2026-05-02, depends_on: [G1] }
          - { id: G3, name: After the loop, date: 2026-04-01, depends_on: [G2] }
          - { id: G4, name: Alone, date: 2026-06-01 }

        """,
    ]

    /// Each record's consequences, by commit, and diff's for that commit alone (judged on its day).
    static func recordsAndDiffs(_ fixture: Fixture) throws -> [(title: String, record: [String], diff: [String])] {
        let walk = try Run.charter(["changes", "--format", "json", "--no-cache"], in: fixture.path)
        #expect(walk.status == 0, "\(walk.stderr)")
        let records = try JSONSerialization.jsonObject(with: Data(walk.stdout.utf8)) as! [[String: Any]]
        return try records.map { record in
            let commit = record["commit"] as! String
            let day = String(((record["committer"] as? [String: Any])?["date"] as? String ?? "").prefix(10))
            let diff = try Run.charter(["diff", "\(commit)^!", "--format", "json", "--as-of", day], in: fixture.path)
            #expect(diff.status == 0, "\(diff.stderr)")
            let diffed = try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as! [String: Any]
            let messages = (diffed["consequences"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            return (record["title"] as? String ?? commit, record["consequences"] as? [String] ?? [], messages)
        }
    }

    @Test("the root commit's record has the consequences diff gives the root commit")
    func rootCommit() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace()
        for (path, text) in Self.files { try fixture.write(path, text) }
        try fixture.git("init", "-q")
        try fixture.commitAll("Import three programs")
        try fixture.write("programs/alpha/milestones.yaml", Self.files["programs/alpha/milestones.yaml"]!
            .replacingOccurrences(of: "date: 2026-06-01 }", with: "date: 2026-06-20 }"))
        try fixture.commitAll("Alpha's design slips")

        let found = try Self.recordsAndDiffs(fixture)
        #expect(found.count == 2)
        for (title, record, diff) in found { #expect(record == diff, "\(title)") }
        let root = try #require(found.last)
        // Something to compare: a conflict in alpha, one across programs, targets at risk; nothing
        // in or after gamma's loop.
        #expect(root.record.contains { $0.hasPrefix("M2 is due 2026-05-15, before its dependency M1") }, "\(root.record)")
        #expect(root.record.contains { $0.hasPrefix("B1 is due 2026-05-20, before its dependency alpha/M2") }, "\(root.record)")
        #expect(root.record.contains { $0.hasPrefix("target 2026-05-01 at risk") }, "\(root.record)")
        #expect(root.record.contains { $0.hasPrefix("target 2026-04-01 at risk: G4") }, "\(root.record)")
        #expect(!root.record.contains { $0.hasPrefix("G3") }, "\(root.record)")
    }

    @Test("plans added to a repository that had none: the same as diff, after a commit without programs")
    func plansAddedLater() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace()
        try FileManager.default.removeItem(at: fixture.url("programs"))
        try fixture.git("init", "-q")
        try fixture.commitAll("Policy and people first")
        for (path, text) in Self.files { try fixture.write(path, text) }
        try fixture.commitAll("Import three programs")

        let found = try Self.recordsAndDiffs(fixture)
        let imported = try #require(found.first { $0.title == "Import three programs" })
        #expect(!imported.record.isEmpty)
        for (title, record, diff) in found { #expect(record == diff, "\(title)") }
    }
}
