import CharterCore
@testable import CharterCLI
import CharterReporters
import Foundation
import Testing

/// A mutation fuzzer run as a test: plan files from examples/ and small YAML edge cases, mutated
/// (hostile numbers, broken dates, aliases, anchors, tabs, deep nesting, non-UTF-8 bytes, cut
/// lines), go through everything a command does in process: loading, the schema, every rule,
/// the semantic diff, change-request building, and every reporter. A trap ends the test process;
/// the input that caused it is in `$TMPDIR/charter-fuzz-last-input.txt`.
///
/// `CHARTER_FUZZ_SECONDS` bounds the run (default 15; CI sets 60), `CHARTER_FUZZ_SEED` picks the
/// sequence (default: a new one each run, printed). docs/fuzzing.md says how to run a long pass.
@Suite("Plan fuzzing")
struct PlanFuzzTests {
    static var seconds: Double {
        ProcessInfo.processInfo.environment["CHARTER_FUZZ_SECONDS"].flatMap(Double.init) ?? 15
    }

    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["CHARTER_FUZZ_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64.max)
    }

    @Test("Mutated plans never trap loader, schema, rules, diff, change requests or reporters")
    func mutatedPlansNeverTrap() throws {
        let corpus = try PlanFuzzCorpus.load()
        #expect(corpus.workspaces.count >= 5)
        let seed = Self.seed
        print("plan fuzzing: seed \(seed), \(Self.seconds) s, \(corpus.workspaces.count) seed workspaces")
        var random = SplitMix64(seed: seed)
        let deadline = Date().addingTimeInterval(Self.seconds)
        let lastInput = FileManager.default.temporaryDirectory.appendingPathComponent("charter-fuzz-last-input.txt")
        var runs = 0
        var slowest = (seconds: 0.0, input: "")
        repeat {
            let started = Date()
            let base = corpus.workspaces[random.below(corpus.workspaces.count)]
            var mutated = base
            for _ in 0...random.below(4) { PlanMutator.mutate(&mutated, corpus: corpus, random: &random) }
            try? Data(PlanFuzzCorpus.describe(mutated).utf8).write(to: lastInput)
            PlanPipeline.run(old: base, new: mutated)
            runs += 1
            let took = Date().timeIntervalSince(started)
            if took > slowest.seconds { slowest = (took, PlanFuzzCorpus.describe(mutated)) }
        } while Date() < deadline
        print("plan fuzzing: \(runs) mutated workspaces, no trap; slowest \(Int(slowest.seconds * 1000)) ms")
        try? Data(slowest.input.utf8).write(to: FileManager.default.temporaryDirectory.appendingPathComponent("charter-fuzz-slowest-input.txt"))
        // A hang is a failure too: no input of a few kilobytes may take seconds.
        #expect(slowest.seconds < 10, "slowest input (\(slowest.seconds) s):\n\(slowest.input)")
        #expect(runs > 0)
    }

    /// Inputs the fuzzer (or issue 12) found; each once trapped a command.
    @Test("Regressions found by fuzzing", arguments: PlanFuzzCorpus.regressions)
    func regression(_ files: [String: String]) {
        let base = PlanFuzzCorpus.bytes(Samples.workspace)
        var mutated = base
        for (path, text) in files { mutated[path] = Array(text.utf8) }
        PlanPipeline.run(old: base, new: mutated)
        PlanPipeline.run(old: mutated, new: base)
    }
}

/// Everything a command does with two versions of the plans, in process.
enum PlanPipeline {
    static let asOf = PlanDate("2026-03-01")!

    static func run(old: [String: [UInt8]], new: [String: [UInt8]]) {
        let before = WorkspaceLoader.load(from: InMemoryPlanSource(bytes: old))
        let after = WorkspaceLoader.load(from: InMemoryPlanSource(bytes: new))
        let diagnostics = Validator.validate(after, asOf: asOf)
        let report = ValidationReport(diagnostics: diagnostics)
        for format in ValidationFormat.allCases {
            _ = ValidationReporters.render(report, as: format, context: ReportContext(rules: RuleRegistry.all.map(\.description)))
        }
        let diff = SemanticDiff.compare(before.workspace, after.workspace, asOf: asOf)
        for format in DiffFormat.allCases {
            _ = DiffReporters.render(diff, as: format, context: DiffReportContext(fromLabel: "a", toLabel: "b"))
        }
        let author = Signature(name: "Fuzz", email: "fuzz@example.com", time: 1_772_000_000, offsetMinutes: 60)
        let facts = CommitFacts(id: String(repeating: "ab", count: 20), parentIDs: [String(repeating: "cd", count: 20)],
                                message: "Fuzz\n\nReason: because\nApproved-by: Alice <alice@example.com>\n",
                                author: author, committer: author)
        let record = ChangeRequestBuilder(old: before.workspace, new: after.workspace).build(commit: facts, diff: diff)
        for format in ChangeLogFormat.allCases {
            _ = ChangeLogReporters.render([record, record], as: format, context: ChangeLogContext())
        }
        let trends = KPITrend.trends([
            KPITrend.Snapshot(commit: "a", date: PlanDate("2026-01-01")!, kpis: kpis(before.workspace)),
            KPITrend.Snapshot(commit: "b", date: PlanDate("2026-02-01")!, kpis: kpis(after.workspace)),
        ])
        let table = KPITable(workspace: after.workspace, trends: trends)
        for format in KPITableFormat.allCases {
            _ = format.render(table, context: KPIReportContext(source: "fuzz", historyOf: "HEAD"))
        }
        let variance = PlanVariance(baseline: before.workspace, current: after.workspace)
        let builder = ProgramStatusBuilder(workspace: after.workspace, asOf: asOf, baseline: (before.workspace, variance), kpiTrends: trends)
        let status = StatusReport(title: "Fuzz", generatedAt: "2026-03-01", asOf: asOf, source: "fuzz",
                                  programs: after.workspace.programs.map(builder.build))
        for format in ReportFormat.allCases { _ = StatusReportRenderers.render(status, as: format) }
    }

    private static func kpis(_ workspace: Workspace) -> [String: [KPI]] {
        Dictionary(workspace.programs.map { ($0.folder, $0.kpis) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The seed workspaces (every step of the Acme example, and the test sample) and the pieces
/// mutations are made of.
struct PlanFuzzCorpus {
    var workspaces: [[String: [UInt8]]]

    static func bytes(_ files: [String: String]) -> [String: [UInt8]] { files.mapValues { Array($0.utf8) } }

    static func describe(_ workspace: [String: [UInt8]]) -> String {
        workspace.keys.sorted().map { "# \($0)\n" + String(decoding: workspace[$0]!, as: UTF8.self) }.joined(separator: "\n")
    }

    /// Each step of examples/acme/steps is a workspace on its own, merged over the previous steps.
    static func load() throws -> PlanFuzzCorpus {
        let steps = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/acme/steps")
        var workspaces = [bytes(Samples.workspace)]
        var current: [String: [UInt8]] = [:]
        for step in try FileManager.default.contentsOfDirectory(atPath: steps.path).sorted() {
            let folder = steps.appendingPathComponent(step)
            guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let path as String in files where path.hasSuffix(".yaml") {
                current[path] = Array(try Data(contentsOf: folder.appendingPathComponent(path)))
            }
            workspaces.append(current)
        }
        return PlanFuzzCorpus(workspaces: workspaces)
    }

    static let hostileNumbers = ["1e17", "-1e308", "1e308", "99999999999999999999", "1e300", "1e18", "-0", "0", "-1", ".5", "1e-320",
                                 "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1_000_000", ".inf", "-.inf",
                                 ".nan", "0x7fffffffffffffff", "1e999", "100.0000000001", "NaN", "4.9e-324", "1e15", "1e13"]
    static let hostileDates = ["0000-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "10000-01-01", "-2026-01-01", "1970-01-01"]
    /// Lines inserted as they are: YAML edge cases.
    static let snippets = [
        "\t- { id: T1, name: tab }", "anchor: &a { id: A1, name: anchored }", "alias: *a", "<<: *a", "- *a",
        "deep: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200),
        "deep: " + String(repeating: "{a: ", count: 60) + "1" + String(repeating: "}", count: 60),
        "? [complex, key]\n: value", "---", "...", "%YAML 1.2", "key: !!binary aGVsbG8=", "key: !custom tag",
        "- { id: M1, name: Dup, date: 2026-05-01, depends_on: [M1] }", "- { id: M9, name: Cycle, depends_on: [M2] }",
        "- { id: B9, amount: 1e17 }", "- { id: K9, name: K, target: 1e300, current: -1e308, baseline: 1e308 }",
        "- { person: alice, percent: 1e17 }", "budget: { currency: USD, total: 99999999999999999999 }",
        "kpis: [{ id: K1, name: k, target: 5, current: 1e308, baseline: -1e308, as_of: 2026-02-01 }]",
        "- { id: R9, title: R, owner: alice, probability: 99999999999999999999, impact: 5, status: open }",
        "  slip_days: 99999999999999999999", "  budget_increase_percent: 1e308", "\"\\uD800\": x", "'': ''", "~: ~",
    ]
}

/// One random edit of one file.
enum PlanMutator {
    static func mutate(_ workspace: inout [String: [UInt8]], corpus: PlanFuzzCorpus, random: inout SplitMix64) {
        let paths = workspace.keys.sorted()
        guard !paths.isEmpty else { return }
        let path = paths[random.below(paths.count)]
        var bytes = workspace[path]!
        var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
        switch random.below(11) {
        case 0, 1:  // a number becomes a hostile one
            let text = String(decoding: bytes, as: UTF8.self)
            let numbers = text.ranges(of: /-?[0-9][0-9_.eE+-]*/).filter { !text[$0].contains("-") || text[$0].first == "-" }
            if let range = numbers.randomElement(using: &random) {
                let replacement = PlanFuzzCorpus.hostileNumbers[random.below(PlanFuzzCorpus.hostileNumbers.count)]
                bytes = Array(text.replacingCharacters(in: range, with: replacement).utf8)
            }
        case 2:  // a date becomes a hostile one
            let text = String(decoding: bytes, as: UTF8.self)
            if let range = text.ranges(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/).randomElement(using: &random) {
                bytes = Array(text.replacingCharacters(in: range, with: PlanFuzzCorpus.hostileDates[random.below(PlanFuzzCorpus.hostileDates.count)]).utf8)
            }
        case 3:  // a YAML edge case is inserted
            lines.insert(PlanFuzzCorpus.snippets[random.below(PlanFuzzCorpus.snippets.count)], at: random.below(lines.count + 1))
            bytes = Array(lines.joined(separator: "\n").utf8)
        case 4:  // a line is removed
            lines.remove(at: random.below(lines.count))
            bytes = Array(lines.joined(separator: "\n").utf8)
        case 5:  // a line is repeated (duplicate keys and ids)
            let index = random.below(lines.count)
            lines.insert(lines[index], at: index)
            bytes = Array(lines.joined(separator: "\n").utf8)
        case 6:  // a byte flips, possibly into non-UTF-8
            if !bytes.isEmpty { bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next()) }
        case 7:  // the file is cut short
            bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
        case 8:  // indentation changes (tabs, or a level more)
            let index = random.below(lines.count)
            lines[index] = (random.below(2) == 0 ? "\t" : "  ") + lines[index]
            bytes = Array(lines.joined(separator: "\n").utf8)
        case 9:  // a value is swapped with one from another line (references to odd places)
            let words = lines.flatMap { $0.split(separator: " ") }
            let index = random.below(lines.count)
            if let word = words.randomElement(using: &random), let colon = lines[index].firstIndex(of: ":") {
                lines[index] = String(lines[index][...colon]) + " " + word
            }
            bytes = Array(lines.joined(separator: "\n").utf8)
        default:  // the file moves to another plan-file name, or a new file appears
            let names = ["program.yaml", "milestones.yaml", "risks.yaml", "budget.yaml", "decisions.yaml", "kpis.yaml"]
            let folder = path.split(separator: "/").dropLast().joined(separator: "/")
            let target = (folder.isEmpty ? "programs/x" : folder) + "/" + names[random.below(names.count)]
            workspace[target] = bytes
        }
        workspace[path] = bytes
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64): the same seed gives
/// the same mutations, so a failure can be replayed with CHARTER_FUZZ_SEED.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound ≥ 1).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}

extension PlanFuzzCorpus {
    /// Each once trapped a command (issue 12's reproductions, and what the fuzzer found since).
    static let regressions: [[String: String]] = [
        ["programs/pay/budget.yaml": "lines:\n  - { id: B1, amount: 1e17 }\n"],
        ["programs/pay/budget.yaml": "lines:\n  - { id: B1, amount: -1e308 }\n"],
        ["programs/pay/program.yaml": "id: pay\nname: P\nowner: alice\nstatus: active\nstart: 2026-01-01\nbudget: { currency: USD, total: 99999999999999999999 }\n"],
        ["programs/pay/program.yaml": "id: pay\nname: P\nowner: alice\nstatus: active\nstart: 2026-01-01\nallocations:\n  - { person: carol, percent: 1e17 }\n  - { person: carol, percent: 50 }\n"],
        ["programs/pay/kpis.yaml": "kpis:\n  - { id: K1, name: L, target: 1, current: 1e300, baseline: 2, as_of: 2026-02-01 }\n"],
        ["programs/pay/kpis.yaml": "kpis:\n  - { id: K1, name: L, target: 1, current: 1e18, baseline: -1e18, as_of: 2026-02-01 }\n"],
    ]
}
