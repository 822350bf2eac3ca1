import Foundation
import Testing

/// `charter import mspdi` from the built binary on real repositories: the round trip through
/// charter's own export, a file written by MPXJ (an independent writer), the diff it shows,
/// --dry-run, local edits, and the refusals.
@Suite struct ImportMSPDITests {
    /// A plan with every field MSPDI carries: events and spans, done, at-risk, cancelled and
    /// unscheduled milestones, owners, workstreams, deliverables, notes, links across programs.
    static func workspace() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace([
            "programs/pay/program.yaml": """
            id: pay
            name: Payments
            owner: alice
            status: active
            start: 2026-01-01
            target: 2026-12-31
            workstreams:
              - { id: api, name: Public API }

            """,
            "programs/pay/milestones.yaml": """
            milestones:
              # Design first.
              - { id: M1, name: Design, start: 2026-01-10, date: 2026-02-01, status: done, done_on: 2026-02-05, owner: alice, workstream: api }
              - id: M2
                name: "Beta <cards> & \\"wallets\\""
                date: 2026-03-01
                status: at-risk
                owner: carol
                depends_on: [M1, identity/1234]
                deliverables: [SDK, Docs]
                description: "Line one\\nLine two"
              - { id: M3, name: Someday }
              - { id: M4, name: Dropped idea, date: 2026-04-01, status: cancelled }
              - { id: M5, name: GA, start: 2026-03-02, date: 2026-06-30, depends_on: [M2] }

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
              - { id: "1234", name: Token service, start: 2026-02-01, date: 2026-02-20, owner: carol }

            """,
        ])
        try fixture.commitAll("Plans")
        return fixture
    }

    @Test func importingCharterExportChangesNothing() throws {
        let fixture = try Self.workspace()
        #expect(try Run.charter(["export", "--format", "mspdi", "--out", "plans.xml"], in: fixture.path).status == 0)
        for program in ["pay", "identity"] {
            let before = try fixture.read("programs/\(program)/milestones.yaml")
            let result = try Run.charter(["import", "mspdi", "plans.xml", "--program", program, "--as-of", "2026-03-01"], in: fixture.path)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("no changes"), "\(result.stdout)")
            #expect(result.stderr.contains("nothing to write"), "\(result.stderr)")
            #expect(try fixture.read("programs/\(program)/milestones.yaml") == before)
        }
    }

    /// Lossless: a program's milestones rebuilt from the MSPDI file alone equal the original.
    @Test func roundTripRebuildsEveryFieldFromTheFileAlone() throws {
        let fixture = try Self.workspace()
        #expect(try Run.charter(["export", "--format", "mspdi", "--out", "../plans.xml"], in: fixture.path).status == 0)
        defer { try? FileManager.default.removeItem(at: fixture.root.deletingLastPathComponent().appendingPathComponent("plans.xml")) }
        try fixture.write("programs/pay/milestones.yaml", "milestones: []\n")
        try fixture.commitAll("Empty the milestones")
        let result = try Run.charter(["import", "mspdi", "../plans.xml", "--program", "pay", "--as-of", "2026-03-01"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("+ milestone M2 · Beta <cards> & \"wallets\""), "\(result.stdout)")
        #expect(result.stderr.contains("wrote programs/pay/milestones.yaml"))
        // The first commit against the worktree: nothing differs.
        let diff = try Run.charter(["diff", "HEAD~1", "--exit-code", "--as-of", "2026-03-01"], in: fixture.path)
        let written = try fixture.read("programs/pay/milestones.yaml")
        #expect(diff.status == 0, "\(diff.stdout)\n\(written)")
        #expect(try Run.charter(["validate", "--as-of", "2026-03-01"], in: fixture.path).status == 0)
    }

    /// Edits made in the file come back as charter's semantic diff; --dry-run writes nothing.
    @Test func editsShowAsTheSemanticDiff() throws {
        let fixture = try Self.workspace()
        #expect(try Run.charter(["export", "--format", "mspdi", "--out", "plans.xml"], in: fixture.path).status == 0)
        var xml = try fixture.read("plans.xml")
        // GA slips two weeks, as if moved in MS Project (finish, and the span's duration).
        xml = xml.replacingOccurrences(of: "<Finish>2026-06-30T08:00:00</Finish>", with: "<Finish>2026-07-14T08:00:00</Finish>")
        try fixture.write("plans.xml", xml)
        let before = try fixture.read("programs/pay/milestones.yaml")
        let dry = try Run.charter(["import", "mspdi", "plans.xml", "--program", "pay", "--dry-run", "--as-of", "2026-03-01"], in: fixture.path)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("date: 2026-06-30 → 2026-07-14 (slipped 14d)"), "\(dry.stdout)")
        #expect(dry.stderr.contains("dry run"))
        #expect(try fixture.read("programs/pay/milestones.yaml") == before)

        let json = try Run.charter(["import", "mspdi", "plans.xml", "--program", "pay", "--dry-run", "--format", "json"], in: fixture.path)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let changes = try #require(document?["changes"] as? [[String: Any]])
        #expect(changes.count == 1 && changes.first?["id"] as? String == "M5" && changes.first?["slip_days"] as? Int == 14)

        let write = try Run.charter(["import", "mspdi", "plans.xml", "--program", "pay"], in: fixture.path)
        #expect(write.status == 0, "\(write.stderr)")
        let after = try fixture.read("programs/pay/milestones.yaml")
        // Only GA's entry is rewritten; the others keep their text, comments included.
        #expect(after.contains("  # Design first.\n  - { id: M1, name: Design, start: 2026-01-10"))
        #expect(after.contains("  - id: M5\n    name: GA\n    start: 2026-03-02\n    date: 2026-07-14\n    depends_on:\n      - M2\n"), "\(after)")
        let diff = try Run.charter(["diff", "--as-of", "2026-03-01"], in: fixture.path)
        #expect(diff.stdout.contains("slipped 14d"))
    }

    @Test func localEditsAreNotOverwrittenWithoutForce() throws {
        let fixture = try Self.workspace()
        #expect(try Run.charter(["export", "--format", "mspdi", "--out", "plans.xml"], in: fixture.path).status == 0)
        let xml = try fixture.read("plans.xml").replacingOccurrences(of: "<Name>Someday</Name>", with: "<Name>Some day</Name>")
        try fixture.write("plans.xml", xml)
        let edited = try fixture.read("programs/pay/milestones.yaml") + "  - { id: M9, name: Mine, date: 2026-09-01 }\n"
        try fixture.write("programs/pay/milestones.yaml", edited)
        let dry = try Run.charter(["import", "mspdi", "plans.xml", "--program", "pay", "--dry-run"], in: fixture.path)
        #expect(dry.status == 0 && dry.stderr.contains("an import would refuse: programs/pay/milestones.yaml has changes"), "\(dry.stderr)")
        let refused = try Run.charter(["import", "mspdi", "plans.xml", "--program", "pay"], in: fixture.path)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("programs/pay/milestones.yaml has changes that are not committed"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--force"))
        #expect(try fixture.read("programs/pay/milestones.yaml") == edited)
        // Staged is not committed either.
        try fixture.git("add", "-A")
        #expect(try Run.charter(["import", "mspdi", "plans.xml", "--program", "pay"], in: fixture.path).status == 1)

        let forced = try Run.charter(["import", "mspdi", "plans.xml", "--program", "pay", "--force"], in: fixture.path)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("- milestone M9 · Mine"), "\(forced.stdout)")
        let after = try fixture.read("programs/pay/milestones.yaml")
        #expect(after.contains("name: Some day") && !after.contains("M9"))
        // Atomic: no temporary file is left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.url("programs/pay").path)
        #expect(names.sorted() == ["milestones.yaml", "program.yaml"])
    }

    @Test func malformedXMLIsRefusedWithItsPosition() throws {
        let fixture = try Self.workspace()
        try fixture.write("bad.xml", "<?xml version=\"1.0\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">\n  <Tasks>\n    <Task><UID>1</UID>\n  </Tasks>\n</Project>\n")
        let result = try Run.charter(["import", "mspdi", "bad.xml", "--program", "pay"], in: fixture.path)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("bad.xml:5:"), "\(result.stderr)")
        #expect(result.stderr.contains("error: malformed XML"))
        #expect(result.stdout.isEmpty)
    }

    @Test func otherLinkTypesAndCyclesAreRefused() throws {
        let fixture = try Self.workspace()
        #expect(try Run.charter(["export", "--format", "mspdi", "--out", "plans.xml"], in: fixture.path).status == 0)
        let original = try fixture.read("plans.xml")
        let startToStart = original.replacingOccurrences(of: "<Type>1</Type>", with: "<Type>3</Type>")
        try fixture.write("ss.xml", startToStart)
        let refused = try Run.charter(["import", "mspdi", "ss.xml", "--program", "pay"], in: fixture.path)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: task 'Beta <cards> & \"wallets\"' has a start-to-start link (type 3) from 'Design'"), "\(refused.stderr)")

        // Design now waits for GA, which waits (through Beta) for Design.
        let uid = { (name: String) -> String in
            let task = original.components(separatedBy: "<Task>").first { $0.contains("<Name>\(name)</Name>") }!
            return task.components(separatedBy: "<UID>")[1].components(separatedBy: "</UID>")[0]
        }
        let cyclic = original.replacingOccurrences(
            of: "<Name>Design</Name>",
            with: "<Name>Design</Name>\n      <PredecessorLink><PredecessorUID>\(uid("GA"))</PredecessorUID><Type>1</Type></PredecessorLink>")
        try fixture.write("cycle.xml", cyclic)
        let cycle = try Run.charter(["import", "mspdi", "cycle.xml", "--program", "pay"], in: fixture.path)
        #expect(cycle.status == 1)
        #expect(cycle.stderr.contains("dependency cycle: pay/M1 'Design' → pay/M5 'GA' → pay/M2 'Beta <cards> & \"wallets\"' → pay/M1 'Design'"), "\(cycle.stderr)")
    }

    @Test func usageAndFileErrorsExit2() throws {
        let fixture = try Self.workspace()
        let missing = try Run.charter(["import", "mspdi", "nowhere.xml", "--program", "pay"], in: fixture.path)
        #expect(missing.status == 2 && missing.stderr.contains("cannot read nowhere.xml"), "\(missing.stderr)")
        try fixture.write("plans.xml", "<Project/>")
        let unknown = try Run.charter(["import", "mspdi", "plans.xml", "--program", "paymnets"], in: fixture.path)
        #expect(unknown.status == 2 && unknown.stderr.contains("no program 'paymnets'"), "\(unknown.stderr)")
        #expect(try Run.charter(["import", "mspdi", "plans.xml"], in: fixture.path).status == 2)
    }

    /// An MSPDI file written by MPXJ, an independent writer: tasks without charter ids, a
    /// summary task, finish-to-start links, a resource by name.
    static let mpxjWriter = """
    import sys, jpype, mpxj
    jpype.startJVM()
    from org.mpxj import ProjectFile, Duration, TimeUnit, RelationType, Relation
    from org.mpxj.writer import UniversalProjectWriter, FileFormat
    from java.time import LocalDateTime
    project = ProjectFile()
    def at(text): return LocalDateTime.parse(text)
    summary = project.addTask(); summary.setName("Payments")
    design = summary.addTask(); design.setName("Design"); design.setMilestone(True)
    design.setStart(at("2026-02-01T08:00:00")); design.setFinish(at("2026-02-01T08:00:00"))
    design.setPercentageComplete(jpype.JDouble(100)); design.setActualFinish(at("2026-02-03T17:00:00"))
    beta = summary.addTask(); beta.setName("Beta")
    beta.setStart(at("2026-04-01T08:00:00")); beta.setFinish(at("2026-05-15T17:00:00")); beta.setDuration(Duration.getInstance(32, TimeUnit.DAYS))
    beta.addPredecessor(Relation.Builder().predecessorTask(design).type(RelationType.FINISH_START))
    ga = summary.addTask(); ga.setName("GA"); ga.setMilestone(True)
    ga.setStart(at("2026-07-01T08:00:00")); ga.setFinish(at("2026-07-01T08:00:00"))
    ga.addPredecessor(Relation.Builder().predecessorTask(beta).type(RelationType.FINISH_START))
    carol = project.addResource(); carol.setName("Carol Diaz")
    beta.addResourceAssignment(carol)
    stranger = project.addResource(); stranger.setName("Somebody Else")
    ga.addResourceAssignment(stranger)
    UniversalProjectWriter(FileFormat.MSPDI).write(project, sys.argv[1])
    """

    @Test(.enabled(if: ExportMSPDITests.hasMPXJ, "python3 -m pip install mpxj jpype1, and Java 11+ (Scripts/install-dependencies.sh)"))
    func importsAFileWrittenByMPXJ() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.commitAll("Plans")
        let written = try Run.process("/usr/bin/env", ["python3", "-c", Self.mpxjWriter, fixture.url("mpxj.xml").path], in: "/")
        #expect(written.status == 0, "\(written.stderr)")
        let result = try Run.charter(["import", "mspdi", "mpxj.xml", "--program", "pay", "--as-of", "2026-03-01"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("~ milestone M2 · Beta"), "\(result.stdout)")
        #expect(result.stdout.contains("+ milestone M3 · GA"), "\(result.stdout)")
        // An unknown resource is a finding at its place in the file; the import goes on.
        #expect(result.stderr.contains("warning: resource 'Somebody Else' is no one in people.yaml"), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("mpxj.xml:"))
        let text = try fixture.read("programs/pay/milestones.yaml")
        #expect(text == """
        milestones:
          - id: M1
            name: Design
            date: 2026-02-01
            status: done
            done_on: 2026-02-03
          - id: M2
            name: Beta
            owner: carol
            start: 2026-04-01
            date: 2026-05-15
            depends_on:
              - M1
          - id: M3
            name: GA
            date: 2026-07-01
            depends_on:
              - M2

        """, "\(text)")
        #expect(try Run.charter(["validate", "--as-of", "2026-03-01"], in: fixture.path).status == 0)
    }

    /// MPXJ reads charter's export and saves it as its own MSPDI (new layout, its own defaults):
    /// importing that changes nothing either.
    @Test(.enabled(if: ExportMSPDITests.hasMPXJ, "python3 -m pip install mpxj jpype1, and Java 11+ (Scripts/install-dependencies.sh)"))
    func aFileResavedByMPXJImportsUnchanged() throws {
        let fixture = try Self.workspace()
        #expect(try Run.charter(["export", "--format", "mspdi", "--out", "plans.xml"], in: fixture.path).status == 0)
        let resave = """
        import sys, jpype, mpxj
        jpype.startJVM()
        from org.mpxj.reader import UniversalProjectReader
        from org.mpxj.writer import UniversalProjectWriter, FileFormat
        UniversalProjectWriter(FileFormat.MSPDI).write(UniversalProjectReader().read(sys.argv[1]), sys.argv[2])
        """
        let saved = try Run.process("/usr/bin/env", ["python3", "-c", resave, fixture.url("plans.xml").path, fixture.url("resaved.xml").path], in: "/")
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(try fixture.read("resaved.xml") != (try fixture.read("plans.xml")))
        for program in ["pay", "identity"] {
            let result = try Run.charter(["import", "mspdi", "resaved.xml", "--program", program, "--as-of", "2026-03-01"], in: fixture.path)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("no changes"), "\(program): \(result.stdout)")
        }
    }
}
