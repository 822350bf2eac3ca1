import Foundation
import Testing

/// `charter export --format mspdi`, read back by an independent reader: MPXJ (the `mpxj`
/// package from PyPI, running on the machine's Java through JPype). Same tasks, outline,
/// dates, links, owners and kept charter ids; UIDs stable when the plans grow.
@Suite struct ExportMSPDITests {
    static let hasMPXJ = (try? Run.process("/usr/bin/env", ["python3", "-c", "import mpxj, jpype; jpype.startJVM()"], in: "/").status) == 0

    static func workspace() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace([
            "programs/pay/milestones.yaml": """
            milestones:
              - { id: M1, name: Design, start: 2026-01-10, date: 2026-02-01, status: done, done_on: 2026-02-05, owner: alice, workstream: api }
              - id: M2
                name: "Beta <cards> & \\"wallets\\""
                date: 2026-03-01
                owner: carol
                depends_on: [M1, identity/1234]
                deliverables: [SDK, Docs]
                description: "Line one\\nLine two"
              - { id: M3, name: Someday }

            """,
            "programs/identity/program.yaml": """
            id: identity
            name: Identity
            owner: alice
            status: active
            start: 2026-01-01

            """,
            "programs/identity/milestones.yaml": """
            milestones:
              - { id: "1234", name: Token service, start: 2026-02-01, date: 2026-02-20 }

            """,
        ])
        try fixture.commitAll("Plans")
        return fixture
    }

    /// Every task as MPXJ reads it, by its Text1 (the charter id).
    static let reader = """
    import json, sys, jpype, mpxj
    jpype.startJVM()
    from org.mpxj.reader import UniversalProjectReader
    project = UniversalProjectReader().read(sys.argv[1])
    def day(value): return None if value is None else str(value.toLocalDate())
    tasks = {}
    for task in project.getTasks():
        if task.getUniqueID() is None or task.getName() is None: continue
        links = []
        for relation in task.getPredecessors():
            other = relation.getPredecessorTask() if hasattr(relation, 'getPredecessorTask') else relation.getTargetTask()
            links.append([str(other.getText(1)), str(relation.getType())])
        tasks[str(task.getText(1))] = {
            "uid": int(task.getUniqueID().intValue()), "name": str(task.getName()), "level": int(task.getOutlineLevel().intValue()),
            "milestone": bool(task.getMilestone()), "start": day(task.getStart()), "finish": day(task.getFinish()),
            "links": links, "owners": [str(a.getResource().getName()) for a in task.getResourceAssignments() if a.getResource() is not None],
            "status": None if task.getText(3) is None else str(task.getText(3)),
            "deliverables": None if task.getText(4) is None else str(task.getText(4)),
            "notes": None if task.getNotes() is None else str(task.getNotes()),
        }
    print(json.dumps({"tasks": tasks, "order": [str(t.getText(1)) for t in project.getTasks() if t.getName() is not None]}))
    """

    static func read(_ path: String) throws -> [String: Any] {
        let result = try Run.process("/usr/bin/env", ["python3", "-c", reader, path], in: "/")
        guard result.status == 0 else { throw FixtureError("mpxj failed: \(result.stderr)") }
        let line = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test(.enabled(if: ExportMSPDITests.hasMPXJ, "python3 -m pip install mpxj jpype1, and Java 11+ (Scripts/install-dependencies.sh)"))
    func mpxjReadsTheSamePlan() throws {
        let fixture = try Self.workspace()
        let export = try Run.charter(["export", "--format", "mspdi", "--out", "plans.xml"], in: fixture.path)
        #expect(export.status == 0, "\(export.stderr)")
        let text = try fixture.read("plans.xml")
        #expect(text.contains("<Project xmlns=\"http://schemas.microsoft.com/project\">"))
        let document = try Self.read(fixture.url("plans.xml").path)
        #expect(document["order"] as? [String] == ["identity", "identity/1234", "pay", "pay/M1", "pay/M2", "pay/M3"])
        let tasks = try #require(document["tasks"] as? [String: [String: Any]])
        let design = try #require(tasks["pay/M1"]), beta = try #require(tasks["pay/M2"]), token = try #require(tasks["identity/1234"])
        #expect(tasks["pay"]?["level"] as? Int == 1 && tasks["pay"]?["name"] as? String == "Payments")
        #expect(design["level"] as? Int == 2 && design["milestone"] as? Bool == false)
        #expect(design["start"] as? String == "2026-01-10" && design["finish"] as? String == "2026-02-01")
        #expect(design["owners"] as? [String] == ["Alice Ng"])
        #expect(design["status"] as? String == "done")
        #expect(beta["name"] as? String == #"Beta <cards> & "wallets""#)
        #expect(beta["milestone"] as? Bool == true)
        #expect(beta["start"] as? String == "2026-03-01" && beta["finish"] as? String == "2026-03-01")
        #expect(beta["links"] as? [[String]] == [["pay/M1", "FS"], ["identity/1234", "FS"]])
        #expect(beta["owners"] as? [String] == ["Carol Diaz"])
        #expect(beta["deliverables"] as? String == "SDK\nDocs")
        #expect(beta["notes"] as? String == "Line one\nLine two")
        #expect(token["start"] as? String == "2026-02-01" && token["finish"] as? String == "2026-02-20")
        #expect(tasks["pay/M3"]?["start"] == nil || tasks["pay/M3"]?["start"] is NSNull)

        // UIDs come from ids: a new milestone and a new program leave the others' UIDs alone.
        try fixture.write("programs/pay/milestones.yaml", try fixture.read("programs/pay/milestones.yaml") + "  - { id: M0, name: Kickoff, date: 2026-01-02 }\n")
        try fixture.write("programs/aardvark/program.yaml", "id: aardvark\nname: A\nowner: alice\nstatus: active\nstart: 2026-01-01\n")
        try fixture.write("programs/aardvark/milestones.yaml", "milestones:\n  - { id: M1, name: First, date: 2026-01-05 }\n")
        #expect(try Run.charter(["export", "--format", "mspdi", "--out", "again.xml"], in: fixture.path).status == 0)
        let again = try #require(try Self.read(fixture.url("again.xml").path)["tasks"] as? [String: [String: Any]])
        for (id, task) in tasks { #expect(again[id]?["uid"] as? Int == task["uid"] as? Int, "\(id)") }
    }
}
