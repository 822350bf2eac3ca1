import CharterCore
import Testing

/// The one network's semantics (docs/schedule.md, "The network").
@Suite struct MilestoneNetworkTests {
    func network(_ milestones: String) -> MilestoneNetwork {
        MilestoneNetwork(scheduleWorkspace(["pay": (nil, milestones)]))
    }

    @Test("cancelled milestones are no nodes; a reference to one is no edge and not dangling")
    func cancelledConstrainsNothing() {
        let network = network("""
        milestones:
          - { id: A, name: A, date: 2026-02-01 }
          - { id: B, name: B, status: cancelled, depends_on: [A] }
          - { id: C, name: C, depends_on: [B, A, A, Z] }
        """)
        #expect(network.ids == [qid("pay/A"), qid("pay/C")])
        #expect(network.cancelled == [qid("pay/B")])
        let c = network.node(qid("pay/C"))!
        #expect(network.dependencies[c] == [network.node(qid("pay/A"))!], "repeats are one edge")
        #expect(network.dangling.map(\.reference) == ["Z"])
        #expect(network.cycles.isEmpty)
    }

    @Test("of two milestones with one id the first wins")
    func firstOfDuplicatesWins() {
        let network = network("""
        milestones:
          - { id: A, name: First, date: 2026-02-01 }
          - { id: A, name: Second, date: 2026-03-01 }
        """)
        #expect(network.ids == [qid("pay/A")])
        #expect(network.milestone(qid("pay/A"))?.name == "First")
    }

    @Test("cycles: the shortest through the smallest id; nodes in or after one have no order")
    func cycles() {
        let network = network("""
        milestones:
          - { id: M0, name: Kickoff, date: 2026-01-10 }
          - { id: M1, name: Design, depends_on: [M0, M3] }
          - { id: M2, name: Build, depends_on: [M1] }
          - { id: M3, name: Test, depends_on: [M2, M1] }
          - { id: M4, name: Ship, depends_on: [M3] }
          - { id: M5, name: Dropped, status: cancelled, depends_on: [M6] }
          - { id: M6, name: Loop, depends_on: [M5] }
        """)
        #expect(network.cycles.map { $0.map { network.ids[$0].id } } == [["M1", "M3"]])
        #expect(network.order.map { network.ids[$0].id } == ["M0", "M6"])
        #expect(network.downstream(of: [network.node(qid("pay/M3"))!]).map { network.ids[$0].id }.sorted() == ["M1", "M2", "M3", "M4"])
    }
}
