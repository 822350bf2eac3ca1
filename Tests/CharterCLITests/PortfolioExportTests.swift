import Foundation
import Testing

/// `charter export --format jsonl` from three generated repositories with real history: every
/// line satisfies `charter schema jsonl` (Python's `jsonschema`), and the DuckDB queries of
/// docs/portfolio.md, run as written on the three files, give the portfolio's answers.
@Suite struct PortfolioExportTests {
    static let hasJSONSchema = (try? Run.process("/usr/bin/env", ["python3", "-c", "import jsonschema"], in: "/").status) == 0
    static let hasDuckDB = (try? Run.process("/usr/bin/env", ["python3", "-c", "import duckdb"], in: "/").status) == 0
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// One repository, one program; a first commit, then a commit that moves `slip` to `to`.
    static func repository(_ folder: String, in fixture: Fixture, remote: String?, program: String, milestones: String,
                           slip: (from: String, to: String), extra: [String: String] = [:]) throws {
        try fixture.write("\(folder)/.keep", "")
        try fixture.git("init", "-q", in: folder)
        if let remote { try fixture.git("remote", "add", "origin", remote, in: folder) }
        var files = Samples.workspace
        files["programs/pay/program.yaml"] = nil
        files["programs/pay/milestones.yaml"] = nil
        files["programs/\(program)/program.yaml"] = """
        id: \(program)
        name: \(program.capitalized) program
        owner: alice
        status: active
        start: 2026-01-01
        target: 2026-09-30
        budget: { currency: USD, total: 500000 }

        """
        files["programs/\(program)/milestones.yaml"] = milestones
        for (path, text) in files.merging(extra, uniquingKeysWith: { $1 }) { try fixture.write("\(folder)/\(path)", text) }
        try fixture.commitAll("Plans for \(program)", in: folder)
        try fixture.write("\(folder)/programs/\(program)/milestones.yaml", milestones.replacingOccurrences(of: slip.from, with: slip.to))
        try fixture.git("commit", "-q", "-am", "\(program): slip\n\nReason: vendor late", in: folder)
    }

    static func portfolio() throws -> Fixture {
        let fixture = try Fixture()
        try repository("identity", in: fixture, remote: nil, program: "identity", milestones: """
        milestones:
          - { id: M1, name: Spec, date: 2026-02-01, status: done, done_on: 2026-02-01 }
          - { id: M3, name: Token service GA, start: 2026-04-01, date: 2026-04-30, depends_on: [M1] }

        """, slip: ("2026-04-30", "2026-05-20"))
        try repository("payments", in: fixture, remote: "git@git.example.com:acme/payments.git", program: "pay", milestones: """
        milestones:
          - { id: M1, name: Design, date: 2026-03-01, status: done, done_on: 2026-03-01 }
          - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M1, identity/M3] }

        """, slip: ("2026-05-01", "2026-05-15"), extra: [
            "programs/pay/budget.yaml": "lines:\n  - { id: B1, category: vendor, amount: 200000 }\n  - { id: B2, category: people, amount: 100000 }\n",
            "programs/pay/risks.yaml": "risks:\n  - { id: R1, title: Vendor SDK late, owner: alice, probability: 4, impact: 5, status: open, mitigation: Second vendor, affects: [M2] }\n",
            "programs/pay/decisions.yaml": "decisions:\n  - { id: D1, title: Use gRPC, date: 2026-02-01, status: accepted, owner: carol }\n",
        ])
        try repository("mobile", in: fixture, remote: "https://ci-bot:s3cret@git.example.com/acme/mobile.git", program: "mobile", milestones: """
        milestones:
          - { id: M1, name: Sign in, date: 2026-03-20 }
          - { id: M2, name: Payments in app, date: 2026-05-10, status: at-risk, depends_on: [pay/M2] }
          - { id: M3, name: Store launch, date: 2026-06-30, depends_on: [M2] }

        """, slip: ("2026-06-30", "2026-07-07"), extra: [
            "programs/mobile/kpis.yaml": "kpis:\n  - { id: K1, name: Crash-free sessions, unit: '%', baseline: 97, target: 99.5, current: 98.2, as_of: 2026-03-01 }\n",
        ])
        for (folder, name) in [("identity", ["--repository", "identity-repo"]), ("payments", []), ("mobile", [])] {
            let result = try Run.charter(["export", "--format", "jsonl", "--as-of", "2026-04-01", "--out", "../portfolio/\(folder)/charter.jsonl"] + name,
                                         in: fixture.url(folder).path)
            try #require(result.status == 0, "\(result.stderr)")
        }
        let schema = try Run.charter(["schema", "jsonl"], in: fixture.path)
        try #require(schema.status == 0, "\(schema.stderr)")
        try fixture.write("charter-jsonl.schema.json", schema.stdout)
        return fixture
    }

    static func python(_ script: String, _ arguments: [String], in folder: String) throws -> Any {
        let result = try Run.process("/usr/bin/env", ["python3", "-c", script] + arguments, in: folder)
        guard result.status == 0 else { throw FixtureError("python failed: \(result.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test(.enabled(if: PortfolioExportTests.hasJSONSchema, "python3 -m pip install jsonschema (Scripts/install-dependencies.sh)"))
    func everyLineSatisfiesTheSchema() throws {
        let fixture = try Self.portfolio()
        let result = try Self.python("""
        import json, sys, glob, collections, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft7Validator.check_schema(schema)
        validator = jsonschema.Draft7Validator(schema)
        kinds, stamps = collections.Counter(), set()
        for path in sorted(glob.glob('portfolio/*/charter.jsonl')):
            for number, line in enumerate(open(path, encoding='utf-8'), 1):
                record = json.loads(line)
                errors = [e.message for e in validator.iter_errors(record)]
                if errors: raise SystemExit(f"{path}:{number}: {errors[:3]}: {line}")
                kinds[record['kind']] += 1
                stamps.add((record['repository'], len(record['commit'])))
        # A line the schema must refuse: an unknown field.
        bad = dict(record, surprise=1)
        refused = not validator.is_valid(bad)
        print(json.dumps({"kinds": kinds, "stamps": sorted(stamps), "refused": refused}))
        """, ["charter-jsonl.schema.json"], in: fixture.path) as? [String: Any]
        let kinds = try #require(result?["kinds"] as? [String: Int])
        #expect(kinds == ["program": 3, "milestone": 7, "risk": 1, "budget_line": 2, "decision": 1, "kpi": 1,
                          "change_request": 6, "slip": 3])
        let stamps = try #require(result?["stamps"] as? [[Any]])
        #expect(stamps.map { $0[0] as? String } == ["git@git.example.com:acme/payments.git", "https://git.example.com/acme/mobile.git", "identity-repo"])
        #expect(stamps.allSatisfy { $0[1] as? Int == 40 })
        #expect(result?["refused"] as? Bool == true)
    }

    @Test(.enabled(if: PortfolioExportTests.hasDuckDB, "python3 -m pip install duckdb (Scripts/install-dependencies.sh)"))
    func theDocumentedQueriesAnswer() throws {
        let fixture = try Self.portfolio()
        let doc = Self.packageRoot.appendingPathComponent("docs/portfolio.md").path
        let answers = try #require(try Self.python("""
        import json, re, sys, duckdb
        queries = re.findall(r"```sql\\n(.*?)```", open(sys.argv[1], encoding='utf-8').read(), re.S)
        out = []
        for query in queries:
            relation = duckdb.sql(query)
            out.append([[str(v) if v is not None else None for v in row] for row in relation.fetchall()])
        print(json.dumps(out))
        """, [doc], in: fixture.url("portfolio").path) as? [[[String?]]])
        try #require(answers.count == 4, "docs/portfolio.md should hold four sql blocks")
        let (slips, budgets, atRisk, crossRepository) = (answers[0], answers[1], answers[2], answers[3])
        #expect(slips == [["identity-repo", "identity", "1", "20", "20"],
                          ["git@git.example.com:acme/payments.git", "pay", "1", "14", "14"],
                          ["https://git.example.com/acme/mobile.git", "mobile", "1", "7", "7"]])
        #expect(budgets == [["USD", "3", "1500000", "300000"]])
        // mobile/M1 is overdue on 2026-04-01; mobile/M2 is flagged at risk.
        #expect(atRisk.map { $0[1] } == ["mobile/M1", "mobile/M2"])
        // mobile/M2 waits on payments' Beta (2026-05-15 > 2026-05-10: late); payments' Beta on identity's M3.
        #expect(crossRepository == [
            ["https://git.example.com/acme/mobile.git", "mobile/M2", "2026-05-10", "pay/M2", "git@git.example.com:acme/payments.git", "2026-05-15", "True"],
            ["git@git.example.com:acme/payments.git", "pay/M2", "2026-05-15", "identity/M3", "identity-repo", "2026-05-20", "True"],
        ])
    }
}
