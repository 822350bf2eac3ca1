/// The Kaplan–Meier estimate of time to completion over censored observations, and its
/// conditional form: given that a milestone is still open `lateness` days after its first
/// planned date, the chance it is reached by each later day. Conditioning is the product over
/// event times at or after `lateness` only: the risk set there is exactly the milestones that
/// were still open that late, so a milestone 300 days overdue is judged by milestones that
/// were once 300 days overdue.
public struct KaplanMeier: Sendable {
    /// Distinct event times, ascending, with completions at each and the number still at risk.
    public private(set) var times: [Int] = []
    public private(set) var events: [Int] = []
    public private(set) var atRisk: [Int] = []
    /// Every observation's time, ascending: at-risk counts for any day.
    private var allTimes: [Int] = []
    public private(set) var completions = 0

    public init(_ observations: [CompletionObservation]) {
        allTimes = observations.map(\.days).sorted()
        var counts: [Int: Int] = [:]
        for observation in observations where observation.reached { counts[observation.days, default: 0] += 1 }
        completions = counts.values.reduce(0, +)
        times = counts.keys.sorted()
        events = times.map { counts[$0]! }
        atRisk = times.map { observationsAtRisk(at: $0) }
    }

    public var count: Int { allTimes.count }

    /// Observations still followed `days` after their plan (time ≥ days).
    public func observationsAtRisk(at days: Int) -> Int {
        var low = 0, high = allTimes.count
        while low < high { let mid = (low + high) / 2; if allTimes[mid] < days { low = mid + 1 } else { high = mid } }
        return allTimes.count - low
    }

    /// The conditional distribution function, as steps: for each event time at or after
    /// `lateness`, the probability of being reached by then given open at `lateness`.
    public func conditional(lateness: Int) -> CompletionCurve {
        var low = 0, high = times.count
        while low < high { let mid = (low + high) / 2; if times[mid] < lateness { low = mid + 1 } else { high = mid } }
        var survival = 1.0
        var steps: [CompletionCurve.Step] = []
        for index in low..<times.count {
            survival *= 1 - Double(events[index]) / Double(atRisk[index])
            steps.append(.init(days: times[index], probability: 1 - survival))
        }
        return CompletionCurve(steps: steps)
    }
}

/// A distribution of days from the first planned date to completion, as steps of its
/// cumulative probability. The probability may stop short of 1: the remainder is "not reached
/// within what the data covers".
public struct CompletionCurve: Hashable, Sendable {
    public struct Step: Hashable, Sendable {
        public var days: Int
        public var probability: Double
    }

    public var steps: [Step]

    public init(steps: [Step]) { self.steps = steps }

    /// Every completion on `days`: the plan taken at face value.
    public static func certain(_ days: Int) -> CompletionCurve { CompletionCurve(steps: [.init(days: days, probability: 1)]) }

    public var reachable: Double { steps.last?.probability ?? 0 }

    /// `weight·a + (1−weight)·b`: the shrinkage of a specific class toward a general one.
    public static func mixture(_ a: CompletionCurve, weight: Double, _ b: CompletionCurve) -> CompletionCurve {
        if weight >= 1 { return a }
        if weight <= 0 { return b }
        var merged: [Step] = []
        var i = 0, j = 0
        var pa = 0.0, pb = 0.0
        while i < a.steps.count || j < b.steps.count {
            let day = min(i < a.steps.count ? a.steps[i].days : .max, j < b.steps.count ? b.steps[j].days : .max)
            while i < a.steps.count && a.steps[i].days == day { pa = a.steps[i].probability; i += 1 }
            while j < b.steps.count && b.steps[j].days == day { pb = b.steps[j].probability; j += 1 }
            merged.append(.init(days: day, probability: weight * pa + (1 - weight) * pb))
        }
        return CompletionCurve(steps: merged)
    }

    /// The smallest day whose probability reaches `p`; nil when the curve never does (beyond).
    public func quantile(_ p: Double) -> Int? {
        var low = 0, high = steps.count
        while low < high { let mid = (low + high) / 2; if steps[mid].probability < p { low = mid + 1 } else { high = mid } }
        return low < steps.count ? steps[low].days : nil
    }

    /// Probability of being reached by `days` (inclusive).
    public func probability(by days: Int) -> Double {
        var low = 0, high = steps.count
        while low < high { let mid = (low + high) / 2; if steps[mid].days <= days { low = mid + 1 } else { high = mid } }
        return low == 0 ? 0 : steps[low - 1].probability
    }
}

extension CompletionCurve {
    /// The day a uniform draw `u` in [0, 1) lands on (inverse transform): nil when it falls in
    /// the part the data does not reach.
    public func day(at u: Double) -> Int? {
        var low = 0, high = steps.count
        while low < high { let mid = (low + high) / 2; if steps[mid].probability <= u { low = mid + 1 } else { high = mid } }
        return low < steps.count ? steps[low].days : nil
    }
}
