import CharterCore
import Testing

/// Who a change concerns (`ChangeAudience`, `NotifyList`) and the CODEOWNERS block, on plans in memory.
@Suite struct StakeholderTests {
    static let files: [String: String] = [
        "charter.yaml": "version: 1\npolicy: { approver_roles: { default: [sponsor] } }\n",
        "people.yaml": """
        people:
          - { id: ann, github: ann-gh }
          - { id: ben, github: "@ben-gh" }
          - { id: cy }

        """,
        "programs/a/program.yaml": """
        id: a
        name: A
        owner: ann
        sponsor: ben
        stakeholders: [{ person: cy, role: accountable }, { person: ben, role: informed }]

        """,
        "programs/a/milestones.yaml": "milestones:\n  - { id: M1, name: One, owner: ann, date: 2026-03-01 }\n",
        "programs/b/program.yaml": "id: b\nname: B\nowner: cy\n",
        "programs/b/milestones.yaml": "milestones:\n  - { id: N1, name: Uses one, owner: cy, date: 2026-04-01, depends_on: [a/M1] }\n",
    ]

    static func workspace(_ files: [String: String] = files) -> Workspace {
        WorkspaceLoader.load(from: InMemoryPlanSource(files: files)).workspace
    }

    @Test func aHandOverTellsBothOwnersAndARemovedMilestonesDependents() {
        var edited = Self.files
        edited["programs/a/milestones.yaml"] = "milestones:\n  - { id: M1, name: One, owner: ben, date: 2026-03-01 }\n"
        let handOver = SemanticDiff.compare(DiffSide(WorkspaceLoader.load(from: InMemoryPlanSource(files: Self.files))),
                                            DiffSide(WorkspaceLoader.load(from: InMemoryPlanSource(files: edited))), asOf: PlanDate("2026-01-01")!)
        let audience = ChangeAudience(workspace: Self.workspace(edited))
        let owners = audience.concerns(handOver.changes).filter { $0.kind == .milestoneOwner }.map(\.person)
        #expect(owners == ["ann", "ben"])
        // An owner change moves nothing dependents wait for.
        #expect(!audience.concerns(handOver.changes).contains { $0.kind == .dependentOwner })

        edited["programs/a/milestones.yaml"] = "milestones: []\n"
        let removal = SemanticDiff.compare(DiffSide(WorkspaceLoader.load(from: InMemoryPlanSource(files: Self.files))),
                                           DiffSide(WorkspaceLoader.load(from: InMemoryPlanSource(files: edited))), asOf: PlanDate("2026-01-01")!)
        let list = NotifyList(changes: removal.changes, approvalRequired: false, author: "ben",
                              audience: ChangeAudience(workspace: Self.workspace(edited)))
        // ann owned M1 (as the removal records it); cy's b/N1 still names it; ben is informed but the author.
        #expect(list.recipients.map(\.person) == ["ann", "cy"])
        #expect(list.recipients[1].reasons == [ChangeAudience.Concern(person: "cy", kind: .dependentOwner, subject: "b/N1", dependsOn: "a/M1")])
        #expect(list.recipients.map(\.login) == ["ann-gh", nil])
    }

    @Test func codeOwnersNameOwnersAccountableAndApproversByLogin() {
        let owners = CodeOwners(workspace: Self.workspace(), prefix: "plans/q 1")
        #expect(owners.entries.map(\.line) == [
            "/plans/q\\ 1/programs/a/ @ann-gh",
            "/plans/q\\ 1/charter.yaml @ben-gh",
            "/plans/q\\ 1/people.yaml @ben-gh",
        ])
        #expect(owners.unowned == ["/plans/q\\ 1/programs/b/"])
        #expect(owners.withoutLogin.map(\.person) == ["cy", "cy"])
    }

    @Test func theBlockReplacesItselfAndNothingElse() throws {
        let block = "# BEGIN charter codeowners (x)\n/a @b\n# END charter codeowners\n"
        #expect(try CodeOwners.merged(block, into: nil) == block)
        #expect(try CodeOwners.merged(block, into: "* @all") == "* @all\n\n" + block)
        #expect(try CodeOwners.merged(block, into: "* @all\n") == "* @all\n\n" + block)
        let existing = "* @all\n# BEGIN charter codeowners (old)\n/old @x\n# END charter codeowners\n/z @y"
        #expect(try CodeOwners.merged(block, into: existing) == "* @all\n" + block + "/z @y\n")
        #expect(throws: CodeOwners.MergeError.unterminatedBlock(line: 1)) { try CodeOwners.merged(block, into: "# BEGIN charter codeowners\n") }
        #expect(throws: CodeOwners.MergeError.duplicateBlock(line: 6)) { try CodeOwners.merged(block, into: existing + "\n" + block) }
    }
}
