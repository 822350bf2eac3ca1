import Foundation
import Testing

/// `charter forecast --backtest` on a history generated from known distributions
/// (Scripts/generate-forecast-history.py: exponential slips, 12% of milestones never reached;
/// 400 milestones, so that enough P85 dates fall inside the history to be scored).
@Suite struct ForecastBacktestTests {
    static func backtest(_ folder: String, model: String) throws -> [String: Any] {
        let result = try Run.charter(["forecast", "--backtest", "--model", model, "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return try ForecastCommandTests.json(result.stdout)
    }

    @Test("the model is calibrated at P50 and P85 and beats the planned dates, the base rate and the naive model")
    func recoversCalibration() throws {
        let fixture = try Fixture()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/generate-forecast-history.py").path
        let generated = try Run.process("/usr/bin/env", ["python3", script, fixture.url("repo").path, "--milestones", "400"], in: fixture.path)
        try #require(generated.status == 0, "\(generated.stderr)")
        let model = try Self.backtest(fixture.url("repo").path, model: "conditional")
        let naive = try Self.backtest(fixture.url("repo").path, model: "naive")
        for key in ["points", "forecasts", "hit_rate_p50", "hit_rate_p85", "evaluable_p50", "evaluable_p85", "beyond_p50",
                    "beyond_p85", "hit_rate_planned", "brier_365", "brier_365_planned", "brier_365_base_rate",
                    "reliability_365", "mae_days_p50", "mae_days_planned"] {
            #expect(model[key] != nil, "missing \(key)")
        }
        let evaluable = try #require(model["evaluable_p50"] as? Int)
        #expect(evaluable >= 100)
        let hitP50 = try #require(model["hit_rate_p50"] as? Double)
        #expect((0.45...0.55).contains(hitP50), "P50 hit rate \(hitP50)")
        let evaluableP85 = try #require(model["evaluable_p85"] as? Int)
        #expect(evaluableP85 >= 100)
        let hitP85 = try #require(model["hit_rate_p85"] as? Double)
        #expect((0.80...0.90).contains(hitP85), "P85 hit rate \(hitP85) over \(evaluableP85) forecasts")
        #expect((model["beyond_p85"] as? Int ?? 0) > 0, "with milestones never reached, some P85 lie beyond the data")
        let brier = try #require(model["brier_365"] as? Double)
        #expect(brier < (model["brier_365_planned"] as? Double ?? 0))
        #expect(brier < (model["brier_365_base_rate"] as? Double ?? 0))
        // The naive model (planned date plus a completed milestone's slip) is survivorship-biased.
        let naiveP50 = try #require(naive["hit_rate_p50"] as? Double), naiveP85 = try #require(naive["hit_rate_p85"] as? Double)
        #expect(naiveP50 < hitP50 - 0.15, "naive P50 \(naiveP50) vs \(hitP50)")
        #expect(naiveP85 < hitP85 - 0.2, "naive P85 \(naiveP85) is far from 85%")
        #expect((naive["brier_365"] as? Double ?? 0) > brier)
    }
}
