import CharterCore

/// The backtest's scores as JSON (the contract's keys, nulls written) or text.
public enum BacktestReporter {
    public static func json(_ report: Backtest) -> String { encodeJSON(Document(report)) }

    public static func text(_ report: Backtest) -> String {
        func rate(_ value: Double?) -> String { ForecastReporters.percent(value) }
        func number(_ value: Double?) -> String { value.map { String(Int($0.rounded())) } ?? "–" }
        func brier(_ value: Double?) -> String { value.map { String(ForecastReporters.rounded($0)) } ?? "–" }
        var lines = [
            "Backtest (\(report.kind.rawValue) model, a point every \(report.every) days): \(report.points) points, \(report.forecasts) forecasts",
            "  P50 reached by its date: \(rate(report.hitRateP50)) of \(report.evaluableP50) evaluable (\(report.beyondP50) beyond the data)",
            "  P85 reached by its date: \(rate(report.hitRateP85)) of \(report.evaluableP85) evaluable (\(report.beyondP85) beyond the data)",
            "  planned date reached:    \(rate(report.hitRatePlanned))",
            "  Brier, reached within 365 days: model \(brier(report.brier365)), planned dates \(brier(report.brier365Planned)), base rate \(brier(report.brier365BaseRate))",
            "  mean absolute error: P50 \(number(report.maeDaysP50)) days, planned date \(number(report.maeDaysPlanned)) days",
        ]
        if report.generalClassPoints > 0 {
            lines.insert("  not scored: \(Plural.count(report.generalClassForecasts, "forecast")) at \(Plural.count(report.generalClassPoints, "point")) before the history had \(CompletionModel.minimumCompletions) completions (general class)", at: 1)
        }
        if !report.reliability365.isEmpty {
            lines.append("  reliability (reached within 365 days):")
            for bin in report.reliability365 {
                lines.append("    predicted \(Int(bin.lower * 100))–\(Int(bin.lower * 100) + 10)%: \(bin.forecasts) forecasts, mean \(rate(bin.meanPredicted)), observed \(rate(bin.observedRate))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private struct Document: Encodable {
        let report: Backtest
        init(_ report: Backtest) { self.report = report }

        private enum Keys: String, CodingKey {
            case model, every, points, forecasts, general_class_points, general_class_forecasts, hit_rate_p50, hit_rate_p85, evaluable_p50, evaluable_p85, beyond_p50, beyond_p85
            case hit_rate_planned, brier_365, brier_365_planned, brier_365_base_rate, reliability_365, mae_days_p50, mae_days_planned
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            let r = report
            let round: (Double?) -> Double? = { $0.map(ForecastReporters.rounded) }
            try c.encode(r.kind.rawValue, forKey: .model)
            try c.encode(r.every, forKey: .every)
            try c.encode(r.points, forKey: .points)
            try c.encode(r.forecasts, forKey: .forecasts)
            try c.encode(r.generalClassPoints, forKey: .general_class_points)
            try c.encode(r.generalClassForecasts, forKey: .general_class_forecasts)
            try c.encode(round(r.hitRateP50), forKey: .hit_rate_p50)
            try c.encode(round(r.hitRateP85), forKey: .hit_rate_p85)
            try c.encode(r.evaluableP50, forKey: .evaluable_p50)
            try c.encode(r.evaluableP85, forKey: .evaluable_p85)
            try c.encode(r.beyondP50, forKey: .beyond_p50)
            try c.encode(r.beyondP85, forKey: .beyond_p85)
            try c.encode(round(r.hitRatePlanned), forKey: .hit_rate_planned)
            try c.encode(round(r.brier365), forKey: .brier_365)
            try c.encode(round(r.brier365Planned), forKey: .brier_365_planned)
            try c.encode(round(r.brier365BaseRate), forKey: .brier_365_base_rate)
            try c.encode(r.reliability365.map(Bin.init), forKey: .reliability_365)
            try c.encode(round(r.maeDaysP50), forKey: .mae_days_p50)
            try c.encode(round(r.maeDaysPlanned), forKey: .mae_days_planned)
        }
    }

    private struct Bin: Encodable {
        let lower: Double
        let forecasts: Int
        let mean_predicted: Double
        let observed_rate: Double

        init(_ bin: Backtest.ReliabilityBin) {
            lower = bin.lower
            forecasts = bin.forecasts
            mean_predicted = ForecastReporters.rounded(bin.meanPredicted)
            observed_rate = ForecastReporters.rounded(bin.observedRate)
        }
    }
}
