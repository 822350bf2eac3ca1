/// Early dates, in topological order (every dependency before its successors):
///
/// - `done`: ES = planned `start` (if not after the finish), EF = `done_on`, else `date`.
/// - otherwise: ES = the latest of the planned `start` (or, for an event, the planned `date`)
///   and the EF of every scheduled dependency; EF = ES + span, where span = `date − start`
///   with both dates, else 0. An open milestone whose EF falls before the as-of day is forecast
///   on the as-of day: it is not done, so it cannot finish earlier.
/// - no planned date, no start and no scheduled dependency: unscheduled.
///
/// Nodes in or after a dependency cycle are not in the network's order and stay unscheduled.
struct ForwardPass {
    private(set) var earlyStart: [Int?]
    private(set) var earlyFinish: [Int?]
    private(set) var driver: [ScheduledMilestone.Driver]
    private(set) var driving: [[Int]]

    init(_ network: MilestoneNetwork, asOf: PlanDate) {
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
            guard let dates = Self.openDates(planned: planned, ready: ready, span: Self.span(milestone), asOf: asOf.dayNumber)
            else { continue }
            earlyStart[node] = dates.start
            earlyFinish[node] = dates.finish
            if dates.clampedToAsOf {
                driver[node] = .asOf
            } else if let ready, ready == dates.start {
                driver[node] = .dependencies
                driving[node] = network.dependencies[node].filter { earlyFinish[$0] == ready }
            } else {
                driver[node] = .planned
            }
        }
    }

    /// The latest early finish among `nodes`: a program's forecast end.
    func latestFinish(among nodes: [Int]) -> Int? { nodes.compactMap { earlyFinish[$0] }.max() }

    /// The rule for an open milestone, the one place it is written (the forecast's simulation
    /// applies it to drawn dates): it starts at the later of its own planned day and the day its
    /// dependencies are ready, finishes `span` days later, and never before the as-of day, since
    /// it is not done. `nil` when it has neither a planned day nor a scheduled dependency.
    static func openDates(planned: Int?, ready: Int?, span: Int, asOf: Int) -> (start: Int, finish: Int, clampedToAsOf: Bool)? {
        let start: Int
        switch (planned, ready) {
        case let (planned?, ready?): start = max(planned, ready)
        case let (planned?, nil): start = planned
        case let (nil, ready?): start = ready
        case (nil, nil): return nil
        }
        let finish = start + span
        return finish < asOf ? (start, asOf, true) : (start, finish, false)
    }

    /// Days of work toward a milestone: `date − start` when it has both, else 0 (an event).
    static func span(_ milestone: Milestone) -> Int {
        guard let start = milestone.start?.value, let date = milestone.date?.value else { return 0 }
        return max(0, start.days(to: date))
    }
}
