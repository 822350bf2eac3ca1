import CharterCore
import Foundation
import PropertyBased
import Testing

/// Incremental validation finds exactly what a full validation finds: over sequences of random
/// edits of a generated workspace (ids, dates, references across programs, owners, statuses,
/// decision links, allocations, the people file, programs added and removed, broken YAML), and
/// for every rule's triggering example reached from the examples' base workspace.
@Suite struct IncrementalValidationTests {
    static let asOf = PlanDate("2026-04-27")!

    @Test("incremental findings equal a full validation after every edit of a sequence of random edits")
    func randomEditSequences() async throws {
        let workspace = try Self.generatedWorkspace(programs: 10)
        await propertyCheck(count: 12, input: Gen.int(in: 0...999_999).array(of: 3...8)) { tape in
            var files = EditedWorkspace(files: workspace)
            var validation = IncrementalValidation(asOf: Self.asOf)
            let first = WorkspaceLoader.load(from: InMemoryPlanSource(files: files.files))
            #expect(validation.validate(first) == Validator.validate(first, asOf: Self.asOf))
            var edits: [String] = []
            for choice in tape {
                edits.append(files.edit(choice))
                let load = WorkspaceLoader.load(from: InMemoryPlanSource(files: files.files))
                guard let mismatch = IncrementalValidationTests.mismatch(&validation, load) else { continue }
                Issue.record("after edits \(edits): \(mismatch)")
                return
            }
        }
    }

    /// How incremental validation of `load` differs from a full one ("missing …, extra …"), or nil
    /// when they agree. The two random-edit properties judge every edit by it.
    static func mismatch(_ validation: inout IncrementalValidation, _ load: LoadResult) -> String? {
        let full = Validator.validate(load, asOf: asOf)
        let incremental = validation.validate(load)
        guard incremental != full else { return nil }
        let missing = full.filter { !incremental.contains($0) }.map { "\($0.location) \($0.ruleID): \($0.message)" }
        let extra = incremental.filter { !full.contains($0) }.map { "\($0.location) \($0.ruleID): \($0.message)" }
        return "missing \(missing), extra \(extra)"
    }

    @Test("an unchanged program is not checked again; an edited one is")
    func onlyChangedProgramsAreRechecked() throws {
        var files = EditedWorkspace(files: try Self.generatedWorkspace(programs: 6))
        var validation = IncrementalValidation(asOf: Self.asOf)
        _ = validation.validate(WorkspaceLoader.load(from: InMemoryPlanSource(files: files.files)))
        #expect(validation.lastRevalidated == 6)
        _ = validation.validate(WorkspaceLoader.load(from: InMemoryPlanSource(files: files.files)))
        #expect(validation.lastRevalidated == 0)
        let path = files.files.keys.sorted().first { $0.hasSuffix("/milestones.yaml") }!
        files.files[path]! += "  - id: M99\n    name: Added\n    date: 2026-09-01\n"
        let load = WorkspaceLoader.load(from: InMemoryPlanSource(files: files.files))
        #expect(validation.validate(load) == Validator.validate(load, asOf: Self.asOf))
        #expect(validation.lastRevalidated == 1)
    }

    @Test("renaming a milestone another program depends on reports the dangling reference in that program")
    func renameSeenAcrossPrograms() throws {
        var files = try Self.generatedWorkspace(programs: 8)
        // A `depends_on` entry naming a milestone of another program, and that milestone's line.
        let (referrer, target, id) = try #require(files.keys.sorted().lazy.compactMap { path -> (String, String, String)? in
            guard path.hasSuffix("/milestones.yaml"),
                  let match = files[path]!.firstMatch(of: /depends_on: \[([a-z0-9-]+)\/(M[0-9]+)/) else { return nil }
            return (path, "programs/\(match.1)/milestones.yaml", String(match.2))
        }.first)
        var validation = IncrementalValidation(asOf: Self.asOf)
        _ = validation.validate(WorkspaceLoader.load(from: InMemoryPlanSource(files: files)))
        files[target] = files[target]!.replacingOccurrences(of: "- id: \(id)\n", with: "- id: \(id)-renamed\n")
        let load = WorkspaceLoader.load(from: InMemoryPlanSource(files: files))
        let full = Validator.validate(load, asOf: Self.asOf)
        #expect(full.contains { $0.ruleID == UnknownReferenceRule.description.id && $0.location.path == referrer })
        #expect(validation.validate(load) == full)
    }

    /// The seed `odi7WNQ/…` of `IncrementalNetworkTests.randomEditsAgreeWithRebuilding` found
    /// this: an unknown person equally close to several people was suggested the one its
    /// people set met first, and two equal sets (the full validation's, the one the kept
    /// findings were made with) meet them in different orders.
    @Test("after people.yaml changes and a milestones file is deleted, unknown-person findings equal a full validation's")
    func peopleEditThenDeletedMilestones() throws {
        // `carl.jones` owns everything; twenty people are each one edit from that name.
        let lookalikes = (0..<20).map { "carl.jones\(Character(UnicodeScalar(UInt8(97 + $0))))" }
        let people = (["carl.jones"] + lookalikes).map { "  - { id: \($0), name: \($0) }\n" }.joined()
        var files = ["people.yaml": "people:\n" + people]
        for index in 0..<4 {
            files["programs/p\(index)/program.yaml"] = "id: p\(index)\nname: P\(index)\nowner: carl.jones\nstatus: active\nstart: 2026-01-01\n"
            files["programs/p\(index)/milestones.yaml"] = "milestones:\n  - { id: M1, name: M1, owner: carl.jones, status: planned, date: 2026-09-01 }\n"
            files["programs/p\(index)/risks.yaml"] = "risks:\n  - { id: R1, title: R1, owner: carl.jones, probability: 2, impact: 2, status: open }\n"
        }
        var validation = IncrementalValidation(asOf: Self.asOf)
        func expectAgreement(_ step: String) {
            let load = WorkspaceLoader.load(from: InMemoryPlanSource(files: files))
            let full = Validator.validate(load, asOf: Self.asOf)
            #expect(validation.validate(load) == full, "\(step)")
            // The finding suggests the alphabetically first of the twenty, whatever the set's order.
            if step != "first" {
                #expect(full.contains { $0.ruleID == UnknownPersonRule.description.id && $0.message.contains("did you mean 'carl.jonesa'") }, "\(step)")
            }
        }
        expectAgreement("first")
        files["people.yaml"] = files["people.yaml"]!.replacingOccurrences(of: "{ id: carl.jones,", with: "{ id: zed.other,")
        expectAgreement("carl.jones renamed in people.yaml")
        files["programs/p1/milestones.yaml"] = nil
        expectAgreement("programs/p1/milestones.yaml deleted")
        files["programs/p2/milestones.yaml"] = nil
        expectAgreement("programs/p2/milestones.yaml deleted")
    }

    @Test("every rule's triggering example, validated incrementally from the examples' base workspace")
    func ruleExamplesFromTheBase() {
        let base = RuleExample([], asOf: "2026-01-15")
        for rule in RuleRegistry.all {
            for example in rule.description.triggeringExamples + rule.description.nonTriggeringExamples {
                var validation = IncrementalValidation(asOf: example.asOf)
                _ = validation.validate(WorkspaceLoader.load(from: base.source))
                let load = WorkspaceLoader.load(from: example.source)
                #expect(validation.validate(load) == Validator.validate(load, asOf: example.asOf),
                        "\(rule.description.id): \(example.files.map(\.path))")
            }
        }
    }

    /// `Benchmarks/generate.py workspace` with `programs` programs: the files by path.
    static func generatedWorkspace(programs: Int) throws -> [String: String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charter-incremental-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Benchmarks/generate.py").path, "workspace", folder.path,
                             "--programs", String(programs)]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GenerationFailed() }
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where url.pathExtension == "yaml" {
            let path = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            files[path] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    struct GenerationFailed: Error {}
}

/// A workspace's files and the edits a TPM (or a broken editor buffer) makes to them, chosen by a number.
struct EditedWorkspace {
    var files: [String: String]

    /// Keys whose values the edits swap for another value of the same key found in the workspace
    /// (which makes duplicates, references across programs, over-allocations) or spoil.
    static let keys = ["id", "date", "start", "target", "depends_on", "owner", "status", "superseded_by", "supersedes",
                       "percent", "person", "amount", "total", "affects", "workstream", "done_on", "probability", "mitigation"]

    /// Applies the edit `choice` picks and says what it was.
    mutating func edit(_ choice: Int) -> String {
        var random = SplitMix(seed: UInt64(choice))
        let paths = files.keys.sorted()
        switch random.next(10) {
        case 0:
            let path = paths[random.next(paths.count)]
            var lines = files[path]!.split(separator: "\n", omittingEmptySubsequences: false)
            let line = random.next(lines.count)
            lines.remove(at: line)
            files[path] = lines.joined(separator: "\n")
            return "delete line \(line + 1) of \(path)"
        case 1:
            let folders = Set(paths.compactMap { Self.folder(of: $0) }).sorted()
            guard let folder = folders.isEmpty ? nil : folders[random.next(folders.count)] else { return "nothing" }
            if random.next(2) == 0 {
                for path in paths where Self.folder(of: path) == folder { files[path] = nil }
                return "remove program \(folder)"
            }
            let copy = folder + "-\(random.next(3))"
            for path in paths where Self.folder(of: path) == folder {
                files["programs/\(copy)/" + path.dropFirst("programs/\(folder)/".count)] = files[path]
            }
            return "copy program \(folder) to \(copy)"
        case 2:
            let path = paths[random.next(paths.count)]
            files[path]! += random.next(2) == 0 ? "\n  - id: [broken\n" : "\nx-note: {"
            return "break the YAML of \(path)"
        default:
            let key = Self.keys[random.next(Self.keys.count)]
            var sites: [(path: String, line: Int, prefix: Substring)] = []
            var values: [Substring] = []
            for path in paths {
                for (number, line) in files[path]!.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    guard let range = line.range(of: key + ": ") else { continue }
                    let before = line[..<range.lowerBound]
                    guard before.allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
                    sites.append((path, number, line[..<range.upperBound]))
                    values.append(line[range.upperBound...])
                }
            }
            guard !sites.isEmpty else { return "no \(key)" }
            let site = sites[random.next(sites.count)]
            let value: String
            switch random.next(3) {
            case 0: value = String(values[random.next(values.count)]) + "x"
            case 1: value = "[\(values[random.next(values.count)].trimmingCharacters(in: ["[", "]"]))]"
            default: value = String(values[random.next(values.count)])
            }
            var lines = files[site.path]!.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[site.line] = site.prefix + value
            files[site.path] = lines.joined(separator: "\n")
            return "\(site.path):\(site.line + 1) \(key): \(value)"
        }
    }

    static func folder(of path: String) -> String? {
        let parts = path.split(separator: "/")
        return parts.count == 3 && parts[0] == "programs" ? String(parts[1]) : nil
    }
}

/// A small deterministic generator: the same choice makes the same edit.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(bound, 1)))
    }
}
