import Foundation
import Testing

/// Lessons learned from the built binary on real histories: validated at their line, brought
/// back by diff, check, changes and the PR markdown when a later commit moves what they refer to,
/// and listed by `charter lessons`.
@Suite struct LessonsCommandTests {
    static func lessons(cr: String, extra: String = "") -> String {
        """
        lessons:
          - id: L1
            title: Beta slipped behind the vendor
            category: vendor
            trigger: The vendor moved the certification slot.
            recommendation: Book the slot before dating Beta.
            owner: carol
            status: closed
            refs: [\(cr), M2]
          - { id: L2, title: Onboarding waits on merchants, category: process, status: open }
        \(extra)
        """
    }

    /// Three commits: the plan, a slip of M2 (the CR the lesson cites), the lessons; then the
    /// caller's own commits.
    static func history() throws -> (Fixture, cr: String) {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.commitAll("Plans")
        try fixture.write("programs/pay/milestones.yaml", Samples.workspace["programs/pay/milestones.yaml"]!
            .replacingOccurrences(of: "2026-05-01", with: "2026-05-08"))
        try fixture.commitAll("Slip Beta a week")
        let cr = "CR-" + String(try fixture.git("rev-parse", "HEAD").prefix(12))
        try fixture.write("programs/pay/lessons.yaml", lessons(cr: cr))
        try fixture.commitAll("Retrospective")
        return (fixture, cr)
    }

    static func slipAgain(_ fixture: Fixture) throws {
        try fixture.write("programs/pay/milestones.yaml", Samples.workspace["programs/pay/milestones.yaml"]!
            .replacingOccurrences(of: "2026-05-01", with: "2026-05-20"))
        try fixture.commitAll("Slip Beta again")
    }

    @Test("a lesson with a wrong ref fails validation at its line, with did-you-mean")
    func wrongRefFailsValidation() throws {
        let (fixture, cr) = try Self.history()
        try fixture.write("programs/pay/lessons.yaml", Self.lessons(cr: cr).replacingOccurrences(of: ", M2]", with: ", m2, owner-x]"))
        let result = try Run.charter(["validate"], in: fixture.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("programs/pay/lessons.yaml:9:29: error: lesson L1 refers to 'm2', but this program has no milestone, risk or decision 'm2'; did you mean 'M2'? [unknown-reference]"), "\(result.stdout)")
        #expect(result.stdout.contains("programs/pay/lessons.yaml:9:33: error: lesson L1 refers to 'owner-x'"), "\(result.stdout)")
    }

    @Test("a later commit that moves the milestone brings the lesson back in diff (text, markdown, json)")
    func diffShowsLesson() throws {
        let (fixture, cr) = try Self.history()
        try Self.slipAgain(fixture)
        let text = try Run.charter(["diff", "HEAD^!"], in: fixture.path)
        #expect(text.status == 0)
        #expect(text.stdout.contains("lessons learned\n  ↺ pay/L1 · Beta slipped behind the vendor (vendor, closed)"), "\(text.stdout)")
        #expect(text.stdout.contains("recommendation: Book the slot before dating Beta."))
        #expect(text.stdout.contains("because milestone pay/M2 slipped 12 days (named in its refs)"))
        #expect(text.stdout.contains("learned in \(cr)"))
        #expect(!text.stdout.contains("pay/L2"))

        let markdown = try Run.charter(["diff", "--format", "markdown", "HEAD~1...HEAD"], in: fixture.path)
        #expect(markdown.stdout.contains("#### Lessons that apply"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("Learned in \(cr) (\(cr.dropFirst(3)))"), "\(markdown.stdout)")

        let json = try Run.charter(["diff", "--format", "json", "HEAD^!"], in: fixture.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let lessons = try #require(object["lessons"] as? [[String: Any]])
        #expect(lessons.count == 1)
        #expect(lessons.first?["ref"] as? String == "pay/L1")
        #expect((lessons.first?["change_requests"] as? [[String: Any]])?.first?["id"] as? String == cr)
        #expect((lessons.first?["because"] as? [[String: Any]])?.first?["reason"] as? String == "refers")

        // The commit that wrote the lessons moved nothing they refer to.
        let quiet = try Run.charter(["diff", "--format", "json", "HEAD~1^!"], in: fixture.path)
        #expect((try JSONSerialization.jsonObject(with: Data(quiet.stdout.utf8)) as? [String: Any])?["lessons"] as? [Any] != nil)
        #expect(((try JSONSerialization.jsonObject(with: Data(quiet.stdout.utf8)) as? [String: Any])?["lessons"] as? [Any])?.isEmpty == true)
    }

    @Test("check shows the lesson as a note at its line and passes; changes records carry it")
    func checkAndChanges() throws {
        let (fixture, cr) = try Self.history()
        try Self.slipAgain(fixture)
        let check = try Run.charter(["check", "HEAD~1..HEAD"], in: fixture.path)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let head = "CR-" + String(try fixture.git("rev-parse", "HEAD").prefix(12))
        #expect(check.stdout.contains("programs/pay/lessons.yaml:2:9: note: \(head) brings back lesson pay/L1 · Beta slipped behind the vendor (vendor, closed): Book the slot before dating Beta. (learned in \(cr)) [lesson-recalled]"), "\(check.stdout)")
        #expect(check.stdout.contains("no problems found"))

        // Over the whole history, once: the slip the lesson cites does not bring it back.
        let root = try fixture.git("rev-list", "--max-parents=0", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let all = try Run.charter(["check", "\(root)..HEAD"], in: fixture.path)
        #expect(all.status == 0)
        #expect(all.stdout.components(separatedBy: "[lesson-recalled]").count == 2, "\(all.stdout)")
        #expect(!all.stdout.contains("\(cr) brings back"), "\(all.stdout)")

        let sarif = try Run.charter(["check", "HEAD~1..HEAD", "--format", "sarif"], in: fixture.path)
        #expect(sarif.stdout.contains("\"level\" : \"note\""), "\(sarif.stdout)")

        let changes = try Run.charter(["changes", "--format", "json", "--max-count", "1"], in: fixture.path)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(changes.stdout.utf8)) as? [[String: Any]])
        #expect((records.first?["lessons"] as? [[String: Any]])?.first?["ref"] as? String == "pay/L1", "\(changes.stdout)")
        let text = try Run.charter(["changes", "--max-count", "1"], in: fixture.path)
        #expect(text.stdout.contains("  lessons learned:\n    ↺ pay/L1"), "\(text.stdout)")
        let markdown = try Run.charter(["changes", "--format", "markdown", "--max-count", "1"], in: fixture.path)
        #expect(markdown.stdout.contains("**Lessons that apply**"), "\(markdown.stdout)")
    }

    @Test("check: a CR id that names no plan commit is an error at the ref")
    func unknownChangeRequest() throws {
        let (fixture, cr) = try Self.history()
        try fixture.write("notes.txt", "not a plan\n")
        try fixture.commitAll("Notes")
        let notPlan = "CR-" + String(try fixture.git("rev-parse", "HEAD").prefix(12))
        try fixture.write("programs/pay/lessons.yaml", Self.lessons(cr: cr).replacingOccurrences(of: ", M2]", with: ", CR-0123456789ab, \(notPlan)]"))
        try fixture.commitAll("Cite more CRs")
        let check = try Run.charter(["check", "HEAD~1..HEAD"], in: fixture.path)
        #expect(check.status == 1)
        #expect(check.stdout.contains("programs/pay/lessons.yaml:9:29: error: lesson L1 refers to CR-0123456789ab, but no commit in this repository has that id"), "\(check.stdout)")
        #expect(check.stdout.contains("lesson L1 refers to \(notPlan), but its commit changed no plan file"), "\(check.stdout)")
        #expect(!check.stdout.contains("refers to \(cr),"), "\(check.stdout)")
    }

    @Test("charter lessons lists lessons with what they refer to; --open, --category and --format filter and shape")
    func listing() throws {
        let (fixture, cr) = try Self.history()
        let text = try Run.charter(["lessons"], in: fixture.path)
        #expect(text.status == 0)
        #expect(text.stdout.contains("pay/L1 · Beta slipped behind the vendor (vendor, closed, owner carol)"), "\(text.stdout)")
        #expect(text.stdout.contains("→ change request \(cr) · Slip Beta a week"), "\(text.stdout)")
        #expect(text.stdout.contains("→ milestone pay/M2 · Beta · 2026-05-08 · planned"), "\(text.stdout)")
        #expect(text.stdout.hasSuffix("2 lessons\n"))

        let open = try Run.charter(["lessons", "pay", "--open", "--format", "json"], in: fixture.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(open.stdout.utf8)) as? [String: Any])
        #expect((object["lessons"] as? [[String: Any]])?.map { $0["id"] as? String } == ["L2"])

        let vendor = try Run.charter(["lessons", "--category", "vendor", "--format", "markdown"], in: fixture.path)
        #expect(vendor.stdout.contains("## pay/L1"), "\(vendor.stdout)")
        #expect(!vendor.stdout.contains("pay/L2"))

        let typo = try Run.charter(["lessons", "--category", "vendr"], in: fixture.path)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'vendor'?"), "\(typo.stderr)")
        let unknown = try Run.charter(["lessons", "payy"], in: fixture.path)
        #expect(unknown.status == 2)
    }

    @Test("the status report has a lessons section in HTML and markdown")
    func report() throws {
        let (fixture, _) = try Self.history()
        let markdown = try Run.charter(["report", "--format", "markdown"], in: fixture.path)
        #expect(markdown.stdout.contains("### Lessons learned"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("| **pay** | L2 · Onboarding waits on merchants | process | open |"), "\(markdown.stdout)")
        let html = try Run.charter(["report", "--out", fixture.path + "/status.html"], in: fixture.path)
        #expect(html.status == 0, "\(html.stderr)")
        let page = try fixture.read("status.html")
        #expect(page.contains("<h3>Lessons learned</h3>"))
        #expect(page.contains("Book the slot before dating Beta."))
    }
}
