@testable import CharterCore
import Testing

@Suite struct ScenarioCoreTests {
    static let asOf = PlanDate(year: 2026, month: 1, day: 1)!
    static func load(_ milestones: String) -> LoadResult {
        WorkspaceLoader.load(from: InMemoryPlanSource(files: [
            "programs/pay/program.yaml": "id: pay\nname: Payments\nowner: alice\nstatus: active\nstart: 2026-01-01\n",
            "programs/pay/milestones.yaml": milestones,
        ]))
    }

    static func evaluated(_ milestones: String) -> EvaluatedPlans {
        let load = load(milestones)
        return EvaluatedPlans(load: load, diagnostics: Validator.validate(load, asOf: PlanDate("2026-01-01")!))
    }

    @Test("a finding is the same finding when lines above it move: keys name the entity, not the line")
    func keysIgnoreLines() {
        let alone = Self.evaluated("milestones:\n  - id: M2\n    name: Beta\n    depends_on: [M9]\n")
        let shifted = Self.evaluated("milestones:\n  - id: M1\n    name: Design\n  - id: M2\n    name: Beta\n    depends_on: [M9]\n")
        #expect(alone.keys.filter { $0.rule == "unknown-reference" }.map(\.entity) == ["milestone M2"])
        #expect(alone.keys == shifted.keys)
        #expect(shifted.findings(notIn: [alone]).isEmpty)
        let other = Self.evaluated("milestones:\n  - id: M3\n    name: Beta\n    depends_on: [M9]\n")
        #expect(other.findings(notIn: [alone]).map(\.ruleID) == ["unknown-reference"])
    }

    @Test("the same field set to two values by two branches is a conflicting edit; the same value is not")
    func conflictingEdits() {
        let base = Self.load("milestones:\n  - { id: M1, name: Design, date: 2026-02-01 }\n").workspace
        let a = Self.load("milestones:\n  - { id: M1, name: Design, date: 2026-02-10 }\n").workspace
        let b = Self.load("milestones:\n  - { id: M1, name: Design, date: 2026-02-20 }\n").workspace
        let pair = Self.evaluated("milestones:\n  - { id: M1, name: Design, date: 2026-02-20 }\n")
        let found = SemanticClashes.between(refs: ("a", "b"), diffs: (SemanticDiff.compare(base, a, asOf: Self.asOf), SemanticDiff.compare(base, b, asOf: Self.asOf)), pair: pair)
        #expect(found.map(\.kind) == [.conflictingEdits])
        #expect(found.first?.message == "milestone pay/M1: a sets date to '2026-02-10', b to '2026-02-20'")
        #expect(found.first?.line == 2)
        let same = SemanticClashes.between(refs: ("a", "b"), diffs: (SemanticDiff.compare(base, a, asOf: Self.asOf), SemanticDiff.compare(base, a, asOf: Self.asOf)), pair: pair)
        #expect(same.isEmpty)
    }

    @Test("footprints overlap on a common program, on a program a new dependency points into, on a person")
    func footprints() {
        func footprint(_ before: [String: String], _ after: [String: String]) -> BranchFootprint {
            let old = WorkspaceLoader.load(from: InMemoryPlanSource(files: before)).workspace
            let new = WorkspaceLoader.load(from: InMemoryPlanSource(files: after)).workspace
            return BranchFootprint(diff: SemanticDiff.compare(old, new, asOf: Self.asOf), before: old, after: new)
        }
        let base = ["programs/pay/milestones.yaml": "milestones:\n  - { id: M1, name: Design }\n",
                    "programs/id/milestones.yaml": "milestones:\n  - { id: I1, name: Login }\n"]
        let dependsOnIdentity = footprint(base, base.merging(["programs/pay/milestones.yaml":
            "milestones:\n  - { id: M1, name: Design, depends_on: [id/I1] }\n"]) { $1 })
        let removesLogin = footprint(base, base.merging(["programs/id/milestones.yaml": "milestones: []\n"]) { $1 })
        #expect(dependsOnIdentity.programs == ["pay", "id"])
        #expect(dependsOnIdentity.overlaps(removesLogin))
        let renamesDesign = footprint(base, base.merging(["programs/pay/milestones.yaml": "milestones:\n  - { id: M1, name: Draft }\n"]) { $1 })
        #expect(!renamesDesign.overlaps(removesLogin))
        #expect(ScenarioConflictKind(ruleID: "unknown-reference").name == "dangling-reference")
        #expect(ScenarioConflictKind(ruleID: "date-outside-window").name == "date-outside-window")
    }
}
