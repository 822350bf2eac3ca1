import Foundation
import Testing

@Suite struct OutputFormatTests {
    func run(_ format: String, environment: [String: String] = [:]) throws -> Run.Result {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace(in: "plans", ["programs/pay/milestones.yaml": Samples.brokenMilestones])
        return try Run.charter(["validate", "--format", format, "--as-of", "2026-03-01"], in: fixture.url("plans").path,
                               environment: environment)
    }

    @Test func json() throws {
        let result = try run("json")
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let diagnostics = object["diagnostics"] as! [[String: Any]]
        #expect(diagnostics.count == 1)
        for key in ["rule", "severity", "path", "line", "column", "message"] { #expect(diagnostics[0][key] != nil) }
        #expect(diagnostics[0]["path"] as? String == "programs/pay/milestones.yaml")
        #expect((object["summary"] as! [String: Any])["errors"] as? Int == 1)
    }

    @Test("SARIF paths are repository-relative and positions 1-based")
    func sarif() throws {
        let result = try run("sarif")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["version"] as? String == "2.1.0")
        #expect(result.stdout.contains("plans/programs/pay/milestones.yaml"))
    }

    @Test func githubAnnotationsThenFullReport() throws {
        let result = try run("github")
        #expect(result.stdout.contains("::error file=plans/programs/pay/milestones.yaml,line=3,col=58"))
        #expect(result.stdout.contains("programs/pay/milestones.yaml:3:58: error:"))
    }

    @Test func codeQuality() throws {
        let result = try run("codequality")
        let issues = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        #expect(issues.count == 1)
        #expect((issues[0]["location"] as! [String: Any])["path"] as? String == "plans/programs/pay/milestones.yaml")
    }

    @Test("no colour in a pipe, and never with NO_COLOR")
    func noColor() throws {
        #expect(!(try run("text")).stdout.contains("\u{1B}["))
        #expect(!(try run("text", environment: ["NO_COLOR": "1"])).stdout.contains("\u{1B}["))
    }

    @Test func unknownFormatIsUsageError() throws {
        let result = try run("xml")
        #expect(result.status == 2, "\(result.status)")
        #expect(result.stderr.contains("xml"))
    }
}
