import CharterCore
import Foundation
@testable import CharterReporters
import Testing

/// Diffs the reporter tests render, made by the engine from small in-memory workspaces.
enum DiffSamples {
    static let base: [String: String] = [
        "people.yaml": "people:\n  - { id: alice, name: Alice }\n",
        "programs/pay/program.yaml": """
        id: pay
        name: Payments
        owner: alice
        status: active
        start: 2026-01-12
        target: 2026-09-30
        budget: { currency: USD, total: 1250000 }

        """,
        "programs/pay/milestones.yaml": """
        milestones:
          - { id: M1, name: Design, date: 2026-02-15 }
          - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M1] }
          - { id: M3, name: Load test, date: 2026-05-20, depends_on: [M2] }

        """,
        "programs/pay/risks.yaml": "risks:\n  - { id: R1, title: Vendor late, owner: alice, probability: 3, impact: 4, status: open }\n",
    ]

    static func diff(_ edits: [String: String?], from files: [String: String] = base) -> PlanDiff {
        var edited = files
        for (path, text) in edits { edited[path] = text }
        let before = WorkspaceLoader.load(from: InMemoryPlanSource(files: files))
        let after = WorkspaceLoader.load(from: InMemoryPlanSource(files: edited))
        return SemanticDiff.compare(DiffSide(before), DiffSide(after), asOf: PlanDate("2026-01-01")!)
    }

    /// A slip with a consequence, a new risk, a budget increase and a new person.
    static let typical = diff([
        "programs/pay/milestones.yaml": base["programs/pay/milestones.yaml"]!.replacingOccurrences(of: "2026-05-01", with: "2026-05-15"),
        "programs/pay/risks.yaml": base["programs/pay/risks.yaml"]! + "  - { id: R7, title: PCI gaps, owner: alice, probability: 4, impact: 5, status: open, mitigation: Pre-audit }\n",
        "programs/pay/program.yaml": base["programs/pay/program.yaml"]!.replacingOccurrences(of: "1250000", with: "1290000"),
        "people.yaml": base["people.yaml"]! + "  - { id: zoe, name: Zoe Q }\n",
    ])

    static let context = DiffReportContext(fromLabel: "main", toLabel: "topic",
                                           fromCommit: String(repeating: "a", count: 40), toCommit: String(repeating: "b", count: 40),
                                           command: "charter diff main...topic")

    /// `count` programs of `perProgram` milestones each, all added to programs that already exist.
    static func huge(programs count: Int, perProgram: Int, nameLength: Int = 60) -> PlanDiff {
        var before: [String: String] = [:], after: [String: String] = [:]
        let name = String(repeating: "n", count: nameLength)
        for index in 0..<count {
            let program = "program-\(index)"
            let header = "id: \(program)\nname: P\(index)\nowner: alice\nstatus: active\nstart: 2026-01-01\n"
            before["programs/\(program)/program.yaml"] = header
            after["programs/\(program)/program.yaml"] = header
            after["programs/\(program)/milestones.yaml"] = "milestones:\n" + (0..<perProgram).map {
                "  - { id: M\($0), name: \(name) \($0), date: 2026-03-01 }\n"
            }.joined()
        }
        return SemanticDiff.compare(DiffSide(WorkspaceLoader.load(from: InMemoryPlanSource(files: before))),
                                    DiffSide(WorkspaceLoader.load(from: InMemoryPlanSource(files: after))), asOf: PlanDate("2026-01-01")!)
    }
}

@Suite struct DiffReporterTests {
    @Test func registryHasOneReporterPerFormat() {
        #expect(DiffReporters.all.map { $0.format } == DiffFormat.allCases)
    }

    @Test func textIsPlainWithoutColorAndEndsWithTheSummaryLine() {
        let text = DiffReporters.render(DiffSamples.typical, as: .text, context: DiffSamples.context)
        #expect(!text.contains("\u{1B}["))
        #expect(text.hasPrefix("charter diff main (aaaaaaaa) → topic (bbbbbbbb)\n"))
        #expect(text.contains("\npay · Payments\n"))
        #expect(text.contains("  ~ milestone M2 · Beta\n      date: 2026-05-01 → 2026-05-15 (slipped 14d)\n"))
        #expect(text.contains("  + risk R7 · PCI gaps (score 20, open)\n"))
        #expect(text.contains("      budget.total: 1,250,000 → 1,290,000 (+$40,000, +3.2%)\n"))
        #expect(text.contains("  ! M3 now has 5 days of slack after M2 (was 19): it ends 2026-05-15\n"))
        #expect(text.contains("  + person zoe · Zoe Q\n"))
        let last = text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last == "summary       " + DiffSamples.typical.summary.line)
        #expect(text.contains("budget        +$40,000 (+3.2%)\n"))
    }

    @Test func textColoursOnlyWhenAsked() {
        var context = DiffSamples.context
        context.useColor = true
        let text = DiffReporters.render(DiffSamples.typical, as: .text, context: context)
        #expect(text.contains("\u{1B}[32m+\u{1B}[0m risk R7"))
        #expect(text.contains("\u{1B}[33m~\u{1B}[0m milestone M2"))
    }

    @Test func textEscapesControlCharactersFromPlans() {
        let diff = DiffSamples.diff(["programs/pay/risks.yaml": DiffSamples.base["programs/pay/risks.yaml"]!
            + "  - { id: R9, title: \"evil \\e[31m red\", owner: alice, probability: 1, impact: 1, status: open }\n"])
        let text = DiffReporters.render(diff, as: .text, context: DiffSamples.context)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("evil \\u{1B}[31m red"))
    }

    @Test func noChanges() {
        let diff = DiffSamples.diff([:])
        #expect(DiffReporters.render(diff, as: .text, context: DiffSamples.context).hasSuffix("no changes\n"))
        #expect(DiffReporters.render(diff, as: .markdown, context: DiffSamples.context).hasSuffix("No plan changes.\n"))
    }

    @Test func markdownHasSummaryTableLineAndDetails() {
        let markdown = DiffReporters.render(DiffSamples.typical, as: .markdown, context: DiffSamples.context)
        #expect(markdown.hasPrefix("### Plan changes: `main (aaaaaaaa)` → `topic (bbbbbbbb)`\n"))
        #expect(markdown.contains("| **Budget** | +\\$40,000 (+3.2%) |"), "dollars escaped, or GitHub renders math")
        #expect(markdown.contains("```text\n\(DiffSamples.typical.summary.line)\n```"))
        #expect(markdown.contains("#### pay · Payments"))
        #expect(markdown.contains("| modified | milestone **M2** · Beta | date: 2026-05-01 → 2026-05-15 (slipped 14d) |"))
        #expect(markdown.contains("- ⚠️ M3 now has 5 days of slack"))
        #expect(!markdown.contains("Cut to fit"))
    }

    @Test("plan text cannot inject HTML, break tables or mention people")
    func markdownEscapes() {
        let diff = DiffSamples.diff(["programs/pay/risks.yaml": DiffSamples.base["programs/pay/risks.yaml"]!
            + "  - { id: R9, title: \"<script>x</script> | @alice #12 *bold*\", owner: alice, probability: 1, impact: 1, status: open }\n"])
        let markdown = DiffReporters.render(diff, as: .markdown, context: DiffSamples.context)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("&lt;script&gt;x&lt;/script&gt; \\| \\@alice \\#12 \\*bold\\*"))
    }

    @Test func longListsFoldIntoDetails() {
        let diff = DiffSamples.huge(programs: 1, perProgram: 12)
        let markdown = DiffReporters.render(diff, as: .markdown, context: DiffSamples.context)
        #expect(markdown.contains("<details><summary>12 changes in program-0</summary>"))
        #expect(markdown.contains("</details>"))
    }

    @Test("markdown always fits GitHub's comment limit, cutting details before the summary")
    func markdownFitsTheLimit() {
        let diff = DiffSamples.huge(programs: 200, perProgram: 30)
        let markdown = DiffReporters.render(diff, as: .markdown, context: DiffSamples.context)
        #expect(markdown.utf8.count <= DiffReportContext.gitHubCommentLimit)
        #expect(markdown.contains("| **Changes** | 6000 added, 0 modified, 0 removed, 0 moved |"))
        #expect(markdown.contains("Cut to fit GitHub's 65,536-character comment limit"))
        #expect(markdown.contains("Run `charter diff main...topic` to see everything."))
        #expect(markdown.contains("#### program-0"), "details come in order until the limit")
        #expect(markdown.hasSuffix("\n"))
    }

    @Test("a tiny limit keeps the summary and cuts even the summary line, saying so")
    func markdownTinyLimit() {
        let diff = DiffSamples.huge(programs: 200, perProgram: 30)
        var context = DiffSamples.context
        context.markdownLimit = 4_000
        let markdown = DiffReporters.render(diff, as: .markdown, context: context)
        #expect(markdown.utf8.count <= 4_000)
        #expect(markdown.contains("| **Changes** |"))
        #expect(markdown.contains("The summary line is cut here"))
        #expect(markdown.contains("more programs |"))
        #expect(markdown.contains("200 programs left out"))
    }

    @Test func jsonHasTheBriefsShapeAndTheSummary() throws {
        let text = DiffReporters.render(DiffSamples.typical, as: .json, context: DiffSamples.context)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["from"] as? String == "main")
        #expect(document["to"] as? String == "topic")
        #expect(document["from_commit"] as? String == String(repeating: "a", count: 40))
        let changes = try #require(document["changes"] as? [[String: Any]])
        let slip = try #require(changes.first { $0["id"] as? String == "M2" })
        #expect(slip["program"] as? String == "pay")
        #expect(slip["entity"] as? String == "milestone")
        #expect(slip["change"] as? String == "modified")
        #expect(slip["slip_days"] as? Int == 14)
        let fields = try #require(slip["fields"] as? [[String: Any]])
        #expect(fields.count == 1)
        #expect(fields[0]["field"] as? String == "date")
        #expect(fields[0]["from"] as? String == "2026-05-01")
        #expect(fields[0]["to"] as? String == "2026-05-15")
        let person = try #require(changes.first { $0["entity"] as? String == "person" })
        #expect(person["program"] is NSNull)
        let risk = try #require(changes.first { $0["id"] as? String == "R7" })
        #expect(risk["score_to"] as? Int == 20)
        let riskFields = try #require(risk["fields"] as? [[String: Any]])
        #expect(riskFields.contains { $0["field"] as? String == "probability" && $0["from"] is NSNull && $0["to"] as? Int == 4 })
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["line"] as? String == DiffSamples.typical.summary.line)
        #expect(summary["changes"] as? Int == 4)
        let largest = try #require(summary["largest_slip"] as? [String: Any])
        #expect(largest["milestone"] as? String == "pay/M2")
        #expect(largest["days"] as? Int == 14)
        let consequences = try #require(document["consequences"] as? [[String: Any]])
        #expect(consequences.first?["kind"] as? String == "slack-reduced")
    }

    @Test func jsonForNoChangesIsStillTheShape() throws {
        let text = DiffReporters.render(DiffSamples.diff([:]), as: .json, context: DiffSamples.context)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((document["changes"] as? [Any])?.isEmpty == true)
        #expect((document["summary"] as? [String: Any])?["line"] as? String == "no changes")
        #expect((document["summary"] as? [String: Any])?["largest_slip"] is NSNull)
    }
}
