import Foundation
import Testing

/// A change request's `changes` are the semantic diff's entries: on every commit of the bundled
/// example, `charter changes C~1..C` and `charter diff C^!` must agree (the change log narrows
/// what it compares for speed; this keeps that honest).
@Suite struct ChangesMatchDiffTests {
    @Test func everyExampleCommit() throws {
        let fixture = try Fixture()
        let script = EmbeddedResourcesTests.packageRoot.appendingPathComponent("examples/build-history.sh").path
        let built = try Run.process("/bin/bash", [script, fixture.url("acme").path], in: fixture.path)
        #expect(built.status == 0, "\(built.stderr)")
        let repo = fixture.url("acme").path
        // Every first-parent commit but the root (which has no parent to range from).
        let commits = try fixture.git("rev-list", "--first-parent", "HEAD", in: "acme")
            .split(separator: "\n").map(String.init).dropLast()
        #expect(commits.count >= 10)
        for commit in commits {
            let diff = try Run.charter(["diff", "\(commit)^!", "--format", "json"], in: repo)
            let changes = try Run.charter(["changes", "\(commit)~1..\(commit)", "--format", "json"], in: repo)
            let diffEntries = try Self.entries(diff.stdout, path: ["changes"])
            let records = try JSONSerialization.jsonObject(with: Data(changes.stdout.utf8)) as! [[String: Any]]
            #expect(records.count == 1, "\(commit)")
            let recordEntries = try JSONSerialization.data(withJSONObject: records.first?["changes"] ?? [], options: .sortedKeys)
            #expect(String(decoding: recordEntries, as: UTF8.self) == diffEntries, "\(commit)")
        }
    }

    static func entries(_ json: String, path: [String]) throws -> String {
        var object: Any = try JSONSerialization.jsonObject(with: Data(json.utf8))
        for key in path { object = (object as! [String: Any])[key] ?? [] }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
    }
}

extension ChangesMatchDiffTests {
    @Test("REV^! names one commit for changes and check, as for diff")
    func commitAloneRange() throws {
        let fixture = try Fixture()
        let script = EmbeddedResourcesTests.packageRoot.appendingPathComponent("examples/build-history.sh").path
        #expect(try Run.process("/bin/bash", [script, fixture.url("acme").path], in: fixture.path).status == 0)
        let repo = fixture.url("acme").path
        let slip = try fixture.git("log", "--format=%H", "--grep=MFA rollout moves", "-1", in: "acme")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let records = try Run.charter(["changes", "\(slip)^!", "--format", "json"], in: repo)
        let decoded = try JSONSerialization.jsonObject(with: Data(records.stdout.utf8)) as! [[String: Any]]
        #expect(decoded.map { $0["commit"] as? String } == [slip])
        let check = try Run.charter(["check", "\(slip)^!"], in: repo)
        #expect(check.status == 1)
        #expect(check.stdout.contains("[approval-missing]"))
        // The merge of the mobile plan, alone: one record, for the whole merged branch.
        let merge = try fixture.git("log", "--format=%H", "--merges", "-1", in: "acme").trimmingCharacters(in: .whitespacesAndNewlines)
        let mergeRecords = try Run.charter(["changes", "\(merge)^!", "--format", "json"], in: repo)
        #expect((try JSONSerialization.jsonObject(with: Data(mergeRecords.stdout.utf8)) as! [Any]).count == 1)
    }
}
