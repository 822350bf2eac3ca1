/// Replays the history: every `every` days it forecasts each milestone open on that day from
/// the history before it alone, then scores the forecasts against what happened afterwards
/// (docs/forecast.md, "Backtest"). It scores each milestone's own completion distribution;
/// dependencies are not replayed (the plans of each past day are not read).
public struct Backtest: Sendable {
    public struct ReliabilityBin: Hashable, Sendable {
        /// Predicted probabilities in [lower, lower + 0.1).
        public var lower: Double
        public var forecasts: Int
        public var meanPredicted: Double
        public var observedRate: Double
    }

    public let kind: CompletionModel.Kind
    public let every: Int
    public private(set) var points = 0
    public private(set) var forecasts = 0
    /// Points where the history before them had too few completions for the model (the general
    /// class: plans at face value), and the open milestones at them: counted, not scored, so
    /// the scores say how the model does where it applies.
    public private(set) var generalClassPoints = 0
    public private(set) var generalClassForecasts = 0
    public private(set) var evaluableP50 = 0
    public private(set) var evaluableP85 = 0
    public private(set) var hitsP50 = 0
    public private(set) var hitsP85 = 0
    public private(set) var beyondP50 = 0
    public private(set) var beyondP85 = 0
    public private(set) var evaluablePlanned = 0
    public private(set) var hitsPlanned = 0
    public private(set) var brierCount = 0
    private var brierModel = 0.0, brierPlanned = 0.0, outcomes365 = 0.0
    private var pairs365: [(Double, Bool)] = []
    private var errorP50 = 0, errorPlanned = 0, reachedWithP50 = 0, reachedWithPlanned = 0

    public init(_ history: CompletionHistory, every: Int = 30, kind: CompletionModel.Kind = .conditional,
                first: PlanDate?, last: PlanDate?) {
        self.kind = kind
        self.every = every
        guard let first, let last else { return }
        var point = first.adding(days: every)
        while point <= last {
            score(history, at: point, last: last)
            points += 1
            point = point.adding(days: every)
        }
    }

    public var hitRateP50: Double? { evaluableP50 == 0 ? nil : Double(hitsP50) / Double(evaluableP50) }
    public var hitRateP85: Double? { evaluableP85 == 0 ? nil : Double(hitsP85) / Double(evaluableP85) }
    public var hitRatePlanned: Double? { evaluablePlanned == 0 ? nil : Double(hitsPlanned) / Double(evaluablePlanned) }
    public var brier365: Double? { brierCount == 0 ? nil : brierModel / Double(brierCount) }
    public var brier365Planned: Double? { brierCount == 0 ? nil : brierPlanned / Double(brierCount) }
    /// The Brier score of always predicting the share reached within 365 days among the forecasts scored.
    public var brier365BaseRate: Double? {
        guard brierCount > 0 else { return nil }
        let rate = outcomes365 / Double(brierCount)
        return rate * (1 - rate)
    }
    public var maeDaysP50: Double? { reachedWithP50 == 0 ? nil : Double(errorP50) / Double(reachedWithP50) }
    public var maeDaysPlanned: Double? { reachedWithPlanned == 0 ? nil : Double(errorPlanned) / Double(reachedWithPlanned) }

    /// "Reached within 365 days" by decile of predicted probability (empty deciles left out).
    public var reliability365: [ReliabilityBin] {
        (0..<10).compactMap { decile in
            let bin = pairs365.filter { min(9, Int($0.0 * 10)) == decile }
            guard !bin.isEmpty else { return nil }
            return ReliabilityBin(lower: Double(decile) / 10, forecasts: bin.count,
                                  meanPredicted: bin.map(\.0).reduce(0, +) / Double(bin.count),
                                  observedRate: Double(bin.filter(\.1).count) / Double(bin.count))
        }
    }

    private mutating func score(_ history: CompletionHistory, at point: PlanDate, last: PlanDate) {
        let model = CompletionModel(history.observations(before: point), kind: kind)
        if model.isGeneral { generalClassPoints += 1 }
        for outcome in history.outcomes where outcome.known < point {
            if let reached = outcome.reached, reached < point { continue }
            if let abandoned = outcome.abandoned, abandoned < point { continue }
            guard let planned = outcome.plannedDate(before: point) else { continue }
            if model.isGeneral {
                generalClassForecasts += 1
                continue
            }
            forecasts += 1
            // The conditional model measures from the first plan; the naive one from today's plan.
            let reference = kind == .conditional ? outcome.firstPlanned : planned
            let lateness = reference.days(to: point)
            let (curve, _) = model.curve(program: outcome.ref.program, lateness: kind == .conditional ? lateness : 0)
            func date(_ q: Double) -> PlanDate? { curve.quantile(q).map { max(point, reference.adding(days: $0)) } }
            let reached = outcome.reached
            func judge(_ date: PlanDate?, evaluable: inout Int, hits: inout Int, beyond: inout Int) {
                guard let date else { beyond += 1; return }
                guard date <= last else { return }
                evaluable += 1
                if let reached, reached <= date { hits += 1 }
            }
            let p50 = date(0.5)
            judge(p50, evaluable: &evaluableP50, hits: &hitsP50, beyond: &beyondP50)
            judge(date(0.85), evaluable: &evaluableP85, hits: &hitsP85, beyond: &beyondP85)
            if planned <= last {
                evaluablePlanned += 1
                if let reached, reached <= planned { hitsPlanned += 1 }
            }
            if let reached {
                if let p50 { errorP50 += abs(p50.days(to: reached)); reachedWithP50 += 1 }
                errorPlanned += abs(planned.days(to: reached)); reachedWithPlanned += 1
            }
            let horizon = point.adding(days: 365)
            guard horizon <= last else { continue }
            let predicted = curve.probability(by: reference.days(to: horizon))
            let happened = reached.map { $0 <= horizon } ?? false
            let observed = happened ? 1.0 : 0.0
            let face = planned <= horizon ? 1.0 : 0.0
            brierCount += 1
            brierModel += (predicted - observed) * (predicted - observed)
            brierPlanned += (face - observed) * (face - observed)
            outcomes365 += observed
            pairs365.append((predicted, happened))
        }
    }
}
