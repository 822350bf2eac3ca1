import CharterCore
import Testing

/// `PlanVariance.compare`: one semantic diff gives both the variance and the diff the status
/// report summarises, and `PlanDiff.only` narrows that diff as a diff of narrowed sides would.
@Suite struct VarianceWithDiffTests {
    static let slipped = DiffFixture.edit("programs/payments-v2/milestones.yaml", "date: 2026-05-01", "date: 2026-05-15")

    @Test func oneComparisonGivesTheSameVarianceAndDiff() {
        let baseline = DiffFixture.load(DiffFixture.files).workspace
        let current = DiffFixture.load(DiffFixture.files.merging(["programs/payments-v2/milestones.yaml": Self.slipped]) { $1 }).workspace
        let both = PlanVariance.compare(DiffSide(workspace: baseline), DiffSide(workspace: current), asOf: DiffFixture.asOf)
        #expect(both.variance == PlanVariance(baseline: baseline, current: current))
        #expect(both.diff == SemanticDiff.compare(baseline, current, asOf: DiffFixture.asOf))
    }

    @Test func onlyKeepsTheNamedProgramsChanges() {
        let baseline = DiffFixture.load(DiffFixture.files).workspace
        let current = DiffFixture.load(DiffFixture.files.merging(["programs/payments-v2/milestones.yaml": Self.slipped]) { $1 }).workspace
        let diff = SemanticDiff.compare(baseline, current, asOf: DiffFixture.asOf)
        #expect(!diff.changes.isEmpty)
        #expect(diff.only(["payments-v2"]).changes == diff.changes)
        #expect(diff.only(["identity"]).changes.allSatisfy { $0.program == nil || $0.program == "identity" })
        #expect(diff.only(["identity"]).summary == SemanticDiff.compare(Self.narrow(baseline), Self.narrow(current), asOf: DiffFixture.asOf).summary)
    }

    static func narrow(_ workspace: Workspace) -> Workspace {
        var result = workspace
        result.programs = workspace.programs.filter { $0.folder == "identity" }
        return result
    }
}
