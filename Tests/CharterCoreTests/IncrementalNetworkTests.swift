import CharterCore
import Foundation
import PropertyBased
import Testing

/// The milestone network and the rule context brought up to date after an edit
/// (`RuleContext(load:asOf:reusing:)`, `MilestoneNetwork.update(to:changed:)`) equal those built
/// from scratch, and incremental validation finds what a full one finds: over sequences of random
/// edits of a generated workspace that rename ids, add and remove `depends_on` entries across
/// programs, close cycles, cancel milestones, change dates, delete files and break the YAML.
@Suite struct IncrementalNetworkTests {
    static let asOf = IncrementalValidationTests.asOf

    @Test("an updated network and context equal fresh ones, and incremental findings full ones, after every random edit")
    func randomEditsAgreeWithRebuilding() async throws {
        let workspace = try IncrementalValidationTests.generatedWorkspace(programs: 12)
        await propertyCheck(count: 16, input: Gen.int(in: 0...999_999).array(of: 4...12)) { tape in
            var files = NetworkEdits(original: workspace)
            var validation = IncrementalValidation(asOf: Self.asOf)
            var load = WorkspaceLoader.load(from: InMemoryPlanSource(files: files.files))
            var context: RuleContext? = RuleContext(load: load, asOf: Self.asOf)
            _ = validation.validate(load)
            var edits: [String] = []
            for choice in tape {
                edits.append(files.edit(choice))
                load = WorkspaceLoader.load(from: InMemoryPlanSource(files: files.files))
                context = RuleContext(load: load, asOf: Self.asOf, reusing: context)
                let fresh = RuleContext(load: load, asOf: Self.asOf)
                let differences = Self.differences(context!, fresh)
                guard differences.isEmpty else {
                    Issue.record("after edits \(edits): the updated context differs in \(differences)")
                    return
                }
                guard let mismatch = IncrementalValidationTests.mismatch(&validation, load) else { continue }
                Issue.record("after edits \(edits): \(mismatch)")
                return
            }
        }
    }

    @Test("an edit of a depends_on or a date updates the network in place; a renamed id cannot")
    func whatUpdatesInPlace() throws {
        let files = try IncrementalValidationTests.generatedWorkspace(programs: 6)
        let before = WorkspaceLoader.load(from: InMemoryPlanSource(files: files)).workspace
        let program = try #require(before.programs.firstIndex { $0.milestones.contains { !$0.dependsOn.isEmpty } })
        let path = "programs/\(before.programs[program].folder)/milestones.yaml"
        let network = MilestoneNetwork(before)

        var edited = files
        edited[path] = files[path]!.replacingOccurrences(of: "depends_on: [", with: "depends_on: [M1, ")
            .replacingOccurrences(of: "date: 2026-", with: "date: 2027-")
        let after = WorkspaceLoader.load(from: InMemoryPlanSource(files: edited)).workspace
        let updated = try #require(network.updated(to: after, changed: [program]))
        #expect(Self.differences(updated, MilestoneNetwork(after)).isEmpty)

        edited[path] = files[path]!.replacingOccurrences(of: "- id: M1\n", with: "- id: M1r\n")
        let renamed = WorkspaceLoader.load(from: InMemoryPlanSource(files: edited)).workspace
        #expect(network.updated(to: renamed, changed: [program]) == nil)
    }

    /// What differs between two contexts' networks and milestone lookups (empty when nothing).
    static func differences(_ updated: RuleContext, _ fresh: RuleContext) -> [String] {
        var found = differences(updated.network, fresh.network)
        if updated.programsByFolder != fresh.programsByFolder { found.append("programsByFolder") }
        if updated.peopleIDs != fresh.peopleIDs { found.append("peopleIDs") }
        for program in fresh.workspace.programs {
            for milestone in program.milestones {
                let key = QualifiedID(program: program.folder, id: milestone.id.value)
                if updated.milestone(at: key) != fresh.milestone(at: key) { found.append("milestone(at: \(key))") }
            }
        }
        for program in updated.workspace.programs {
            for milestone in program.milestones {
                let key = QualifiedID(program: program.folder, id: milestone.id.value)
                if updated.hasMilestone(at: key) != fresh.hasMilestone(at: key) { found.append("hasMilestone(at: \(key))") }
            }
        }
        return found
    }

    /// What differs between two networks, in their properties and queries.
    static func differences(_ updated: MilestoneNetwork, _ fresh: MilestoneNetwork) -> [String] {
        var found: [String] = []
        if updated.ids != fresh.ids { found.append("ids") }
        if Array(updated.milestones) != Array(fresh.milestones) { found.append("milestones") }
        if updated.dependencies != fresh.dependencies { found.append("dependencies") }
        if updated.references != fresh.references { found.append("references") }
        if updated.successors != fresh.successors { found.append("successors") }
        if updated.dangling != fresh.dangling { found.append("dangling") }
        if updated.cancelled != fresh.cancelled { found.append("cancelled") }
        if updated.cycles != fresh.cycles { found.append("cycles") }
        if updated.order != fresh.order { found.append("order") }
        if updated.members != fresh.members { found.append("members") }
        guard found.isEmpty else { return found }
        for node in fresh.ids.indices {
            let id = fresh.ids[node]
            if updated.node(id) != node || updated.milestone(id) != fresh.milestone(id) { found.append("node(\(id))") }
            if updated.downstream(of: [node]) != fresh.downstream(of: [node]) { found.append("downstream(of: \(id))") }
            for dependency in fresh.dependencies[node]
            where updated.reference(from: node, to: dependency) != fresh.reference(from: node, to: dependency) {
                found.append("reference(from: \(id), to: \(fresh.ids[dependency]))")
            }
        }
        for id in fresh.cancelled where updated.node(id) != nil { found.append("node(\(id)), cancelled") }
        return found
    }
}

/// Edits of a generated workspace aimed at the milestone network, chosen by a number; every
/// fourth is one of `EditedWorkspace`'s general edits.
struct NetworkEdits {
    let original: [String: String]
    var files: [String: String]

    init(original: [String: String]) {
        self.original = original
        files = original
    }

    mutating func edit(_ choice: Int) -> String {
        var random = SplitMix(seed: UInt64(choice))
        let milestoneFiles = files.keys.filter { $0.hasSuffix("/milestones.yaml") }.sorted()
        guard !milestoneFiles.isEmpty, random.next(4) != 0 else {
            var general = EditedWorkspace(files: files)
            defer { files = general.files }
            return general.edit(choice)
        }
        let path = milestoneFiles[random.next(milestoneFiles.count)]
        var lines = Self.lines(files[path]!)
        let idLines = lines.indices.filter { lines[$0].hasPrefix("  - id: ") }
        guard !idLines.isEmpty else { files[path] = original[path] ?? ""; return "restore \(path)" }
        let milestone = idLines[random.next(idLines.count)]
        let blockEnd = idLines.first { $0 > milestone } ?? lines.count
        let block = milestone..<blockEnd
        // Deleting the file itself leaves nothing to write back.
        defer { if files[path] != nil { files[path] = lines.joined(separator: "\n") } }
        switch random.next(9) {
        case 0:
            lines[milestone] += "r"
            return "rename \(path):\(milestone + 1)"
        case 1, 2:
            guard let (other, id) = randomMilestone(&random) else { return "nothing" }
            Self.addDependency(on: "\(other)/\(id)", to: &lines, block: block)
            return "\(path):\(milestone + 1) depends on \(other)/\(id)"
        case 3:
            guard let line = block.first(where: { lines[$0].hasPrefix("    depends_on: ") }) else { return "nothing" }
            lines.remove(at: line)
            return "remove \(path):\(line + 1)"
        case 4:
            // Each of two milestones depends on the other.
            guard let (other, id) = randomMilestone(&random) else { return "nothing" }
            let folder = EditedWorkspace.folder(of: path)!
            let here = lines[milestone].dropFirst("  - id: ".count)
            Self.addDependency(on: "\(other)/\(id)", to: &lines, block: block)
            files[path] = lines.joined(separator: "\n")
            let otherPath = "programs/\(other)/milestones.yaml"
            var otherLines = Self.lines(files[otherPath]!)
            if let line = otherLines.firstIndex(of: "  - id: \(id)") {
                let end = otherLines.indices.first { $0 > line && otherLines[$0].hasPrefix("  - id: ") } ?? otherLines.count
                Self.addDependency(on: "\(folder)/\(here)", to: &otherLines, block: line..<end)
                files[otherPath] = otherLines.joined(separator: "\n")
                lines = Self.lines(files[path]!)
            }
            return "cycle \(folder)/\(here) ⇄ \(other)/\(id)"
        case 5:
            if let line = block.first(where: { lines[$0] == "    status: cancelled" }) {
                lines.remove(at: line)
                return "bring back \(path):\(milestone + 1)"
            }
            lines.insert("    status: cancelled", at: milestone + 1)
            return "cancel \(path):\(milestone + 1)"
        case 6:
            guard let line = block.first(where: { lines[$0].hasPrefix("    date: ") }) else { return "nothing" }
            lines[line] = "    date: 2026-\(String(format: "%02d", 1 + random.next(12)))-\(String(format: "%02d", 1 + random.next(28)))"
            return "date \(path):\(line + 1)"
        case 7:
            let program = path.dropLast("milestones.yaml".count)
            let victims = files.keys.filter { $0.hasPrefix(program) }.sorted()
            let victim = victims[random.next(victims.count)]
            files[victim] = nil
            return "delete \(victim)"
        default:
            lines.insert("  - id: [broken", at: milestone)
            return "break the YAML of \(path):\(milestone + 1)"
        }
    }

    /// A milestone of a random program: its folder and id.
    private func randomMilestone(_ random: inout SplitMix) -> (folder: String, id: String)? {
        let paths = files.keys.filter { $0.hasSuffix("/milestones.yaml") }.sorted()
        let path = paths[random.next(paths.count)]
        let ids = Self.lines(files[path]!).filter { $0.hasPrefix("  - id: ") }.map { String($0.dropFirst("  - id: ".count)) }
        guard !ids.isEmpty, let folder = EditedWorkspace.folder(of: path) else { return nil }
        return (folder, ids[random.next(ids.count)])
    }

    private static func addDependency(on reference: String, to lines: inout [String], block: Range<Int>) {
        if let line = block.first(where: { lines[$0].hasPrefix("    depends_on: [") }) {
            lines[line] = lines[line].replacingOccurrences(of: "depends_on: [", with: "depends_on: [\(reference), ")
        } else {
            lines.insert("    depends_on: [\(reference)]", at: block.lowerBound + 1)
        }
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
