import Foundation
import Testing

/// A commit with many program folders the walk has not read yet (an import) has them listed,
/// read, parsed and put together on every core, each core through a repository handle of its own
/// (`HistoryWorkspaces`, from 128 new folders in one tree). Its records must be what the one-thread
/// path and `charter diff` give, and a damaged object met on any core must still stop the walk.
@Suite struct ParallelImportReadTests {
    /// Enough programs for the walk to split them into chunks read on several cores.
    static let programCount = 150

    /// Program `p001`…: its M2 depends on the previous program's M2 (across programs, so a slip
    /// reaches downstream), and each has a risk.
    static func files(slipping slipped: Int? = nil) -> [String: String] {
        var files: [String: String] = [:]
        for number in 1...programCount {
            let folder = name(number)
            files["programs/\(folder)/program.yaml"] =
                "id: \(folder)\nname: Program \(number)\nowner: alice\nstatus: active\nstart: 2026-03-01\ntarget: 2026-09-01\n"
            let design = number == slipped ? "2026-07-20" : "2026-06-01"
            let upstream = number > 1 ? ", \(name(number - 1))/M2" : ""
            files["programs/\(folder)/milestones.yaml"] = """
            milestones:
              - { id: M1, name: Design, owner: alice, date: \(design) }
              - { id: M2, name: Build, owner: alice, date: 2026-07-01, depends_on: [M1\(upstream)] }

            """
            files["programs/\(folder)/risks.yaml"] = """
            risks:
              - { id: R1, title: Vendor late, owner: alice, probability: 2, impact: 3, status: open }

            """
        }
        return files
    }

    static func name(_ number: Int) -> String { "p" + String(format: "%03d", number) }

    private func importedHistory() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        for (path, text) in Self.files() { try fixture.write(path, text) }
        try fixture.commitAll("Import \(Self.programCount) programs")
        try fixture.write("programs/p075/milestones.yaml", Self.files(slipping: 75)["programs/p075/milestones.yaml"]!)
        try fixture.commitAll("p075's design slips")
        return fixture
    }

    @Test("an import read on every core gives the records diff gives each commit")
    func importMatchesDiff() throws {
        let fixture = try importedHistory()
        let found = try ImportRecordTests.recordsAndDiffs(fixture)
        #expect(found.count == 2)
        for (title, record, diff) in found { #expect(record == diff, "\(title)") }
        // Something to compare: the slip pushes p076, downstream of p075.
        let slip = try #require(found.first)
        #expect(slip.record.contains { $0.contains("before its dependency p075/M2") }, "\(slip.record)")

        let walk = try Run.charter(["changes", "--format", "json", "--no-cache"], in: fixture.path)
        let records = try JSONSerialization.jsonObject(with: Data(walk.stdout.utf8)) as! [[String: Any]]
        let imported = try #require(records.last)
        let changes = imported["changes"] as? [[String: Any]] ?? []
        // Every program of the import is read, whichever core read it.
        let programs = Set(changes.compactMap { $0["program"] as? String }.filter { $0.hasPrefix("p") && $0.count == 4 })
        #expect(programs.count == Self.programCount, "\(programs.count)")
    }

    @Test("a missing object met on any core of an import stops the walk, naming the object and the commit")
    func damagedImport() throws {
        let fixture = try importedHistory()
        // A file of a program near the end of the sorted folders: read by another chunk than the first.
        let blob = try fixture.git("rev-parse", "HEAD~1:programs/p140/risks.yaml").trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try fixture.git("rev-parse", "HEAD~1").trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(atPath: fixture.path + "/.git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
        for arguments in [["changes", "--no-cache"], ["changes", "--format", "json", "--no-cache"]] {
            let result = try Run.charter(arguments, in: fixture.path)
            #expect(result.status == 2, "\(arguments) exited \(result.status): \(result.stdout.prefix(300))")
            #expect(result.stderr.contains(blob), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("missing or corrupt"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments): no records from a damaged walk")
        }
        // The message names a commit holding the object (the import, or the later commit that kept it).
        let result = try Run.charter(["changes", "--no-cache"], in: fixture.path)
        let head = try fixture.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(result.stderr.contains(commit) || result.stderr.contains(head), "\(result.stderr)")
    }
}
