import Foundation
import Testing
@testable import CharterCore

/// `charter import mspdi`'s core: reading MSPDI (MSPDIReader), mapping tasks to milestones
/// (MSPDIImport), and editing milestones.yaml (MilestonesFileEditor), on hand-written files
/// shaped as MS Project saves them.
@Suite struct MSPDIImportTests {
    static let files: [String: String] = [
        "people.yaml": """
        people:
          - { id: alice, name: Alice Ng, email: alice@example.com }
          - { id: carol, name: Carol Diaz, email: carol@example.com }

        """,
        "programs/pay/program.yaml": "id: pay\nname: Payments\nowner: alice\nstatus: active\nstart: 2026-01-01\n",
        "programs/pay/milestones.yaml": """
        milestones:
          # the design gate
          - { id: M1, name: Design, date: 2026-02-01, status: done, done_on: 2026-02-01, workstream: api }
          - id: M2
            name: Beta
            date: 2026-05-01
            depends_on: [M1]
            description: Keep me
          - { id: M7, name: Old task, date: 2026-06-01 }

        """,
        "programs/identity/program.yaml": "id: identity\nname: Identity\nowner: alice\nstatus: active\nstart: 2026-01-01\n",
        "programs/identity/milestones.yaml": "milestones:\n  - { id: T3, name: Token service, date: 2026-03-01 }\n",
    ]

    static func workspace(_ overrides: [String: String] = [:]) -> Workspace {
        WorkspaceLoader.load(from: InMemoryPlanSource(files: files.merging(overrides) { $1 })).workspace
    }

    /// A project as MS Project saves it: the project summary (UID 0), one summary per program.
    static func project(tasks: String, resources: String = "", assignments: String = "") -> Data {
        Data("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Project xmlns="http://schemas.microsoft.com/project">
          <Name>plan.xml</Name>
          <Tasks>
            <Task><UID>0</UID><ID>0</ID><Name>plan</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>
        \(tasks)
          </Tasks>
          <Resources>
            <Resource><UID>0</UID><ID>0</ID><Name>Unassigned</Name></Resource>
        \(resources)
          </Resources>
          <Assignments>
        \(assignments)
          </Assignments>
        </Project>
        """.utf8)
    }

    static func task(_ uid: Int, _ name: String, level: Int = 2, start: String? = nil, finish: String? = nil, milestone: Bool = false,
                     summary: Bool = false, percent: Int = 0, text1: String? = nil, links: [(Int, Int)] = [], extra: String = "") -> String {
        var xml = "<Task><UID>\(uid)</UID><Name>\(name)</Name><OutlineLevel>\(level)</OutlineLevel>"
        xml += "<Summary>\(summary ? 1 : 0)</Summary><Milestone>\(milestone ? 1 : 0)</Milestone><PercentComplete>\(percent)</PercentComplete>"
        if let start { xml += "<Start>\(start)T08:00:00</Start>" }
        if let finish { xml += "<Finish>\(finish)T17:00:00</Finish>" }
        for (predecessor, type) in links {
            xml += "<PredecessorLink><PredecessorUID>\(predecessor)</PredecessorUID><Type>\(type)</Type><LinkLag>0</LinkLag></PredecessorLink>"
        }
        if let text1 { xml += "<ExtendedAttribute><FieldID>188743731</FieldID><Value>\(text1)</Value></ExtendedAttribute>" }
        return xml + extra + "</Task>"
    }

    static func plan(_ data: Data, program: String = "pay", workspace: Workspace = workspace()) throws -> MSPDIImport {
        try MSPDIImport.plan(try MSPDIReader.read(data), program: program, workspace: workspace, path: "plan.xml")
    }

    static let standard = project(tasks: [
        task(1, "Identity", level: 1, summary: true),
        task(2, "Token service", start: "2026-03-01", finish: "2026-03-01", milestone: true),
        task(10, "Payments", level: 1, summary: true),
        task(11, "Design", start: "2026-02-01", finish: "2026-02-01", milestone: true, percent: 100, text1: "pay/M1",
             extra: "<ActualFinish>2026-02-03T17:00:00</ActualFinish>"),
        task(12, "Beta launch", start: "2026-04-01", finish: "2026-05-15", text1: "pay/M2", links: [(11, 1), (2, 1)]),
        task(13, "Phase two", level: 2, summary: true),
        task(14, "GA", level: 3, start: "2026-07-01", finish: "2026-07-01", milestone: true, links: [(12, 1)]),
    ].joined(separator: "\n"), resources: """
        <Resource><UID>5</UID><ID>1</ID><Name>Carol Diaz</Name></Resource>
        <Resource><UID>6</UID><ID>2</ID><Name>Somebody Else</Name></Resource>
        """, assignments: """
        <Assignment><UID>1</UID><TaskUID>12</TaskUID><ResourceUID>5</ResourceUID></Assignment>
        <Assignment><UID>2</UID><TaskUID>14</TaskUID><ResourceUID>6</ResourceUID></Assignment>
        """)

    @Test func readsTasksLinksAndResources() throws {
        let document = try MSPDIReader.read(Self.standard)
        #expect(document.tasks.count == 8)
        let beta = try #require(document.tasks.first { $0.uid == 12 })
        #expect(beta.name == "Beta launch" && beta.outlineLevel == 2 && !beta.isMilestone)
        #expect(beta.start == "2026-04-01T08:00:00" && beta.finish == "2026-05-15T17:00:00")
        #expect(beta.links.map(\.predecessorUID) == [11, 2] && beta.links.map(\.type) == ["1", "1"])
        #expect(beta.text(.charterID) == "pay/M2")
        #expect(document.resources.map(\.name) == ["Unassigned", "Carol Diaz", "Somebody Else"])
        #expect(document.assignments.map(\.taskUID) == [12, 14])
        #expect(beta.position.line > 1)
    }

    /// libxml2 refuses more than 10 MB handed over at once; the reader streams it.
    @Test func readsAFileOverTenMegabytes() throws {
        let padding = String(repeating: "x", count: 2_400)
        let tasks = (1...5_000).map { Self.task($0, "Task \($0)", level: 1, start: "2026-03-01", finish: "2026-03-01", extra: "<Notes>\(padding)</Notes>") }
        let data = Self.project(tasks: tasks.joined(separator: "\n"))
        #expect(data.count > 12_000_000)
        let document = try MSPDIReader.read(data)
        #expect(document.tasks.count == 5_001)
        #expect(document.tasks.last?.name == "Task 5000" && document.tasks.last?.notes?.count == 2_400)
    }

    @Test func malformedXMLIsRefusedWithLineAndColumn() {
        let data = Data("<?xml version=\"1.0\"?>\n<Project>\n  <Tasks>\n    <Task><UID>1</Task>\n</Project>\n".utf8)
        #expect {
            _ = try MSPDIReader.read(data)
        } throws: { error in
            guard let error = error as? MSPDIError else { return false }
            return error.position.line == 4 && error.message.hasPrefix("malformed XML")
        }
        #expect(throws: MSPDIError.self) { _ = try MSPDIReader.read(Data("<Calendar/>".utf8)) }
        #expect(throws: MSPDIError.self) { _ = try MSPDIReader.read(Data()) }
        #expect(throws: MSPDIError.self) { _ = try MSPDIReader.read(Data("<Project><Tasks><Task><UID>x1</UID></Task></Tasks></Project>".utf8)) }
    }

    /// The same project as UTF-16 (with a byte order mark), with a prefixed MSPDI namespace, or
    /// with elements of another namespace mixed in, reads as the same document; a DOCTYPE or a
    /// Latin-1 file is refused with where and why.
    @Test func encodingsNamespacesAndRefusals() throws {
        let standard = try MSPDIReader.read(Self.standard)
        let text = String(decoding: Self.standard, as: UTF8.self)
        let utf16 = Data([0xFF, 0xFE] + text.replacingOccurrences(of: "UTF-8", with: "UTF-16").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(try MSPDIReader.read(utf16) == standard)
        let prefixed = text.replacingOccurrences(of: "<Project xmlns=", with: "<p:Project xmlns:p=")
            .replacingOccurrences(of: "</Project>", with: "</p:Project>")
            .replacingOccurrences(of: "<(/?)(\\w+)([ >])", with: "<$1p:$2$3", options: .regularExpression)
            .replacingOccurrences(of: "<p:p:", with: "<p:").replacingOccurrences(of: "</p:p:", with: "</p:")
        let prefixedDocument = try MSPDIReader.read(Data(prefixed.utf8))
        #expect(prefixedDocument.tasks.map(\.uid) == standard.tasks.map(\.uid))
        #expect(prefixedDocument.tasks.map(\.name) == standard.tasks.map(\.name))
        let foreign = text.replacingOccurrences(of: "<Name>Beta launch</Name>",
                                                with: "<Name>Beta launch</Name><x:Name xmlns:x=\"urn:other\">Not this</x:Name>")
        #expect(try MSPDIReader.read(Data(foreign.utf8)).tasks.map(\.name) == standard.tasks.map(\.name))

        let doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY x \"y\">]>\n<Project>&x;</Project>"
        #expect(throws: MSPDIError(position: TextPosition(line: 2, column: 1),
                                   message: "malformed XML: a DOCTYPE (document type declaration): charter reads no DTDs and expands no entities")) {
            _ = try MSPDIReader.read(Data(doctype.utf8))
        }
        let latin1 = Data(Array("<Project><Tasks><Task><Name>Caf".utf8) + [0xE9] + Array("</Name></Task></Tasks></Project>".utf8))
        #expect(throws: MSPDIError(position: TextPosition(line: 1, column: 32),
                                   message: "a byte (0xE9) that is not UTF-8; charter reads XML in UTF-8, or UTF-16 with a byte order mark")) {
            _ = try MSPDIReader.read(latin1)
        }
        #expect(throws: MSPDIError(position: TextPosition(line: 1, column: 1),
                                   message: "not an MSPDI file: the root element is <Project> in namespace urn:x, not <Project>")) {
            _ = try MSPDIReader.read(Data("<Project xmlns=\"urn:x\"/>".utf8))
        }
    }

    @Test func mapsTasksToMilestones() throws {
        let imported = try Self.plan(Self.standard)
        #expect(imported.milestones.map(\.id.value) == ["M1", "M2", "M8"])
        #expect(imported.matched == ["M1", "M2", nil])
        #expect(imported.removed == ["M7"])
        let design = imported.milestones[0], beta = imported.milestones[1], ga = imported.milestones[2]
        // A milestone is an event (no start); done from PercentComplete 100, done_on from ActualFinish.
        #expect(design.start == nil && design.date?.value == PlanDate("2026-02-01"))
        #expect(design.status.value == .done && design.doneOn?.value == PlanDate("2026-02-03"))
        #expect(design.workstream?.value == "api", "kept: the file has no Text2")
        #expect(beta.name == "Beta launch" && beta.start?.value == PlanDate("2026-04-01") && beta.date?.value == PlanDate("2026-05-15"))
        #expect(beta.dependsOn.map(\.value.description) == ["M1", "identity/T3"])
        #expect(beta.owner?.value == "carol")
        #expect(beta.description == "Keep me", "kept: the file has no notes")
        #expect(ga.name == "GA" && ga.dependsOn.map(\.value.description) == ["M2"] && ga.status.value == .planned)
        #expect(ga.owner == nil)
        #expect(imported.warnings.count == 1)
        #expect(imported.warnings.first?.message.contains("resource 'Somebody Else' is no one in people.yaml") == true)
    }

    @Test func matchesByNameWhenNoIDIsKept() throws {
        let data = Self.project(tasks: [
            Self.task(1, "Beta", level: 1, start: "2026-05-01", finish: "2026-05-20"),
            Self.task(2, "Design", level: 1, start: "2026-02-01", finish: "2026-02-01", milestone: true, percent: 100),
        ].joined(separator: "\n"))
        let imported = try Self.plan(data)
        #expect(imported.matched == ["M2", "M1"])
        #expect(imported.milestones.map(\.dependsOn.count) == [0, 0])
        #expect(imported.milestones[1].doneOn?.value == PlanDate("2026-02-01"), "no ActualFinish: the finish")
    }

    @Test func newIDsFollowTheProgramsNumbering() {
        var ids = NewIDs(existing: ["R1", "R12", "M3", "R2", "kickoff"])
        #expect(ids.next(avoiding: []) == "R13")
        #expect(ids.next(avoiding: ["R14"]) == "R15")
        var fresh = NewIDs(existing: [])
        #expect(fresh.next(avoiding: []) == "M1")
    }

    @Test(arguments: [(0, "finish-to-finish"), (2, "start-to-finish"), (3, "start-to-start")])
    func otherLinkTypesAreRefusedNamingTheTask(type: Int, name: String) {
        let data = Self.project(tasks: [
            Self.task(1, "Design", level: 1, start: "2026-02-01", finish: "2026-02-01", milestone: true),
            Self.task(2, "Beta", level: 1, start: "2026-05-01", finish: "2026-05-20", links: [(1, type)]),
        ].joined(separator: "\n"))
        #expect {
            _ = try Self.plan(data)
        } throws: { error in
            let message = (error as? MSPDIError)?.message ?? ""
            return message.contains("task 'Beta' has a \(name) link") && message.contains("'Design'")
        }
    }

    @Test func unknownLinkTypesAndDanglingLinksAreRefused() {
        let unknown = Self.project(tasks: Self.task(2, "Beta", level: 1, links: [(2, 7)]))
        #expect(throws: MSPDIError.self) { _ = try Self.plan(unknown) }
        let dangling = Self.project(tasks: Self.task(2, "Beta", level: 1, links: [(99, 1)]))
        #expect(throws: MSPDIError.self) { _ = try Self.plan(dangling) }
    }

    @Test func cyclesAreRefused() {
        let data = Self.project(tasks: [
            Self.task(1, "Design", level: 1, start: "2026-02-01", finish: "2026-02-01", links: [(2, 1)]),
            Self.task(2, "Beta", level: 1, start: "2026-05-01", finish: "2026-05-01", links: [(1, 1)]),
        ].joined(separator: "\n"))
        #expect {
            _ = try Self.plan(data)
        } throws: { error in
            (error as? MSPDIError)?.message.contains("dependency cycle: pay/M1 'Design' → pay/M2 'Beta' → pay/M1 'Design'") == true
        }
    }

    @Test func theEditorKeepsUnchangedEntriesAndRewritesChangedOnes() throws {
        let workspace = Self.workspace()
        let imported = try Self.plan(Self.standard, workspace: workspace)
        let original = Self.files["programs/pay/milestones.yaml"]!
        let text = MilestonesFileEditor.render(original: original, program: workspace.program("pay")!, imported: imported)
        #expect(text == """
        milestones:
          # the design gate
          - id: M1
            name: Design
            workstream: api
            date: 2026-02-01
            status: done
            done_on: 2026-02-03
          - id: M2
            name: Beta launch
            owner: carol
            start: 2026-04-01
            date: 2026-05-15
            description: Keep me
            depends_on:
              - M1
              - identity/T3
          - id: M8
            name: GA
            date: 2026-07-01
            depends_on:
              - M2

        """)
        // Read back, the file says what the import says.
        let after = WorkspaceLoader.load(from: InMemoryPlanSource(files: Self.files.merging(["programs/pay/milestones.yaml": text]) { $1 }))
        let program = try #require(after.workspace.program("pay"))
        for (read, planned) in zip(program.milestones, imported.milestones) {
            #expect(MilestonesFileEditor.sameContent(read, planned, folder: "pay"), "\(read.id.value)")
        }
        #expect(after.findings.isEmpty)
    }

    @Test func anUnchangedEntryKeepsItsText() throws {
        let workspace = Self.workspace()
        let data = Self.project(tasks: [
            Self.task(11, "Design", level: 1, start: "2026-02-01", finish: "2026-02-01", milestone: true, percent: 100, text1: "pay/M1",
                      extra: "<ActualFinish>2026-02-01T17:00:00</ActualFinish>"),
            Self.task(12, "Beta", level: 1, start: "2026-05-01", finish: "2026-05-01", milestone: true, text1: "pay/M2", links: [(11, 1)]),
            Self.task(13, "Kickoff", level: 1, start: "2026-01-05", finish: "2026-01-05", milestone: true),
            Self.task(15, "Old task", level: 1, start: "2026-06-01", finish: "2026-06-01", milestone: true),
        ].joined(separator: "\n"))
        let imported = try Self.plan(data, workspace: workspace)
        let text = MilestonesFileEditor.render(original: Self.files["programs/pay/milestones.yaml"]!, program: workspace.program("pay")!, imported: imported)
        #expect(text == """
        milestones:
          # the design gate
          - { id: M1, name: Design, date: 2026-02-01, status: done, done_on: 2026-02-01, workstream: api }
          - id: M2
            name: Beta
            date: 2026-05-01
            depends_on: [M1]
            description: Keep me
          - id: M8
            name: Kickoff
            date: 2026-01-05
          - { id: M7, name: Old task, date: 2026-06-01 }

        """)
    }

    @Test func aFileWithoutEntriesIsWrittenWhole() throws {
        let workspace = Self.workspace(["programs/pay/milestones.yaml": "milestones: []\n"])
        let imported = try Self.plan(Self.project(tasks: Self.task(1, "1234 \"quoted\": yes", level: 1, start: "2026-03-01", finish: "2026-03-01", milestone: true)),
                                     workspace: workspace)
        let text = MilestonesFileEditor.render(original: "milestones: []\n", program: workspace.program("pay")!, imported: imported)
        #expect(text == "milestones:\n  - id: M1\n    name: \"1234 \\\"quoted\\\": yes\"\n    date: 2026-03-01\n")
    }
}
