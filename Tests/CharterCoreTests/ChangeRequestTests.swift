import Testing
@testable import CharterCore

/// Change requests built from real diffs of small workspaces, with hand-made commits.
struct ChangeRequestTests {
    static let settings = """
    version: 1
    policy:
      approval_trailer: Approved-by
      require_approval: { slip_days: 7, budget_increase_percent: 5, milestone_removed: true }

    """
    static let program = """
    id: demo
    name: Demo Program
    owner: alice
    sponsor: bob
    status: active
    start: 2026-01-01
    target: 2026-12-31
    budget: { currency: USD, total: 100000 }
    stakeholders:
      - { person: dave, role: accountable }

    """
    static let milestones = """
    milestones:
      - { id: M1, name: Design, date: 2026-03-01 }
      - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M1] }

    """

    static func workspace(_ overrides: [String: String]) -> Workspace {
        var files = RuleExample.baseFiles
        files["charter.yaml"] = settings
        files["programs/demo/program.yaml"] = program
        files["programs/demo/milestones.yaml"] = milestones
        files.merge(overrides) { $1 }
        return WorkspaceLoader.load(from: InMemoryPlanSource(files: files)).workspace
    }

    static func commit(_ message: String, author: String = "Alice Ng", email: String = "alice@example.com",
                       day: String = "2026-02-01") -> CommitFacts {
        let time = Int64(PlanDate(day)!.dayNumber) * 86_400 + 36_000
        let person = Signature(name: author, email: email, time: time, offsetMinutes: 60)
        return CommitFacts(id: "0123456789abcdef0123456789abcdef01234567", parentIDs: ["f" + String(repeating: "0", count: 39)],
                           message: message, author: person, committer: person)
    }

    static func record(_ newFiles: [String: String], oldFiles: [String: String] = [:], message: String,
                       author: String = "Alice Ng", email: String = "alice@example.com", day: String = "2026-02-01",
                       notes: [String] = []) -> ChangeRequest {
        let old = workspace(oldFiles), new = workspace(newFiles)
        return ChangeRequestBuilder(old: old, new: new)
            .build(commit: commit(message, author: author, email: email, day: day), diff: SemanticDiff.compare(old, new, asOf: DiffFixture.asOf), notes: notes)
    }

    static let slipped = ["programs/demo/milestones.yaml": milestones.replacingOccurrences(of: "2026-05-01", with: "2026-05-15")]

    @Test func slipBeyondPolicyNeedsApproval() {
        let cr = Self.record(Self.slipped, message: "Slip Beta\n\nVendor late.\n")
        #expect(cr.id == "CR-0123456789ab")
        #expect(cr.title == "Slip Beta")
        #expect(cr.reason == "Vendor late.")
        #expect(cr.impact.maxSlipDays == 14)
        #expect(cr.changeTypes == ["schedule"])
        #expect(cr.approvalRequired)
        #expect(!cr.approved)
        #expect(cr.requirements.first?.reason == .slip)
        #expect(cr.requirements.first?.detail.contains("M2 slips 14 days (2026-05-01 → 2026-05-15)") == true)
        #expect(cr.requirements.first?.missing?.contains("Approved-by") == true)
    }

    @Test func approvedByAKnownPerson() {
        let cr = Self.record(Self.slipped, message: "Slip Beta\n\nReason: vendor late\nApproved-by: Bob Stone <BOB@example.com>\n")
        #expect(cr.reason == "vendor late")
        #expect(cr.approved && cr.policyMet)
        #expect(cr.approvals.first?.person == "bob")
        #expect(cr.approvals.first?.roles == ["sponsor"])
    }

    @Test("self-approval and strangers do not count; reviews are recorded but never count")
    func approvalsThatDoNotCount() {
        let cr = Self.record(Self.slipped, message: """
        Slip Beta

        Approved-by: Alice Ng <alice@example.com>
        Approved-by: Mallory <mallory@evil.example>
        Reviewed-by: Bob Stone <bob@example.com>
        """)
        #expect(!cr.approved)
        #expect(cr.approvals.map(\.counts) == [false, false, false])
        #expect(cr.approvals[0].note?.contains("author") == true)
        #expect(cr.approvals[1].note?.contains("not in people.yaml") == true)
        #expect(cr.approvals[2].note?.contains("review") == true)
    }

    @Test("a role requirement: only the sponsor or an accountable stakeholder may approve a slip")
    func roles() {
        let policy = Self.settings + "  approver_roles: { slip: [sponsor, accountable] }\n"
        let byCarol = Self.record(Self.slipped.merging(["charter.yaml": policy]) { $1 },
                                  message: "Slip\n\nApproved-by: carol\n")
        #expect(!byCarol.approved)
        #expect(byCarol.requirements.first?.missing?.contains("sponsor or accountable of demo (bob, dave)") == true)
        let byDave = Self.record(Self.slipped.merging(["charter.yaml": policy]) { $1 },
                                 message: "Slip\n\nApproved-by: Dave Kim <dave@example.com>\n")
        #expect(byDave.approved)
    }

    @Test func budgetIncreaseAndRemovedMilestone() {
        let cr = Self.record([
            "programs/demo/program.yaml": Self.program.replacingOccurrences(of: "total: 100000", with: "total: 108000"),
            "programs/demo/milestones.yaml": "milestones:\n  - { id: M1, name: Design, date: 2026-03-01 }\n",
        ], message: "Rework plan")
        #expect(cr.impact.budgetDelta == 8000)
        #expect(cr.impact.milestonesRemoved == ["demo/M2"])
        #expect(cr.requirements.map(\.reason) == [.budget, .milestoneRemoved])
        #expect(cr.requirements[0].detail.contains("+8%"))
    }

    @Test func contradictedImpactClaim() {
        let cr = Self.record(Self.slipped, message: "Tidy\n\nSchedule-Impact: none\nApproved-by: bob\n")
        #expect(cr.contradictedClaims.map(\.trailer) == ["Schedule-Impact"])
        #expect(cr.approved && !cr.policyMet)
    }

    @Test func approvalFromANote() {
        let cr = Self.record(Self.slipped, message: "Slip Beta", notes: ["Approved-by: Bob Stone <bob@example.com> (sponsor)"])
        #expect(cr.approved)
        #expect(cr.approvals.first?.source == .note)
        #expect(cr.approvals.first?.statedRole == "sponsor")
    }

    @Test("a change inside a freeze needs a freeze exception, and a reviewed exceptions entry gives one")
    func freeze() {
        let policy = Self.settings + "  freezes:\n    - { name: Q1 freeze, from: 2026-01-25, to: 2026-02-10 }\n"
        let change = ["charter.yaml": policy, "programs/demo/milestones.yaml": Self.milestones.replacingOccurrences(of: "2026-05-01", with: "2026-05-03")]
        let frozen = Self.record(change, oldFiles: ["charter.yaml": policy], message: "Move Beta")
        #expect(frozen.requirements.map(\.reason) == [.freeze])
        #expect(!frozen.approved)
        let excepted = Self.record(change, oldFiles: ["charter.yaml": policy], message: "Move Beta\n\nFreeze-exception: Bob Stone <bob@example.com>\n")
        #expect(excepted.approved)
        let outside = Self.record(change, oldFiles: ["charter.yaml": policy], message: "Move Beta", day: "2026-02-11")
        #expect(!outside.approvalRequired)
    }

    @Test("dependent slips and slips large against the time remaining")
    func dependentAndPercentSlips() {
        let policy = "version: 1\npolicy:\n  require_approval: { dependent_slip: true, slip_percent_of_remaining: 20 }\n"
        let moved = Self.milestones.replacingOccurrences(of: "2026-03-01", with: "2026-03-04")
        let cr = Self.record(["charter.yaml": policy, "programs/demo/milestones.yaml": moved], oldFiles: ["charter.yaml": policy],
                             message: "Nudge design", day: "2026-02-20")
        #expect(cr.requirements.map(\.reason) == [.slip, .dependentSlip])
        #expect(cr.requirements[0].detail.contains("of the 9 days that were left"))
        #expect(cr.requirements[1].detail.contains("M2 depends on it"))
    }

    @Test func noPlanPolicyNoRequirement() {
        let cr = Self.record(["programs/demo/milestones.yaml": Self.milestones.replacingOccurrences(of: "name: Beta", with: "name: Public beta")],
                             message: "Rename")
        #expect(!cr.approvalRequired && cr.policyMet && !cr.approved)
    }
}

extension ChangeRequestTests {
    @Test("a GitHub squash merge keeps the approvals of every squashed commit")
    func squashMergeUnionOfTrailers() {
        let message = """
        Slip Beta and tidy (#42)

        * Slip Beta two weeks

        Approved-by: Bob Stone <bob@example.com>

        * Fix typo

        Reviewed-by: Carol Diaz <carol@example.com>
        """
        let cr = Self.record(Self.slipped, message: message)
        #expect(cr.approved)
        #expect(cr.approvals.map(\.kind) == ["Reviewed-by", "Approved-by"] || cr.approvals.map(\.kind) == ["Approved-by", "Reviewed-by"])
        #expect(cr.pullRequest == 42)
        let plain = Self.record(Self.slipped, message: "Slip Beta and tidy\n\n* Slip\n\nApproved-by: bob\n\n* Fix typo\n")
        #expect(!plain.approved)
    }
}
