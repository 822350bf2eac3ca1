import CharterCore
import Foundation

/// A small two-program workspace the diff tests edit: payments-v2 depends on identity/M3.
enum DiffFixture {
    /// Before every date of the fixture: nothing is open past its date, so consequences are the
    /// plan's own (see `ConsequencesMatchScheduleTests` for the as-of day at work).
    static let asOf = PlanDate("2026-01-01")!

    static let people = """
    people:
      - { id: alice, name: Alice Ng }
      - { id: carol, name: Carol Diaz }
      - { id: erin, name: Erin Ito }

    """

    static let paymentsProgram = """
    id: payments-v2
    name: Payments Platform v2
    owner: alice
    status: active
    start: 2026-01-12
    target: 2026-09-30
    budget: { currency: USD, total: 1250000 }
    scope: { in: [Card payments, Saved cards], out: [Crypto] }
    workstreams:
      - { id: api, name: Public API, owner: carol }
      - { id: checkout, name: Checkout, owner: erin }
    allocations:
      - { person: carol, workstream: api, percent: 50, from: 2026-01-12, to: 2026-06-30 }

    """

    static let paymentsMilestones = """
    milestones:
      - { id: M1, name: Design review passed, date: 2026-02-15, status: done, done_on: 2026-02-14 }
      - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M1, identity/M3] }
      - { id: M3, name: Load test, date: 2026-05-20, depends_on: [M2] }
      - { id: M4, name: GA, start: 2026-08-01, date: 2026-08-17, depends_on: [M3] }
      - { id: M5, name: Wallets }

    """

    static let paymentsRisks = """
    risks:
      - { id: R1, title: Vendor SDK late, owner: erin, probability: 4, impact: 5, status: open, mitigation: Fallback vendor }
      - { id: R2, title: Load env not ready, owner: carol, probability: 3, impact: 4, status: open }

    """

    static let paymentsBudget = """
    lines:
      - { id: B1, category: people, workstream: api, amount: 450000 }
      - { id: B2, category: vendor, amount: 200000 }

    """

    static let paymentsDecisions = """
    decisions:
      - { id: D1, title: Use gRPC internally, status: accepted }
      - { id: D2, title: Single processor, status: accepted }

    """

    static let identityProgram = """
    id: identity
    name: Identity
    owner: alice
    status: active
    start: 2026-01-05
    target: 2026-07-31
    budget: { currency: USD, total: 600000 }

    """

    static let identityMilestones = """
    milestones:
      - { id: M1, name: OIDC design, date: 2026-02-01, status: done }
      - { id: M3, name: Token service GA, date: 2026-04-15, depends_on: [M1] }

    """

    static var files: [String: String] {
        [
            "charter.yaml": "version: 1\n",
            "people.yaml": people,
            "programs/payments-v2/program.yaml": paymentsProgram,
            "programs/payments-v2/milestones.yaml": paymentsMilestones,
            "programs/payments-v2/risks.yaml": paymentsRisks,
            "programs/payments-v2/budget.yaml": paymentsBudget,
            "programs/payments-v2/decisions.yaml": paymentsDecisions,
            "programs/identity/program.yaml": identityProgram,
            "programs/identity/milestones.yaml": identityMilestones,
        ]
    }

    static func load(_ files: [String: String]) -> LoadResult {
        WorkspaceLoader.load(from: InMemoryPlanSource(files: files))
    }

    /// The diff from the fixture to the fixture with `edits` applied (`nil` deletes a file).
    static func diff(_ edits: [String: String?], from base: [String: String] = files) -> PlanDiff {
        var edited = base
        for (path, text) in edits { edited[path] = text }
        return SemanticDiff.compare(DiffSide(load(base)), DiffSide(load(edited)), asOf: asOf)
    }

    /// Replaces one occurrence of `old` with `new` in a fixture file, failing loudly when absent.
    static func edit(_ path: String, _ old: String, _ new: String, in base: [String: String] = files) -> String {
        let text = base[path]!
        precondition(text.contains(old), "\(path) has no '\(old)'")
        return text.replacingOccurrences(of: old, with: new)
    }
}
