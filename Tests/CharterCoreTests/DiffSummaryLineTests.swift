import CharterCore
import Testing

/// The summary line is a contract: these tests pin its grammar (docs/diff.md) and its helpers.
@Suite struct DiffSummaryLineTests {
    typealias F = DiffFixture

    /// The grammar of docs/diff.md as a regular expression.
    static var grammar: Regex<AnyRegexOutput> {
        let id = #"[A-Za-z0-9][A-Za-z0-9._-]*"#
        let date = #"\d{4}-\d{2}-\d{2}"#
        let nouns = #"(milestones?|risks?|budget lines?|decisions?|workstreams?|person|people|KPIs?|scope items?|files?)"#
        let verbs = #"(added|removed|moved from \#(id)|scheduled|unscheduled|closed|reopened|marked [a-z-]+|re-scored|measured|changed|now before a dependency|lost slack|lost a dependency|unreadable in (from|to|both))"#
        let items = #"[^;|]*?"#
        let clause = [
            #"program (added|removed|renamed from \#(id))"#,
            #"(target|\#(id)) (slipped|pulled in) \d+d \(\#(date) → \#(date)\)"#,
            #"target (set|removed) \(\#(date)\)"#,
            #"\d+ \#(nouns) \#(verbs) \(\#(items)\)"#,
            #"budget [+-][$€£¥]?[0-9,.]+( [A-Z]{3})? \(([+-]\d+\.\d%|new)\)"#,
            #"budget removed"#,
            #"allocations ([+-][0-9.]+ person-days|changed) \(\#(items)\)"#,
            #"program changed \(\#(items)\)"#,
            #"target at risk \(\#(id)\)"#,
            #"changed \(\#(items)\)"#,
            #"charter\.yaml (added|removed)"#,
        ].map { "(\($0))" }.joined(separator: "|")
        let part = #"(\#(id)|people|settings): (\#(clause))(; (\#(clause)))*"#
        return try! Regex(#"^(no changes|\#(part)( \| \#(part))*)$"#)
    }

    @Test("every line the engine writes follows the documented grammar", arguments: [
        [String: String?](),
        ["programs/payments-v2/milestones.yaml": DiffFixture.edit("programs/payments-v2/milestones.yaml", "date: 2026-05-01", "date: 2026-09-25")],
        ["programs/identity/program.yaml": nil, "programs/identity/milestones.yaml": nil],
        ["programs/payments-v2/program.yaml": DiffFixture.edit("programs/payments-v2/program.yaml", "target: 2026-09-30", "target: 2026-10-31")],
        ["programs/payments-v2/program.yaml": DiffFixture.edit("programs/payments-v2/program.yaml", "total: 1250000", "total: 1000000")],
        ["programs/payments-v2/risks.yaml": "risks: []\n", "people.yaml": "people: []\n"],
        ["programs/payments-v2/milestones.yaml": "milestones: {\n", "charter.yaml": "version: 1\npolicy: { rules: { risk-high-without-mitigation: warning } }\n"],
    ])
    func grammar(_ edits: [String: String?]) throws {
        let line = F.diff(edits).summary.line
        #expect(try Self.grammar.wholeMatch(in: line) != nil, "\(line)")
        #expect(!line.contains("\n"))
    }

    @Test func targetMovesAreShifts() {
        let program = "programs/payments-v2/program.yaml"
        let later = F.diff([program: F.edit(program, "target: 2026-09-30", "target: 2026-10-31")])
        #expect(later.summary.line == "payments-v2: target slipped 31d (2026-09-30 → 2026-10-31)")
        let removed = F.diff([program: F.edit(program, "target: 2026-09-30\n", "")])
        #expect(removed.summary.line == "payments-v2: target removed (2026-09-30)")
    }

    @Test func budgetCutIsNegative() {
        let program = "programs/payments-v2/program.yaml"
        let diff = F.diff([program: F.edit(program, "total: 1250000", "total: 1000000")])
        #expect(diff.summary.line == "payments-v2: budget -$250,000 (-20.0%)")
    }

    @Test func formattingHelpers() {
        #expect(DiffFormatting.signedMoney(40000, currency: "USD") == "+$40,000")
        #expect(DiffFormatting.signedMoney(-1500.5, currency: "EUR") == "-€1,500.50")
        #expect(DiffFormatting.signedMoney(100, currency: "CHF") == "+100 CHF")
        #expect(DiffFormatting.signedMoney(0, currency: nil) == "+0")
        #expect(DiffFormatting.signedPercent(3.2) == "+3.2%")
        #expect(DiffFormatting.signedPercent(-0.04) == "+0.0%")
        #expect(DiffFormatting.signedPercent(-12.345) == "-12.3%")
        #expect(DiffFormatting.signedNumber(36.6) == "+36.6")
        #expect(DiffFormatting.signedNumber(-12) == "-12")
        #expect(DiffFormatting.quoted(#"a "b" \c"#) == #""a \"b\" \\c""#)
    }

    @Test func naturalOrder() {
        let ids = ["M10", "M2", "m1", "M1", "M02", "B", "A10b", "A10a", "A9"]
        #expect(ids.sorted(by: NaturalOrder.less) == ["A9", "A10a", "A10b", "B", "M1", "M2", "M02", "M10", "m1"])
    }

    @Test func workingDays() {
        let monday = PlanDate("2026-01-12")!
        #expect(PersonDays.workingDays(from: monday, to: monday) == 1)
        #expect(PersonDays.workingDays(from: monday, to: PlanDate("2026-01-18")!) == 5)
        #expect(PersonDays.workingDays(from: PlanDate("2026-01-17")!, to: PlanDate("2026-01-18")!) == 0)
        #expect(PersonDays.workingDays(from: monday, to: PlanDate("2026-06-30")!) == 122)
        #expect(PersonDays.workingDays(from: monday, to: PlanDate("2026-01-01")!) == 0)
    }
}
