import Foundation
import Testing

/// `charter export`: the calendar is read back by Python's `icalendar`, the spreadsheet by its
/// `csv` module, both from the built binary on a real repository.
@Suite struct ExportCommandTests {
    static let hasICalendar = (try? Run.process("/usr/bin/env", ["python3", "-c", "import icalendar"], in: "/").status) == 0

    /// Names with commas, semicolons, quotes, accents and a long description: what breaks exporters.
    static func workspace() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace([
            "people.yaml": """
            people:
              - { id: alice, name: "Ng, Alice", email: alice@example.com }
              - { id: carol, name: Carol Díaz, email: carol@example.com }
              - { id: dave, name: Dave Kim }

            """,
            "programs/pay/milestones.yaml": """
            milestones:
              - { id: M1, name: Design, date: 2026-02-01, status: done, done_on: 2026-02-01, owner: alice }
              - id: M2
                name: "Beta; wallets, cards \\\\ \\"quotes\\""
                owner: carol
                date: 2026-05-01
                depends_on: [M1]
                description: "Ünïcödé détails répétés, à découper proprement sur plusieurs lignes sans casser les caractères: ééééééééééééééééééééééé"
              - { id: M3, name: GA, owner: dave, date: 2026-06-30, depends_on: [M2] }
              - { id: M4, name: Later, owner: dave }

            """,
        ])
        try fixture.commitAll("Plans")
        return fixture
    }

    static func python(_ script: String, input path: String) throws -> String {
        let result = try Run.process("/usr/bin/env", ["python3", "-c", script, path], in: "/")
        guard result.status == 0 else { throw FixtureError("python failed: \(result.stderr)") }
        return result.stdout
    }

    @Test(.enabled(if: ExportCommandTests.hasICalendar, "python3 -m pip install icalendar (Scripts/install-dependencies.sh)"))
    func calendarParsesWithARealParser() throws {
        let fixture = try Self.workspace()
        let result = try Run.charter(["export", "--format", "ics", "--as-of", "2026-03-02", "--out", "out/plan.ics"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let path = fixture.url("out/plan.ics").path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: bytes, as: UTF8.self)
        // CRLF everywhere, no physical line over 75 octets.
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }

        let parsed = try Self.python("""
        import sys, json, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = {"version": str(cal['VERSION']), "prodid": str(cal['PRODID']), "events": []}
        for e in cal.walk('VEVENT'):
            out["events"].append({k: str(e.get(k)) for k in ['UID', 'SUMMARY', 'DESCRIPTION', 'ORGANIZER', 'STATUS']}
                | {"start": e.decoded('DTSTART').isoformat(), "end": e.decoded('DTEND').isoformat(),
                   "stamp": e.decoded('DTSTAMP').isoformat(), "cn": str(e['ORGANIZER'].params.get('CN')) if 'ORGANIZER' in e else None})
        print(json.dumps(out))
        """, input: path)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(parsed.utf8)) as? [String: Any])
        #expect(document["version"] as? String == "2.0")
        let events = try #require(document["events"] as? [[String: Any]])
        // M4 has no date: not on the calendar.
        #expect(events.map { $0["UID"] as? String } == ["pay/M1@charter", "pay/M2@charter", "pay/M3@charter"])
        let beta = events[1]
        #expect(beta["SUMMARY"] as? String == #"pay M2: Beta; wallets, cards \ "quotes""#)
        #expect(beta["start"] as? String == "2026-05-01" && beta["end"] as? String == "2026-05-02")
        #expect(beta["stamp"] as? String == "2026-03-02T00:00:00+00:00")
        #expect(beta["ORGANIZER"] as? String == "mailto:carol@example.com")
        #expect(beta["cn"] as? String == "Carol Díaz")
        let description = try #require(beta["DESCRIPTION"] as? String)
        #expect(description.contains("Status: planned\nOwner: Carol Díaz (carol)\nDepends on: M1"))
        #expect(description.contains("ééééééééééééééééééééééé"))
        #expect(events[0]["cn"] as? String == "Ng, Alice")
        // Dave has no email: no organizer.
        #expect(events[2]["ORGANIZER"] as? String == "None")
    }

    @Test func spreadsheetParsesWithPythonsCSVModule() throws {
        let fixture = try Self.workspace()
        let result = try Run.charter(["export", "--format", "csv", "pay"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("program,milestone,name,workstream,owner,owner_name,owner_email,start,date,status,done_on,depends_on\r\n"))
        try fixture.write("export.csv", result.stdout)
        let parsed = try Self.python("""
        import sys, csv, json
        with open(sys.argv[1], newline='', encoding='utf-8') as f:
            print(json.dumps(list(csv.DictReader(f))))
        """, input: fixture.url("export.csv").path)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(parsed.utf8)) as? [[String: String]])
        #expect(rows.map { $0["milestone"] } == ["M1", "M2", "M3", "M4"])
        #expect(rows[1]["name"] == #"Beta; wallets, cards \ "quotes""#)
        #expect(rows[1]["owner_name"] == "Carol Díaz" && rows[1]["owner_email"] == "carol@example.com")
        #expect(rows[0]["owner_name"] == "Ng, Alice" && rows[0]["done_on"] == "2026-02-01")
        #expect(rows[2]["depends_on"] == "M2" && rows[3]["date"] == "")
    }

    @Test func revisionStampsTheCalendarWithTheCommitDay() throws {
        let fixture = try Self.workspace()
        let result = try Run.charter(["export", "--format", "ics", "--rev", "HEAD"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        // The fixture's commits are dated 2026-03-02 (Run.gitEnvironment): same plans, same file.
        #expect(result.stdout.contains("DTSTAMP:20260302T000000Z\r\n"))
        #expect(result.stdout == (try Run.charter(["export", "--format", "ics", "--rev", "HEAD"], in: fixture.path)).stdout)
    }

    @Test func unknownProgramAndFormatAreUsageErrors() throws {
        let fixture = try Self.workspace()
        let program = try Run.charter(["export", "--format", "csv", "payy"], in: fixture.path)
        #expect(program.status == 2 && program.stderr.contains("did you mean 'pay'?"))
        let format = try Run.charter(["export", "--format", "xlsx"], in: fixture.path)
        #expect(format.status == 2)
    }
}
