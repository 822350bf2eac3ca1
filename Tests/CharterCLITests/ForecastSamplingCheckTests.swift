import Foundation
import Testing

/// Verification that does not trust charter: Tests/forecast/reimplement_sampling.py refits the
/// model from the observations charter exports (`forecast --observations`), samples it with
/// numpy at a fixed seed, pushes the draws through the dependencies, and checks every quantile
/// and probability of `charter forecast --format json` within Monte Carlo error.
@Suite struct ForecastSamplingCheckTests {
    static let hasNumpy = (try? Run.process("/usr/bin/env", ["python3", "-c", "import numpy, yaml"], in: "/").status) == 0
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("numpy's reimplementation of the sampling agrees with charter's quantiles",
          .enabled(if: hasNumpy, "needs numpy and PyYAML: python3 -m pip install numpy pyyaml (Scripts/install-dependencies.sh)"))
    func numpyAgrees() throws {
        let fixture = try Fixture()
        let repo = fixture.url("repo").path
        let generated = try Run.process("/usr/bin/env", ["python3", Self.root.appendingPathComponent("Scripts/generate-forecast-history.py").path,
                                                         repo, "--dependencies", "0.4"], in: fixture.path)
        try #require(generated.status == 0, "\(generated.stderr)")
        let check = try Run.process("/usr/bin/env", ["python3", Self.root.appendingPathComponent("Tests/forecast/reimplement_sampling.py").path,
                                                     Run.charterBinary, repo], in: fixture.path)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("; 0 disagreements"), "\(check.stdout)")
    }

    @Test func observationsAreJSONOnly() throws {
        let fixture = try Fixture()
        try fixture.writeWorkspace(ScheduleCommandTests.twoPrograms)
        let result = try Run.charter(["forecast", "--observations"], in: fixture.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--observations writes json"))
    }
}
