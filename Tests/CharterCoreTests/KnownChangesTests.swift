@testable import CharterCore
import PropertyBased
import Testing

/// A diff told where the sides can differ (`KnownChanges`, from subtree ids in a history walk)
/// compares only there, and must say exactly what a diff of everything says: over generated
/// plans and edits, with the exact set of differing programs and with every program listed.
@Suite struct KnownChangesTests {
    @Test("a diff told which programs can differ says what comparing every program says")
    func knownEqualsEverything() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...999).array(of: 8...120)) { tape in
            let plan = GeneratedPlan(tape: tape)
            let old = GeneratedPlan.load(plan.files(plan.before)), new = GeneratedPlan.load(plan.files(plan.after))
            let scope = DiffScope.programs(old, new)
            let full = SemanticDiff.compare(DiffSide(workspace: old), DiffSide(workspace: new), asOf: plan.asOf, scope: scope)
            let folders = Set(old.programs.map(\.folder)).union(new.programs.map(\.folder))
            let sameRoot = old.settings == new.settings && old.people == new.people
            let exact = KnownChanges(programs: folders.filter { old.program($0) != new.program($0) }, rootFiles: !sameRoot)
            for known in [exact, KnownChanges(programs: folders, rootFiles: true)] {
                #expect(DiffScope.programs(old, new, known: known) == scope, "edit: \(plan.edit)")
                let told = SemanticDiff.compare(DiffSide(workspace: old), DiffSide(workspace: new), asOf: plan.asOf,
                                                scope: DiffScope.programs(old, new, known: known), known: known)
                #expect(told == full, "edit: \(plan.edit), known \(known.programs.sorted())")
            }
        }
    }

    static let milestones = """
    milestones:
      - { id: M1, name: Design, date: 2030-03-01 }
      - { id: M2, name: Build, date: 2030-06-01, depends_on: [M1] }

    """

    static func workspace(build: String, person: String = "alice") -> Workspace {
        WorkspaceLoader.load(from: InMemoryPlanSource(files: [
            "people.yaml": "people:\n  - { id: \(person), name: Someone }\n",
            "programs/a/program.yaml": "id: a\nname: A\n",
            "programs/a/milestones.yaml": milestones.replacingOccurrences(of: "2030-06-01", with: build),
            "programs/b/program.yaml": "id: b\nname: B\n",
            "programs/b/milestones.yaml": "milestones:\n  - { id: G1, name: Launch, date: 2030-06-10, depends_on: [a/M2] }\n",
        ])).workspace
    }

    @Test("programs outside the known set are not compared, and neither are the root files when it says so")
    func skipsWhatItIsTold() {
        let old = Self.workspace(build: "2030-06-01"), new = Self.workspace(build: "2030-06-20", person: "bob")
        let asOf = PlanDate("2030-01-01")!
        let everything = SemanticDiff.compare(old, new, asOf: asOf)
        #expect(everything.changes.map { "\($0.program ?? "-")/\($0.id)" } == ["a/M2", "-/alice", "-/bob"])
        // b is unchanged but pushed: the scope reaches it through its dependency on a.
        #expect(DiffScope.programs(old, new, known: KnownChanges(programs: ["a"], rootFiles: true)) == ["a", "b"])
        #expect(everything.consequences.map(\.program) == ["b"])
        let told = SemanticDiff.compare(DiffSide(workspace: old), DiffSide(workspace: new), asOf: asOf,
                                        known: KnownChanges(programs: ["a"], rootFiles: true))
        #expect(told == everything)
        // Told wrongly that nothing differs, the diff believes it: the hint is used, not checked.
        let misled = SemanticDiff.compare(DiffSide(workspace: old), DiffSide(workspace: new), asOf: asOf,
                                          known: KnownChanges(programs: [], rootFiles: false))
        #expect(misled.changes.isEmpty)
    }

    @Test("folders whose ids differ or that one side lacks may differ; root files when their ids do")
    func fromContentIDs() {
        let known = KnownChanges(programs: ["a": "a@1", "b": "b@1", "c": "c@1"], ["a": "a@1", "b": "b@2", "d": "d@1"],
                                 rootFiles: "x:y", "x:y")
        #expect(known.programs == ["b", "c", "d"])
        #expect(!known.rootFiles)
        #expect(KnownChanges(programs: [:], [:], rootFiles: "", "x:y").rootFiles)
    }
}
