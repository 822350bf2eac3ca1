/// Late dates and slack, in reverse topological order (successors first):
///
/// - LF = the earliest of the milestone's program deadline and the LS of every scheduled
///   successor, in any program; LS = LF − (EF − ES).
/// - total slack = LF − EF; free slack = the earliest ES of its scheduled successors (its
///   program's deadline without any) − EF.
///
/// A program's deadline is its `target`, else its forecast end.
struct BackwardPass {
    private(set) var lateStart: [Int?]
    private(set) var lateFinish: [Int?]
    private(set) var freeSlack: [Int?]

    init(_ network: MilestoneNetwork, _ forward: ForwardPass, deadlines: [String: Int]) {
        let count = network.ids.count
        lateStart = Array(repeating: nil, count: count)
        lateFinish = Array(repeating: nil, count: count)
        freeSlack = Array(repeating: nil, count: count)
        for node in network.order.reversed() {
            guard let earlyStart = forward.earlyStart[node], let earlyFinish = forward.earlyFinish[node],
                  let deadline = deadlines[network.ids[node].program] else { continue }
            let successors = network.successors[node].filter { forward.earlyFinish[$0] != nil }
            let latest = ([deadline] + successors.compactMap { lateStart[$0] }).min()!
            lateFinish[node] = latest
            lateStart[node] = latest - (earlyFinish - earlyStart)
            let next = successors.compactMap { forward.earlyStart[$0] }.min() ?? deadline
            freeSlack[node] = next - earlyFinish
        }
    }
}
