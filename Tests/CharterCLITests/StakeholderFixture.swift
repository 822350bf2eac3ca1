import Foundation

/// Two programs with GitHub logins and RACI roles, where web/W1 depends on pay/M1: the plans the
/// notify, codeowners and digest tests read, as a real git repository.
enum StakeholderFixture {
    static let people = """
        people:
          - { id: alice, name: Alice Ng, email: alice@example.com, github: alice-gh }
          - { id: bob, name: Bob Smith, email: bob@example.com, github: "@bob-gh" }
          - { id: carol, name: Carol Diaz, email: carol@example.com, github: carol-gh }
          - { id: dave, name: Dave Okafor, email: dave@example.com }
          - { id: erin, name: Erin Walsh, email: erin@example.com, github: erin-gh }

        """

    static func program(_ id: String, owner: String, stakeholders: [(String, String)]) -> String {
        """
        id: \(id)
        name: Program \(id)
        owner: \(owner)
        status: active
        start: 2026-01-01
        target: 2026-12-31
        stakeholders:
        \(stakeholders.map { "  - { person: \($0.0), role: \($0.1) }" }.joined(separator: "\n"))

        """
    }

    static func payMilestones(m1: String = "2026-05-01", name: String = "Beta") -> String {
        """
        milestones:
          - { id: M1, name: \(name), owner: carol, date: \(m1) }

        """
    }

    static let files: [String: String] = [
        "charter.yaml": """
        version: 1
        policy:
          require_approval: { slip_days: 7 }
          approver_roles: { slip: [accountable], default: [owner] }

        """,
        "people.yaml": people,
        "programs/pay/program.yaml": program("pay", owner: "alice", stakeholders: [("bob", "accountable"), ("dave", "informed")]),
        "programs/pay/milestones.yaml": payMilestones(),
        "programs/web/program.yaml": program("web", owner: "erin", stakeholders: [("carol", "responsible"), ("alice", "consulted")]),
        "programs/web/milestones.yaml": """
        milestones:
          - { id: W1, name: Web checkout, owner: erin, date: 2026-06-01, depends_on: [pay/M1] }
          - { id: W2, name: Web launch, owner: bob, date: 2026-07-01, depends_on: [W1] }

        """,
    ]

    /// The plans, committed, in `folder` of a new repository.
    static func repository(in folder: String = "") throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        let prefix = folder.isEmpty ? "" : folder + "/"
        for (path, text) in files { try fixture.write(prefix + path, text) }
        try fixture.commitAll("Plans")
        return fixture
    }
}
