import Foundation
import Testing

/// The cold history walk reuses what it parsed: a program folder whose tree id it has seen, a
/// plan file whose blob it has seen at that path, and which programs each program version names.
/// Every record of one walk over a history made to hit those shortcuts (programs holding the
/// same bytes, a file changed back, a commit touching one program's subtree, an unreadable
/// file and its fix) must say what `charter diff` of that commit alone says.
@Suite struct HistoryWalkReuseTests {
    static let milestones = """
    milestones:
      - { id: M1, name: Design, date: 2030-03-01 }
      - { id: M2, name: Build, date: 2030-06-01, depends_on: [M1] }

    """
    static let risks = """
    risks:
      - { id: R1, title: Vendor late, owner: alice, probability: 3, impact: 3, status: open }

    """

    static func program(_ id: String) -> String {
        "id: \(id)\nname: Program \(id)\nowner: alice\nstatus: active\nstart: 2030-01-01\ntarget: 2030-07-15\n"
    }

    /// Each record's changes and consequences are what `charter diff C^!` says of its commit.
    static func expectDiffsMatch(_ records: ArraySlice<[String: Any]>, in path: String) throws {
        for record in records {
            let commit = record["commit"] as! String
            // Judged on the commit's day, as its record is.
            let day = String(((record["committer"] as? [String: Any])?["date"] as? String ?? "").prefix(10))
            let diff = try Run.charter(["diff", "\(commit)^!", "--format", "json", "--as-of", day], in: path)
            let fromWalk = String(decoding: try JSONSerialization.data(withJSONObject: record["changes"] ?? [], options: .sortedKeys), as: UTF8.self)
            #expect(fromWalk == (try ChangesMatchDiffTests.entries(diff.stdout, path: ["changes"])), "changes of \(record["title"] ?? commit)")
            // A record says its consequences in words: diff's messages.
            let diffed = try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as! [String: Any]
            let messages = (diffed["consequences"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            #expect(record["consequences"] as? [String] == messages, "consequences of \(record["title"] ?? commit)")
        }
    }

    @Test("one cold walk over programs sharing blobs gives each commit the records diff gives it")
    func sharedBlobs() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace()
        for id in ["alpha", "beta"] {
            try fixture.write("programs/\(id)/program.yaml", Self.program(id))
            // The same bytes in both folders: one blob, two paths.
            try fixture.write("programs/\(id)/milestones.yaml", Self.milestones)
            try fixture.write("programs/\(id)/risks.yaml", Self.risks)
        }
        try fixture.write("programs/gamma/program.yaml", Self.program("gamma"))
        try fixture.write("programs/gamma/milestones.yaml", """
        milestones:
          - { id: G1, name: Launch, date: 2030-06-20, depends_on: [beta/M2, alpha/M2] }

        """)
        try fixture.git("init", "-q")
        try fixture.commitAll("Plans for alpha, beta and gamma")

        let moved = Self.milestones.replacingOccurrences(of: "2030-06-01", with: "2030-06-25")
        var steps: [(message: String, files: [String: String])] = [
            ("Alpha's build moves", ["programs/alpha/milestones.yaml": moved]),
            ("Beta's build moves the same way", ["programs/beta/milestones.yaml": moved]),
            ("Beta's risk is more likely", ["programs/beta/risks.yaml": Self.risks.replacingOccurrences(of: "probability: 3", with: "probability: 4")]),
            ("Alpha's build moves back", ["programs/alpha/milestones.yaml": Self.milestones]),
            ("Beta's milestones break", ["programs/beta/milestones.yaml": "milestones:\n  - { id: M1, name: [unclosed\n"]),
            ("Beta's milestones mended", ["programs/beta/milestones.yaml": Self.milestones]),
        ]
        steps.append(("Both renamed at once", [
            "programs/alpha/program.yaml": Self.program("alpha").replacingOccurrences(of: "Program alpha", with: "Alpha"),
            "programs/beta/program.yaml": Self.program("beta").replacingOccurrences(of: "Program beta", with: "Beta"),
        ]))
        for step in steps {
            for (path, text) in step.files { try fixture.write(path, text) }
            try fixture.commitAll(step.message)
        }

        let walk = try Run.charter(["changes", "--format", "json", "--no-cache"], in: fixture.path)
        #expect(walk.status == 0, "\(walk.stderr)")
        let records = try JSONSerialization.jsonObject(with: Data(walk.stdout.utf8)) as! [[String: Any]]
        #expect(records.count == steps.count + 1)
        try Self.expectDiffsMatch(records.dropLast(), in: fixture.path)

        // The commit that touched only beta's risks: one change, in beta, to R1.
        let risk = try #require(records.first { $0["title"] as? String == "Beta's risk is more likely" })
        let changes = risk["changes"] as! [[String: Any]]
        #expect(changes.map { "\($0["program"] ?? "")/\($0["id"] ?? "")" } == ["beta/R1"])
        // Alpha's move pushes gamma's launch, which depends on it: found through the names kept per program.
        let move = try #require(records.first { $0["title"] as? String == "Alpha's build moves" })
        #expect(move["consequences"] as? [String] == ["G1 is due 2030-06-20, before its dependency alpha/M2 ends (2030-06-25)"])
        // The unreadable file is reported, not taken for every milestone removed.
        let broken = try #require(records.first { $0["title"] as? String == "Beta's milestones break" })
        #expect(broken["unreadable_files"] as? [String] == ["programs/beta/milestones.yaml"])
        #expect((broken["changes"] as? [Any])?.isEmpty == true)

        // The cold walk and a walk from the index it wrote say the same.
        let cold = try Run.charter(["changes", "--format", "json"], in: fixture.path)
        let warm = try Run.charter(["changes", "--format", "json"], in: fixture.path)
        #expect(cold.stdout == walk.stdout)
        #expect(warm.stdout == walk.stdout)
    }
}
