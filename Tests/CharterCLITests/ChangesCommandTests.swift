import Foundation
import Testing

/// `charter changes` run as a user would: the built binary on real repositories.
@Suite struct ChangesCommandTests {
    @Test("one record per commit that changed plans, newest first; commits that touched no plan file give none")
    func oneRecordPerPlanCommit() throws {
        let repo = try HookRepo.planned()
        let plans = try repo.rev("HEAD")
        let slip = try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-20")], "Slip Beta")
        try repo.commit(["README.md": "# Plans\n"], "Add a readme")
        try repo.commit(["changes/notes.txt": "not a plan\n"], "Notes next to the records")

        let records = try repo.changes()
        #expect(records.map(\.title) == ["Slip Beta", "Plans"])
        #expect(records.map(\.commit) == [slip, plans])
        #expect(records.map(\.id) == ["CR-" + slip.prefix(12), "CR-" + plans.prefix(12)])
        #expect(records[0].changes.map(\.id) == ["M2"])
        #expect(records[0].changes.first?.slipDays == 19)
        #expect(records[0].impact.maxSlipDays == 19)

        let text = try repo.charter("changes")
        #expect(text.status == 0, "\(text.output)")
        #expect(text.stdout.contains("CR-\(slip.prefix(12))"))
        #expect(text.stdout.contains("pay/M2 milestone modified: date 2026-05-01 → 2026-05-20 (+19d)"), "\(text.stdout)")
        #expect(!text.stdout.contains("Add a readme"))

        // From a subfolder, the same records.
        #expect(try repo.changes(in: repo.file("programs/pay")).map(\.id) == records.map(\.id))
    }

    @Test("a --no-ff merge is one record for its branch (first parent); --all-commits lists the branch's commits too")
    func mergeIsOneRecord() throws {
        let repo = try HookRepo.planned()
        try repo.run(["checkout", "-q", "-b", "feature"])
        let rename = try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(design: "Design review")], "Rename M1")
        let add = try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(design: "Design review", extra: CRSamples.m3)], "Add GA")
        try repo.run(["checkout", "-q", "main"])
        try repo.commit(["README.md": "# Plans\n"], "Readme on main")
        try repo.run(["merge", "-q", "--no-ff", "--no-verify", "feature", "-m", "Merge pull request #7 from acme/feature"])
        let merge = try repo.rev("HEAD")

        let records = try repo.changes()
        #expect(records.map(\.title) == ["Merge pull request #7 from acme/feature", "Plans"])
        let record = try #require(records.first)
        #expect(record.commit == merge)
        #expect(record.parents.count == 2)
        #expect(record.pullRequest == 7)
        #expect(Set(record.changes.map(\.id)) == ["M1", "M3"], "the whole branch, against the first parent")
        #expect(record.impact.milestonesAdded == ["pay/M3"])

        let all = try repo.changes("--all-commits")
        #expect(Set(all.map(\.commit)) == [merge, rename, add, try repo.rev("HEAD^1^1")])
        #expect(all.first?.commit == merge)
        #expect(all.first(where: { $0.commit == add })?.changes.map(\.id) == ["M3"], "a branch commit against its own parent")
    }

    @Test("CR ids are the same on every run and in a clone: CR- and 12 hex digits of the commit")
    func idsAreStable() throws {
        let repo = try HookRepo.planned()
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-20")], "Slip Beta",
                        "Approved-by: Carol Diaz <carol@example.com>")
        let first = try repo.charter("changes", "--format", "json")
        let second = try repo.charter("changes", "--format", "json")
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)

        try repo.fixture.git("clone", "-q", repo.path, "clone")
        let clone = try Run.charter(["changes", "--format", "json"], in: repo.fixture.url("clone").path, environment: repo.environment)
        #expect(clone.stdout == first.stdout)

        let records = try repo.changes()
        for record in records {
            #expect(record.id.wholeMatch(of: /CR-[0-9a-f]{12}/) != nil)
            #expect(record.commit.hasPrefix(String(record.id.dropFirst(3))))
            // Traceable: git finds the commit by the id's digits.
            #expect(try repo.rev(String(record.id.dropFirst(3))) == record.commit)
        }
    }

    @Test("reason: the Reason: trailer, else the body; approvals count only for a known person who is not the author; reviews never count")
    func reasonsAndApprovals() throws {
        let repo = try HookRepo.planned()
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-20")], "Slip Beta",
                        "The vendor is late.", "Reason: Vendor SDK certification slipped\nApproved-by: Carol Diaz <carol@example.com>")
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-06-20")], "Slip Beta again",
                        "Certification failed twice.", "Approved-by: Mallory <mallory@example.com>\nReviewed-by: Carol Diaz <carol@example.com>")
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-07-20")], "Slip Beta by herself",
                        "Approved-by: Alice Ng <alice@example.com>",
                        environment: ["GIT_AUTHOR_NAME": "Alice Ng", "GIT_AUTHOR_EMAIL": "alice@example.com"])
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-07-20", design: "Design review")], "Rename M1")

        let records = try repo.changes()
        #expect(records.map(\.title) == ["Rename M1", "Slip Beta by herself", "Slip Beta again", "Slip Beta", "Plans"])
        let (rename, selfApproved, stranger, approved) = (records[0], records[1], records[2], records[3])

        #expect(approved.reason == "Vendor SDK certification slipped")
        #expect(approved.approvalRequired && approved.approved)
        let carol = try #require(approved.approvals.first)
        #expect(carol.name == "Carol Diaz" && carol.email == "carol@example.com" && carol.person == "carol" && carol.counts)

        #expect(stranger.reason == "Certification failed twice.")
        #expect(stranger.approvalRequired && !stranger.approved)
        #expect(stranger.approvals.count == 2)
        let mallory = try #require(stranger.approvals.first { $0.name == "Mallory" })
        #expect(mallory.person == nil && !mallory.counts)
        let review = try #require(stranger.approvals.first { $0.kind == "Reviewed-by" })
        #expect(review.person == "carol" && !review.counts, "recorded, never counted")
        #expect(stranger.requirements.first?.missing?.contains("Approved-by") == true)

        #expect(selfApproved.author.email == "alice@example.com")
        #expect(selfApproved.approvals.first?.person == "alice")
        #expect(selfApproved.approvals.first?.counts == false, "the author cannot approve their own change")
        #expect(!selfApproved.approved)

        #expect(rename.reason == nil, "no Reason: trailer and no body")
        #expect(!rename.approvalRequired)
    }

    @Test("--format json has the brief's keys; yaml parses; markdown and csv are what a person and a spreadsheet read")
    func formats() throws {
        let repo = try HookRepo.planned()
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-20")], "Slip Beta, again",
                        "Approved-by: Carol Diaz <carol@example.com>")

        let json = try repo.charter("changes", "--format", "json")
        #expect(json.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        for record in array {
            for key in ["id", "commit", "title", "author", "date", "reason", "approvals", "changes", "impact",
                        "approval_required", "approved"] {
                #expect(record.keys.contains(key), "missing \(key)")
            }
            let author = try #require(record["author"] as? [String: Any])
            #expect(author["name"] is String && author["email"] is String)
            let impact = try #require(record["impact"] as? [String: Any])
            for key in ["max_slip_days", "budget_delta", "milestones_added", "milestones_removed", "risks_added", "risks_closed"] {
                #expect(impact.keys.contains(key), "impact lacks \(key)")
            }
        }
        let approvals = try #require(array[0]["approvals"] as? [[String: Any]])
        for key in ["name", "email", "person", "role", "counts"] {
            #expect(approvals.first?.keys.contains(key) == true, "approval lacks \(key)")
        }
        let change = try #require((array[0]["changes"] as? [[String: Any]])?.first)
        #expect(change["entity"] as? String == "milestone" && change["change"] as? String == "modified")
        #expect(change["slip_days"] as? Int == 19)

        let yaml = try repo.charter("changes", "--format", "yaml")
        #expect(yaml.status == 0)
        #expect(yaml.stdout.hasPrefix("- id: CR-"), "\(yaml.stdout.prefix(200))")
        if let parsed = try Self.python(#"import sys, yaml, json; print(json.dumps([r["id"] for r in yaml.safe_load(sys.stdin)]))"#,
                                        input: yaml.stdout) {
            #expect(parsed.trimmingCharacters(in: .whitespacesAndNewlines) == "[\"\(array[0]["id"]!)\", \"\(array[1]["id"]!)\"]")
        }

        let markdown = try repo.charter("changes", "--format", "markdown")
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# "))
        #expect(markdown.stdout.contains("| CR | date |"))
        #expect(markdown.stdout.contains("## \(array[0]["id"]!)"))
        #expect(markdown.stdout.contains("Slip Beta, again"))

        let csv = try repo.charter("changes", "--format", "csv")
        #expect(csv.status == 0)
        #expect(csv.stdout.utf8.suffix(2).elementsEqual("\r\n".utf8), "RFC 4180 line ends, and no stray line after them")
        let rows = Array(csv.stdout.components(separatedBy: "\r\n").dropLast())
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("id,commit,date,author,"))
        #expect(rows[1].hasPrefix("\(array[0]["id"]!),\(array[0]["commit"]!),"))
        #expect(rows[1].contains(",\"Slip Beta, again\","), "\(rows[1])")
    }

    @Test("--since, --program and --path narrow the commits; --path must also touch plans")
    func filters() throws {
        let repo = try HookRepo.planned()
        let march = ["GIT_AUTHOR_DATE": "2026-03-20T10:00:00Z", "GIT_COMMITTER_DATE": "2026-03-20T10:00:00Z"]
        let april = ["GIT_AUTHOR_DATE": "2026-04-20T10:00:00Z", "GIT_COMMITTER_DATE": "2026-04-20T10:00:00Z"]
        try repo.commit(CRSamples.webProgram, "Add web", environment: march)
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-03")], "Nudge Beta", environment: april)
        try repo.commit(["programs/web/program.yaml": CRSamples.webProgram["programs/web/program.yaml"]!.replacingOccurrences(of: "Website", with: "Web site")],
                        "Rename web", environment: april)
        try repo.commit(["README.md": "readme\n"], "Readme", environment: april)

        #expect(try repo.changes().map(\.title) == ["Rename web", "Nudge Beta", "Add web", "Plans"])
        #expect(try repo.changes("--since", "2026-04-01").map(\.title) == ["Rename web", "Nudge Beta"])
        #expect(try repo.changes("--program", "web").map(\.title) == ["Rename web", "Add web"])
        #expect(try repo.changes("--program", "web", "--since", "2026-04-01").map(\.title) == ["Rename web"])
        #expect(try repo.changes("--path", "programs/pay/milestones.yaml").map(\.title) == ["Nudge Beta", "Plans"])
        #expect(try repo.changes("--path", "milestones.yaml", in: repo.file("programs/pay")).map(\.title) == ["Nudge Beta", "Plans"],
                "relative to the current folder")
        #expect(try repo.changes("--path", "README.md").isEmpty, "commits that touched no plan file give no record")
        #expect(try repo.changes("--max-count", "1").map(\.title) == ["Rename web"])

        let bad = try repo.charter("changes", "--since", "April")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("YYYY-MM-DD"))
    }

    @Test("--write keeps one file per record in changes/, atomically; a second run writes nothing; the records never become records")
    func writeRecords() throws {
        let repo = try HookRepo.planned()
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-20")], "Slip Beta")
        let ids = try repo.changes().map(\.id)

        let first = try repo.charter("changes", "--write")
        #expect(first.status == 0, "\(first.output)")
        #expect(first.stdout.contains("2 of 2 records written to changes"), "\(first.stdout)")
        let folder = repo.file("changes")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ids.map { $0 + ".yaml" }.sorted(), "one file per record and nothing else (no temporary files)")
        func snapshot() throws -> [String: (Date, String)] {
            var result: [String: (Date, String)] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
                let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + name)
                result[name] = (attributes[.modificationDate] as! Date, try repo.read("changes/" + name))
            }
            return result
        }
        let before = try snapshot()
        let record = try #require(before[ids[0] + ".yaml"]?.1)
        #expect(record.contains("id: \(ids[0])"))
        #expect(record.contains("title: Slip Beta"))

        Thread.sleep(forTimeInterval: 0.02)
        let second = try repo.charter("changes", "--write")
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 of 2 records written"), "\(second.stdout)")
        let after = try snapshot()
        #expect(after.keys.sorted() == before.keys.sorted())
        for (name, (date, text)) in before {
            #expect(after[name]?.0 == date, "\(name) was rewritten")
            #expect(after[name]?.1 == text)
        }

        // Committed, the records are neither plans nor change requests, and the plans still validate.
        try repo.commit([:], "Keep the change records")
        #expect(try repo.changes().map(\.id) == ids)
        #expect(try repo.charter("validate").status == 0)
        let third = try repo.charter("changes", "--write")
        #expect(third.stdout.contains("0 of 2 records written"))

        // An explicit folder, and a range given before --write.
        let other = try repo.charter("changes", "HEAD~1..HEAD", "--write", "out")
        #expect(other.status == 0, "\(other.output)")
        #expect(other.stdout.contains("0 of 0 records"), "HEAD~1..HEAD changed no plans: \(other.stdout)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: repo.file("out"))) ?? []).isEmpty)
        let all = try repo.charter("changes", "--write", repo.fixture.url("records").path)
        #expect(all.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: repo.fixture.url("records").path).count == 2)
    }

    @Test("a shallow clone lists what it has and says where history stops")
    func shallowClone() throws {
        let repo = try HookRepo.planned()
        for (index, beta) in ["2026-05-02", "2026-05-03", "2026-05-04"].enumerated() {
            try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: beta)], "Nudge \(index + 1)")
        }
        try repo.fixture.git("clone", "-q", "--depth", "2", "file://" + repo.path, "shallow")
        let shallow = repo.fixture.url("shallow").path
        let result = try Run.charter(["changes", "--format", "json"], in: shallow, environment: repo.environment)
        #expect(result.status == 0, "\(result.output)")
        let records = try CRRecord.decode(result.stdout)
        // The boundary commit (Nudge 2) has no parent here, so its change is unknown: not listed.
        #expect(records.map(\.title) == ["Nudge 3"])
        #expect(records.first?.changes.first?.slipDays == 1)
        #expect(result.stderr.contains("shallow"), "\(result.stderr)")

        let check = try Run.charter(["check", "HEAD~1..HEAD"], in: shallow, environment: repo.environment)
        #expect(check.status == 0, "\(check.output)")
    }

    @Test("a program folder renamed between commits is a move, and later changes follow the new name")
    func renamedProgramFolder() throws {
        let repo = try HookRepo.planned()
        try repo.run(["mv", "programs/pay", "programs/payments"])
        try repo.write("programs/payments/program.yaml",
                       try repo.read("programs/payments/program.yaml").replacingOccurrences(of: "id: pay\n", with: "id: payments\n"))
        try repo.commit([:], "Rename pay to payments")
        try repo.commit(["programs/payments/milestones.yaml": CRSamples.milestones(beta: "2026-06-01")], "Slip Beta a month",
                        "Approved-by: Carol Diaz <carol@example.com>")

        let records = try repo.changes()
        #expect(records.map(\.title) == ["Slip Beta a month", "Rename pay to payments", "Plans"])
        let move = records[1]
        #expect(move.changes.count == 1)
        #expect(move.changes.first?.change == "moved" && move.changes.first?.program == "payments")
        #expect(move.impact.milestonesRemoved.isEmpty && move.impact.milestonesAdded.isEmpty)
        #expect(!move.approvalRequired, "a rename removes no milestone")
        #expect(records[0].changes.first?.program == "payments" && records[0].changes.first?.slipDays == 31)
        #expect(try repo.changes("--program", "payments").map(\.title) == ["Slip Beta a month", "Rename pay to payments"])
        #expect(try repo.changes("--program", "pay").map(\.title) == ["Rename pay to payments", "Plans"])
        #expect(try repo.charter("check", "HEAD~2..HEAD").status == 0)
    }

    @Test("the root commit is a record of everything it added")
    func rootCommit() throws {
        let repo = try HookRepo.planned()
        let records = try repo.changes()
        let root = try #require(records.first)
        #expect(records.count == 1)
        #expect(root.parents.isEmpty)
        #expect(root.changes.contains { $0.entity == "program" && $0.change == "added" && $0.id == "pay" })
        #expect(!root.approvalRequired)
    }

    @Test("a bare repository lists the same records; --write needs a worktree")
    func bareRepository() throws {
        let repo = try HookRepo.planned()
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-20")], "Slip Beta")
        try repo.fixture.git("clone", "-q", "--bare", repo.path, "bare.git")
        let bare = repo.fixture.url("bare.git").path
        let result = try Run.charter(["changes", "--format", "json"], in: bare, environment: repo.environment)
        #expect(result.status == 0, "\(result.output)")
        #expect(try CRRecord.decode(result.stdout).map(\.id) == (try repo.changes().map(\.id)))
        let write = try Run.charter(["changes", "--write"], in: bare, environment: repo.environment)
        #expect(write.status == 2)
        #expect(write.stderr.contains("bare"), "\(write.stderr)")
    }

    @Test("a range git does not know is a usage error with git's words; an unborn branch has no records")
    func badRangeAndUnbornBranch() throws {
        let repo = try HookRepo.planned()
        let bad = try repo.charter("changes", "nosuchbranch..HEAD")
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("unknown revision 'nosuchbranch'"), "\(bad.stderr)")
        #expect(!bad.stderr.contains("Fatal error"))

        let empty = try HookRepo("empty", fixture: repo.fixture)
        let text = try empty.charter("changes")
        #expect(text.status == 0, "\(text.output)")
        #expect(text.stdout.contains("no change requests"))
        let json = try empty.charter("changes", "--format", "json")
        #expect(json.status == 0)
        #expect(try CRRecord.decode(json.stdout).isEmpty)
    }

    @Test("a detached HEAD lists the history of the commit it is on")
    func detachedHead() throws {
        let repo = try HookRepo.planned()
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-02")], "Nudge")
        try repo.commit(["programs/pay/milestones.yaml": CRSamples.milestones(beta: "2026-05-03")], "Nudge again")
        try repo.run(["checkout", "-q", "--detach", "HEAD~1"])
        #expect(try repo.changes().map(\.title) == ["Nudge", "Plans"])
    }

    /// Runs python3 with a script when python3 and PyYAML are there; `nil` otherwise.
    static func python(_ script: String, input: String) throws -> String? {
        let probe = try? Run.process("/usr/bin/env", ["python3", "-c", "import yaml"], in: FileManager.default.temporaryDirectory.path)
        guard probe?.status == 0 else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("charter-yaml-\(UUID().uuidString)")
        try Data(input.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Run.process("/bin/sh", ["-c", "python3 -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))' < '\(file.path)'"],
                                     in: FileManager.default.temporaryDirectory.path)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }
}

// MARK: - Shared by the change-request, check, approve and hook gate tests

/// Plans for the change-request tests: the sample workspace under a policy.
enum CRSamples {
    /// Slips over 7 days and removed milestones need an Approved-by trailer.
    static let policy = """
    version: 1
    policy:
      approval_trailer: Approved-by
      require_approval:
        slip_days: 7
        milestone_removed: true

    """

    static let m3 = "  - { id: M3, name: GA, date: 2026-08-01, depends_on: [M2] }\n"

    /// The sample milestones.yaml with Beta's date (line 3, column 33) and M1's name changed.
    static func milestones(beta: String = "2026-05-01", design: String = "Design", extra: String = "") -> String {
        """
        milestones:
          - { id: M1, name: \(design), date: 2026-02-01, status: done, done_on: 2026-02-01 }
          - { id: M2, name: Beta, date: \(beta), depends_on: [M1] }

        """ + extra
    }

    /// Where Beta's date is in `milestones(...)`.
    static let betaDate = "programs/pay/milestones.yaml:3:33"

    /// A second program.
    static let webProgram: [String: String] = [
        "programs/web/program.yaml": """
        id: web
        name: Website
        owner: carol
        status: active
        start: 2026-01-01

        """,
    ]
}

/// A change-request record as `charter changes --format json` prints it.
struct CRRecord: Decodable {
    struct Person: Decodable {
        var name: String
        var email: String
    }

    struct Approval: Decodable {
        var name: String
        var email: String?
        var person: String?
        var role: String?
        var counts: Bool
        var kind: String
        var source: String
    }

    struct Change: Decodable {
        var program: String?
        var entity: String
        var id: String
        var change: String
        var slipDays: Int?
    }

    struct Impact: Decodable {
        var maxSlipDays: Int
        var budgetDelta: Double
        var milestonesAdded: [String]
        var milestonesRemoved: [String]
        var risksAdded: [String]
        var risksClosed: [String]
    }

    struct Requirement: Decodable {
        var reason: String
        var program: String?
        var satisfiedBy: [String]
        var missing: String?
    }

    var id: String
    var commit: String
    var parents: [String]
    var title: String
    var author: Person
    var date: String
    var reason: String?
    var pullRequest: Int?
    var approvals: [Approval]
    var changes: [Change]
    var impact: Impact
    var approvalRequired: Bool
    var approved: Bool
    var policyMet: Bool
    var requirements: [Requirement]

    static func decode(_ json: String) throws -> [CRRecord] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([CRRecord].self, from: Data(json.utf8))
    }
}

extension HookRepo {
    /// A repository with the sample workspace under `policy`, committed (without hooks) as "Plans".
    static func planned(_ name: String = "repo", policy: String = CRSamples.policy, fixture: Fixture? = nil) throws -> HookRepo {
        let repo = try HookRepo(name, fixture: fixture)
        try repo.fixture.writeWorkspace(in: name, ["charter.yaml": policy])
        try repo.commit([:], "Plans")
        return repo
    }

    /// Runs git with more environment; throws when git fails.
    @discardableResult
    func run(_ arguments: [String], in folder: String? = nil, environment extra: [String: String] = [:]) throws -> String {
        let result = try Run.process("/usr/bin/env", ["git", "-c", "user.name=Test User", "-c", "user.email=test@example.com",
                                                      "-c", "commit.gpgsign=false"] + arguments,
                                     in: folder ?? path, environment: environment.merging(extra) { $1 })
        guard result.status == 0 else {
            throw FixtureError("git \(arguments.joined(separator: " ")) failed: \(result.output)")
        }
        return result.stdout
    }

    /// Writes the files, stages everything and commits without hooks; each message argument is
    /// a paragraph. Returns the new commit's id.
    @discardableResult
    func commit(_ files: [String: String], _ paragraphs: String..., environment extra: [String: String] = [:]) throws -> String {
        for (relative, text) in files { try write(relative, text) }
        try run(["add", "-A"])
        try run(["commit", "-q", "--no-verify"] + paragraphs.flatMap { ["-m", $0] }, environment: extra)
        return try rev("HEAD")
    }

    func rev(_ revision: String, in folder: String? = nil) throws -> String {
        try run(["rev-parse", "--verify", "-q", revision + "^{commit}"], in: folder).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `charter changes --format json ARGUMENTS`, which must succeed, decoded.
    func changes(_ arguments: String..., in folder: String? = nil) throws -> [CRRecord] {
        let result = try Run.charter(["changes", "--format", "json"] + arguments, in: folder ?? path, environment: environment)
        guard result.status == 0 else { throw FixtureError("charter changes \(arguments) failed: \(result.output)") }
        return try CRRecord.decode(result.stdout)
    }

    /// The refs, HEAD, index and worktree: what a read-only command must leave as it was.
    /// `exactIndex` also compares the index file's bytes and time, for charter alone (git
    /// commit itself refreshes the index's stat data before it runs the hooks).
    func state(exactIndex: Bool = false) throws -> [String] {
        let index = file(".git/index")
        let stamp = exactIndex ? String(describing: try FileManager.default.attributesOfItem(atPath: index)[.modificationDate]) : ""
        let bytes = exactIndex ? try Data(contentsOf: URL(fileURLWithPath: index)).base64EncodedString() : ""
        // Without optional locks, git status does not refresh the index itself.
        let quiet = ["GIT_OPTIONAL_LOCKS": "0"]
        return [stamp, bytes, try run(["for-each-ref"]), try run(["status", "--porcelain", "--untracked-files=all"], environment: quiet),
                try run(["ls-files", "--stage"], environment: quiet), try run(["diff"], environment: quiet),
                try run(["diff", "--cached"], environment: quiet), (try? run(["rev-parse", "HEAD"])) ?? "unborn",
                try run(["stash", "list"])]
    }
}
