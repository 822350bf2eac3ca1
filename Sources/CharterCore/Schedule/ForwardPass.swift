/// Early dates, in topological order (every dependency before its successors):
///
/// - `done`: ES = planned `start` (if not after the finish), EF = `done_on`, else `date`.
/// - otherwise: ES = the latest of the planned `start` (or, for an event, the planned `date`)
///   and the EF of every scheduled dependency; EF = ES + span, where span = `date − start`
///   with both dates, else 0. An open milestone whose EF falls before the as-of day is forecast
///   on the as-of day: it is not done, so it cannot finish earlier.
/// - no planned date, no start and no scheduled dependency: unscheduled.
struct ForwardPass {
    private(set) var earlyStart: [Int?]
    private(set) var earlyFinish: [Int?]
    private(set) var driver: [ScheduledMilestone.Driver]
    private(set) var driving: [[Int]]

    init(_ network: ScheduleNetwork, asOf: PlanDate) {
        let count = network.ids.count
        earlyStart = Array(repeating: nil, count: count)
        earlyFinish = Array(repeating: nil, count: count)
        driver = Array(repeating: .unscheduled, count: count)
        driving = Array(repeating: [], count: count)
        for node in network.order {
            let milestone = network.milestones[node]
            if milestone.status.value == .done {
                guard let finish = (milestone.doneOn ?? milestone.date)?.value.dayNumber else { continue }
                earlyStart[node] = min(milestone.start?.value.dayNumber ?? finish, finish)
                earlyFinish[node] = finish
                driver[node] = .completed
                continue
            }
            let planned = (milestone.start ?? milestone.date)?.value.dayNumber
            let ready = network.dependencies[node].compactMap { earlyFinish[$0] }.max()
            guard let start = [planned, ready].compactMap({ $0 }).max() else { continue }
            earlyStart[node] = start
            if let ready, ready == start {
                driver[node] = .dependencies
                driving[node] = network.dependencies[node].filter { earlyFinish[$0] == ready }
            } else {
                driver[node] = .planned
            }
            let finish = start + Self.span(milestone)
            if finish < asOf.dayNumber {
                earlyFinish[node] = asOf.dayNumber
                driver[node] = .asOf
                driving[node] = []
            } else {
                earlyFinish[node] = finish
            }
        }
    }

    /// Days of work toward a milestone: `date − start` when it has both, else 0 (an event).
    static func span(_ milestone: Milestone) -> Int {
        guard let start = milestone.start?.value, let date = milestone.date?.value else { return 0 }
        return max(0, start.days(to: date))
    }
}
