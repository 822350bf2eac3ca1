/// The Monte Carlo forecast (docs/forecast.md). In each iteration every open milestone's own
/// finish is drawn from its completion distribution (`CompletionModel`), then pushed by its
/// dependencies exactly as the schedule's forward pass does: start = the latest of its own
/// (drawn) start and its dependencies' finishes, finish = start + span, and an open milestone
/// cannot finish before the as-of day. Done milestones are fixed at `done_on` (else `date`).
///
/// Milestones of one program share a factor per iteration: with probability `correlation`
/// a milestone uses its program's uniform draw instead of its own, so a bad quarter for one
/// team is bad for all its milestones and the program's tail does not average away. Each
/// milestone's own distribution is unchanged by this (the draw is still uniform).
public struct ForecastSimulation: Sendable {
    public static let defaultIterations = 10_000
    public static let maximumIterations = 1_000_000
    public static let correlation = 0.5

    public var iterations = defaultIterations
    public var seed: UInt64 = 1
    public var model: CompletionModel
    /// Each milestone's first planned date in the history (what lateness is measured from).
    public var firstPlanned: [QualifiedID: PlanDate]

    public init(model: CompletionModel, firstPlanned: [QualifiedID: PlanDate]) {
        self.model = model
        self.firstPlanned = firstPlanned
    }

    /// - Throws: `DependencyCycleError` when dependencies form a cycle, as `Scheduler` does.
    public func run(_ workspace: Workspace, asOf: PlanDate) throws(DependencyCycleError) -> ForecastResult {
        let network = MilestoneNetwork(workspace)
        if let cycle = network.cycles.first {
            throw DependencyCycleError(cycle: cycle.map { network.ids[$0] },
                                       location: network.reference(from: cycle[0], to: cycle[1 % cycle.count])?.location)
        }
        let count = network.ids.count, n = iterations
        let none = Int.min, beyond = Int(Int32.max)
        // What each node is before any draw: fixed (done), drawn, or driven by dependencies only.
        var fixedFinish = [Int?](repeating: nil, count: count)
        var curves = [CompletionCurve?](repeating: nil, count: count)
        var reference = [Int](repeating: 0, count: count)
        var evidence = [CompletionModel.Evidence?](repeating: nil, count: count)
        var span = [Int](repeating: 0, count: count)
        var ownStart = [Int?](repeating: nil, count: count)
        var programIndex = [Int](repeating: 0, count: count)
        let programNames = workspace.programs.map(\.folder)
        let programPosition = Dictionary(programNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for node in 0..<count {
            let milestone = network.milestones[node], id = network.ids[node]
            programIndex[node] = programPosition[id.program] ?? 0
            if milestone.status.value == .done {
                fixedFinish[node] = (milestone.doneOn ?? milestone.date)?.value.dayNumber
                continue
            }
            span[node] = Self.span(milestone)
            guard let planned = (milestone.start ?? milestone.date)?.value.dayNumber else { continue }
            ownStart[node] = planned
            let plannedFinish = planned + span[node]
            // The model measures lateness from the first plan; the general class and the naive
            // model take today's plan at face value.
            let measuresFromFirstPlan = model.kind == .conditional && !model.isGeneral
            let ref = measuresFromFirstPlan ? firstPlanned[id]?.dayNumber ?? plannedFinish : plannedFinish
            reference[node] = ref
            let (curve, classes) = model.curve(program: id.program, lateness: asOf.dayNumber - ref)
            curves[node] = curve
            evidence[node] = classes
        }

        var samples = [Int32](repeating: 0, count: count * n)
        var programEnds = [Int32](repeating: Int32.min, count: programNames.count * n)
        var finish = [Int](repeating: none, count: count)
        var rng = SplitMix64(seed: seed)
        var programDraw = [Double](repeating: 0, count: programNames.count)
        let order = network.order
        for iteration in 0..<n {
            for index in programDraw.indices { programDraw[index] = rng.unit() }
            for node in order {
                if network.milestones[node].status.value == .done {
                    finish[node] = fixedFinish[node] ?? none
                } else {
                    var planned: Int? = ownStart[node]
                    if let curve = curves[node] {
                        let u = rng.unit() < Self.correlation ? programDraw[programIndex[node]] : rng.unit()
                        planned = curve.day(at: u).map { reference[node] + $0 - span[node] } ?? beyond
                    }
                    var ready: Int? = nil
                    for dependency in network.dependencies[node] where finish[dependency] != none {
                        ready = max(ready ?? finish[dependency], finish[dependency])
                    }
                    // The drawn day stands in for the planned one; the rest is the schedule's rule.
                    if let dates = ForwardPass.openDates(planned: planned, ready: ready, span: span[node], asOf: asOf.dayNumber) {
                        finish[node] = dates.start >= beyond ? beyond : dates.finish
                    } else {
                        finish[node] = none
                    }
                }
                let value = finish[node] == none ? Int32.min : Int32(clamping: finish[node])
                samples[node * n + iteration] = value
                if value != Int32.min {
                    let slot = programIndex[node] * n + iteration
                    programEnds[slot] = max(programEnds[slot], value)
                }
            }
        }

        let beyondDay = Int32.max
        let targets = Dictionary(workspace.programs.map { ($0.folder, $0.target?.value) }, uniquingKeysWith: { a, _ in a })
        var milestones: [MilestoneForecastDistribution] = []
        for node in 0..<count {
            let milestone = network.milestones[node], id = network.ids[node]
            var days = Array(samples[(node * n)..<(node * n + n)])
            let unscheduled = days.first == Int32.min
            days.sort()
            func share(by day: Int?) -> Double? {
                guard let day, !unscheduled else { return nil }
                return Double(Self.countAtMost(days, Int32(clamping: day))) / Double(n)
            }
            let q: (Double) -> ForecastQuantile = { unscheduled ? ForecastQuantile(date: nil, laterThan: nil) : .of(sorted: days, $0, beyondDay: beyondDay) }
            milestones.append(MilestoneForecastDistribution(
                id: id, name: milestone.name, status: milestone.status.value, plannedDate: milestone.date?.value,
                fixed: milestone.status.value == .done, unscheduled: unscheduled,
                p50: q(0.5), p85: q(0.85), p95: q(0.95),
                byPlanned: share(by: milestone.date?.value.dayNumber),
                byTarget: share(by: (targets[id.program] ?? nil)?.dayNumber),
                within90: share(by: asOf.dayNumber + 90) ?? 0, within180: share(by: asOf.dayNumber + 180) ?? 0,
                within365: share(by: asOf.dayNumber + 365) ?? 0, evidence: evidence[node]))
        }
        var programs: [ProgramForecastDistribution] = []
        for (index, program) in workspace.programs.enumerated() where programPosition[program.folder] == index {
            var ends = Array(programEnds[(index * n)..<(index * n + n)])
            let members = (network.members[program.folder] ?? []).map { network.ids[$0] }.sorted()
            ends.sort()
            let scheduled = ends.first != Int32.min
            let q: (Double) -> ForecastQuantile = { scheduled ? .of(sorted: ends, $0, beyondDay: beyondDay) : ForecastQuantile(date: nil, laterThan: nil) }
            let target = program.target?.value
            programs.append(ProgramForecastDistribution(
                program: program.folder, name: program.name, target: target, p50: q(0.5), p85: q(0.85), p95: q(0.95),
                meetsTarget: target.flatMap { scheduled ? Double(Self.countAtMost(ends, Int32(clamping: $0.dayNumber))) / Double(n) : nil },
                milestones: members))
        }
        return ForecastResult(asOf: asOf, iterations: n, seed: seed,
                              milestones: milestones.sorted { $0.id < $1.id },
                              programs: programs.sorted { NaturalOrder.less($0.program, $1.program) },
                              workspaceObservations: model.workspace.count, workspaceCompletions: model.workspace.completions,
                              general: model.isGeneral, danglingDependencies: network.dangling)
    }

    /// Days of work toward a milestone, as the schedule counts them (`ForwardPass.span`).
    static func span(_ milestone: Milestone) -> Int { ForwardPass.span(milestone) }

    private static func countAtMost(_ sorted: [Int32], _ value: Int32) -> Int {
        var low = 0, high = sorted.count
        while low < high { let mid = (low + high) / 2; if sorted[mid] <= value { low = mid + 1 } else { high = mid } }
        return low
    }
}
