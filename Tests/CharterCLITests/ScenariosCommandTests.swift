@testable import CharterCLI
import CharterCore
import CharterGit
import Foundation
import Testing

/// `charter scenarios` on real repositories: branches valid alone that are wrong together.
@Suite struct ScenariosCommandTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var kind: String
        var refs: [String]
        var path: String
        var line: Int
        var message: String
        var make: @Sendable (ScenarioRepo) throws -> Void
        var testDescription: String { kind }
    }

    static let cases: [Case] = [
        Case(kind: "duplicate-id", refs: ["dup-a", "dup-b"], path: "programs/pay/milestones.yaml", line: 20,
             message: "milestone id 'M7' is used twice in program pay") { try $0.duplicateMilestone() },
        Case(kind: "dangling-reference", refs: ["remove-m4", "need-m4"], path: "programs/pay/milestones.yaml", line: 5,
             message: "M5 depends on 'M4', but this program has no milestone 'M4'") { try $0.removedDependency() },
        Case(kind: "cycle", refs: ["cycle-a", "cycle-b"], path: "programs/pay/milestones.yaml", line: 14,
             message: "dependency cycle: pay/M3 → pay/M4 → pay/M3") { try $0.cycle() },
        Case(kind: "over-allocation", refs: ["carol-pay", "carol-id"], path: "programs/id/program.yaml", line: 9,
             message: "carol is allocated 110% from 2026-04-01 to 2026-06-30") { try $0.overAllocation() },
        Case(kind: "budget-over-total", refs: ["budget-a", "budget-b"], path: "programs/pay/budget.yaml", line: 2,
             message: "budget lines of pay add up to 1,100 USD") { try $0.budget() },
    ]

    @Test("each branch is valid alone, the pair is not: the finding names both, its kind and where it is", arguments: cases)
    func pairOnlyFinding(_ example: Case) throws {
        let repo = try ScenarioRepo()
        try example.make(repo)
        let before = try repo.footprint()
        let (status, document) = try repo.json("--target", "main", example.refs[0], example.refs[1])
        #expect(status == 1)
        #expect(try repo.footprint() == before, "nothing is written to the repository")
        for branch in document.branches {
            #expect(branch["merges_cleanly"] as? Bool == true && branch["valid"] as? Bool == true, "\(branch)")
            #expect((branch["new_findings"] as? [Any])?.isEmpty == true, "\(branch)")
        }
        let conflicts = document.conflicts
        #expect(conflicts.count == 1, "\(conflicts)")
        let conflict = try #require(conflicts.first)
        #expect(conflict["kind"] as? String == example.kind)
        #expect(conflict["refs"] as? [String] == example.refs)
        #expect(conflict["path"] as? String == example.path)
        #expect(conflict["line"] as? Int == example.line)
        #expect((conflict["message"] as? String)?.contains(example.message) == true, "\(conflict)")
        #expect((document["pairs"] as? [String: Any])?["checked"] as? Int == 1)

        // Each alone, against main: clean.
        #expect(try repo.scenarios("--target", "main", example.refs[0]).status == 0)
        #expect(try repo.scenarios("--target", "main", example.refs[1]).status == 0)
    }

    @Test("both move one milestone to different dates: git's text conflict, and what each side wants")
    func conflictingDates() throws {
        let repo = try ScenarioRepo()
        try repo.datesMoved()
        let (status, document) = try repo.json("date-a", "date-b")
        #expect(status == 1)
        let kinds = document.conflicts.map { $0["kind"] as? String }
        #expect(kinds == ["conflicting-edits", "text-conflict"], "\(document.conflicts)")
        let edit = try #require(document.conflicts.first)
        #expect(edit["message"] as? String == "milestone pay/M2: date-a sets date to '2026-07-15', date-b to '2026-08-01'")
        #expect(edit["path"] as? String == "programs/pay/milestones.yaml")
        #expect(edit["line"] is NSNull, "the merged file cannot be read, so there is no line")
        let text = try #require(document.conflicts.last)
        #expect(text["path"] as? String == "programs/pay/milestones.yaml")
        #expect((text["message"] as? String)?.contains("both modified") == true)

        // Each alone slips the program's forecast end.
        let forecast = try #require(document.branches.first?["forecast_change"] as? [[String: Any]])
        #expect(forecast.count == 1)
        #expect(forecast.first?["program"] as? String == "pay")
        #expect(forecast.first?["from"] as? String == "2026-07-01")
        #expect(forecast.first?["to"] as? String == "2026-07-15")
        #expect(forecast.first?["days"] as? Int == 14)
        #expect(document.branches.first?["summary"] as? String == "pay: M2 slipped 14d (2026-07-01 → 2026-07-15)")
    }

    @Test("text conflicts agree with git merge-tree --write-tree on every pair (B merged onto the merge of A)")
    func textConflictsAgreeWithGit() throws {
        let repo = try ScenarioRepo()
        try repo.duplicateMilestone()
        try repo.cycle()
        try repo.datesMoved()
        try repo.budget()
        let refs = ["dup-a", "dup-b", "cycle-a", "cycle-b", "date-a", "date-b", "budget-a"]
        let before = try repo.footprint()
        let (_, document) = try repo.json(refs)
        #expect(try repo.footprint() == before, "nothing is written to the repository")

        var charter: Set<[String]> = []
        for conflict in document.conflicts where conflict["kind"] as? String == "text-conflict" {
            charter.insert((conflict["refs"] as? [String] ?? []) + [conflict["path"] as? String ?? ""])
        }
        var git: Set<[String]> = []
        for (i, a) in refs.enumerated() {
            for b in refs[(i + 1)...] {
                let tree = try repo.fixture.git("merge-tree", "--write-tree", "main", a).trimmingCharacters(in: .whitespacesAndNewlines)
                let merged = try repo.fixture.git("commit-tree", tree, "-p", "main", "-p", a, "-m", "\(a) into main")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                let result = try Run.process("/usr/bin/env", ["git", "merge-tree", "--write-tree", "--name-only", merged, b],
                                             in: repo.fixture.path, environment: Run.gitEnvironment)
                #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
                // Line 1 is the tree; then the conflicted files, up to a blank line.
                let files = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().prefix { !$0.isEmpty }
                for file in files { git.insert([a, b, String(file)]) }
            }
        }
        #expect(!git.isEmpty, "the fixture has text conflicts")
        #expect(charter == git)
    }

    @Test("branches that touch different programs are not merged together; branches with no plan change are skipped")
    func unrelatedAndSkipped() throws {
        let repo = try ScenarioRepo()
        try repo.duplicateMilestone()
        try repo.identityRename()
        try repo.fixture.git("checkout", "-q", "-b", "readme", "main")
        try repo.fixture.write("README.md", "Plans\n")
        try repo.fixture.commitAll("Readme")
        try repo.fixture.git("checkout", "-q", "main")

        let (status, document) = try repo.json("dup-a", "id-rename", "readme")
        #expect(status == 0)
        #expect(document.conflicts.isEmpty)
        #expect(document.branches.map { $0["ref"] as? String } == ["dup-a", "id-rename"])
        let skipped = try #require(document["skipped"] as? [[String: Any]])
        #expect(skipped.map { $0["ref"] as? String } == ["readme"])
        #expect((skipped.first?["reason"] as? String)?.contains("no plan change") == true)
        let pairs = try #require(document["pairs"] as? [String: Any])
        #expect(pairs["checked"] as? Int == 0)
        #expect(pairs["possible"] as? Int == 1)
    }

    @Test("--refs takes branches by glob; the target itself is skipped as already merged")
    func refsByGlob() throws {
        let repo = try ScenarioRepo()
        try repo.cycle()
        let result = try repo.scenarios("--refs", "refs/heads/*")
        #expect(result.status == 1)
        #expect(result.stdout.contains("cycle-a + cycle-b: cycle: programs/pay/milestones.yaml:14:18: dependency cycle"), "\(result.stdout)")
        #expect(result.stdout.contains("main (") && result.stdout.contains("already in HEAD"), "\(result.stdout)")
    }

    @Test("--queue merges in the given order and names the first branch that breaks the result")
    func queueThirdBreaks() throws {
        let repo = try ScenarioRepo()
        try repo.removedDependency()
        try repo.identityRename()
        let before = try repo.footprint()
        let (status, document) = try repo.json("--queue", "remove-m4", "id-rename", "need-m4")
        #expect(status == 1)
        #expect(try repo.footprint() == before)
        let queue = try #require(document["queue"] as? [String: Any])
        #expect(queue["order"] as? [String] == ["remove-m4", "id-rename", "need-m4"])
        #expect(queue["first_broken"] as? String == "need-m4")
        let steps = try #require(queue["steps"] as? [[String: Any]])
        #expect(steps.map { $0["merged"] as? Bool } == [true, true, false])
        let reason = try #require((steps[2]["reasons"] as? [[String: Any]])?.first)
        #expect(reason["kind"] as? String == "dangling-reference")
        #expect(reason["line"] as? Int == 5)

        // In an order where nothing breaks, the queue passes (the pair still conflicts).
        let text = try repo.scenarios("--queue", "id-rename", "need-m4")
        #expect(text.status == 0, "\(text.stdout)")
        #expect(text.stdout.contains("The whole queue merges and validates."))
    }

    @Test("a workspace in a subfolder, markdown for a pull request")
    func subfolderAndMarkdown() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        for (path, text) in ScenarioRepo.files { try fixture.write("plans/" + path, text) }
        try fixture.write("README.md", "Top\n")
        try fixture.commitAll("Plans")
        for (name, amount) in [("a", "300"), ("b", "400")] {
            try fixture.git("checkout", "-q", "-b", name, "main")
            let text = try fixture.read("plans/programs/pay/budget.yaml")
            let line = "  - id: B\(name)\n    amount: \(amount)\n"
            try fixture.write("plans/programs/pay/budget.yaml", name == "a" ? text + line : text.replacingOccurrences(of: "lines:\n", with: "lines:\n" + line))
            try fixture.commitAll("Budget \(name)")
            try fixture.git("checkout", "-q", "main")
        }
        let result = try Run.charter(["scenarios", "--as-of", "2026-03-01", "--format", "markdown", "a", "b"], in: fixture.path + "/plans")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("## Open plan changes checked together\n"))
        #expect(result.stdout.contains("| `a` + `b` | `budget-over-total` | `programs/pay/budget.yaml:2:9` |"), "\(result.stdout)")
        #expect(result.stdout.utf8.count <= 65_536)
    }

    @Test("usage errors exit 2")
    func usage() throws {
        let repo = try ScenarioRepo()
        let none = try repo.scenarios()
        #expect(none.status == 2)
        #expect(none.stderr.contains("--refs"))
        #expect(try repo.scenarios("no-such-branch").status == 2)
        #expect(try repo.scenarios("--refs", "refs/heads/nothing-*").status == 2)
        #expect(try repo.scenarios("--as-of", "soon", "main").status == 2)
        let help = try Run.charter(["scenarios", "--help"], in: repo.fixture.path)
        #expect(help.stdout.contains("--queue") && help.stdout.contains("Exit status:"), "\(help.stdout)")
    }
}

/// The loader that parses each version of a program once gives what a full load gives.
@Suite struct MergedPlansLoaderTests {
    @Test func sameAsAFullLoad() throws {
        let repo = try ScenarioRepo()
        try repo.budget()
        try repo.removedDependency()
        let repository = try Repository.open(at: repo.fixture.path)
        let merger = try InMemoryMerger(repository: repository)
        let loader = MergedPlansLoader()
        let main = try repository.commit("main").id
        let target = try repository.treeSource(commit: main, prefix: "")
        #expect(try Self.canonical(loader.load(target)) == Self.canonical(WorkspaceLoader.load(from: target)))
        var head = main
        for branch in ["budget-a", "remove-m4", "budget-b", "need-m4"] {
            let step = try merger.merge(ours: head, theirs: try repository.commit(branch).id)
            let cached = try loader.load(step.source), full = WorkspaceLoader.load(from: step.source)
            #expect(Self.canonical(cached) == Self.canonical(full), "\(branch)")
            let asOf = PlanDate("2026-03-01")!
            #expect(Validator.validate(cached, asOf: asOf) == Validator.validate(full, asOf: asOf))
            head = try #require(step.commit)
        }
    }

    /// Findings in one order, so two loads compare by content.
    static func canonical(_ load: LoadResult) -> (Workspace, [String: [String]]) {
        (load.workspace, load.findings.mapValues { $0.map { "\($0.location) \($0.message)" }.sorted() })
    }
}
