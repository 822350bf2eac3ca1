import Testing
@testable import CharterCore

/// KPIs end to end in the core: reading kpis.yaml, judging progress, diffing, charting history.
@Suite struct KPITests {
    typealias F = DiffFixture

    static let kpisPath = "programs/payments-v2/kpis.yaml"
    static let kpis = """
    kpis:
      - { id: K1, name: Checkout p99 latency, unit: ms, baseline: 420, target: 300, current: 380, as_of: 2026-03-01, direction: decrease, owner: carol }
      - { id: K2, name: Card auth success rate, unit: "%", baseline: 96.5, target: 98.5, current: 96.1, as_of: 2026-03-01 }
      - { id: K3, name: NPS, baseline: -10, target: 20 }

    """
    static var files: [String: String] { F.files.merging([kpisPath: kpis]) { $1 } }

    static func program() -> Program {
        F.load(files).workspace.program("payments-v2")!
    }

    @Test func loadsWithPositionsAndDerivedDirection() throws {
        let result = F.load(Self.files)
        #expect(result.findings.isEmpty)
        let kpis = Self.program().kpis
        #expect(kpis.map(\.id.value) == ["K1", "K2", "K3"])
        #expect(kpis[0].target?.location == SourceLocation(path: Self.kpisPath, line: 2, column: 76))
        #expect(kpis[0].effectiveDirection == .decrease)
        #expect(kpis[1].direction == nil && kpis[1].effectiveDirection == .increase)
        #expect(kpis[2].baseline?.value == -10)
    }

    @Test func unknownOwnerAndDuplicateIDsAreFound() {
        let text = "kpis:\n  - { id: K1, name: A, target: 1, direction: increase, owner: carl }\n  - { id: K1, name: B, target: 2, direction: increase }\n"
        let diagnostics = validate(["programs/demo/kpis.yaml": text])
        #expect(diagnostics.map(\.ruleID).sorted() == ["duplicate-id", "unknown-person"])
    }

    @Test func aNumberThatIsNotOneIsAWrongType() {
        let diagnostics = validate(["programs/demo/kpis.yaml": "kpis:\n  - { id: K1, name: A, target: fast, direction: increase }\n"])
        #expect(diagnostics.map(\.ruleID) == ["wrong-type"])
        #expect(diagnostics.first?.message.contains("a number from -1,000,000,000,000,000 to 1,000,000,000,000,000 (a KPI value)") == true)
    }

    @Test func progressKeepsPaceWithTheProgramsCalendar() {
        let program = Self.program()
        // K1: 420 → 380 of 420 → 300 is 33%; on 2026-03-01, 18% of 2026-01-12…2026-09-30 has passed.
        let latency = KPIProgress(program.kpis[0], in: program)
        #expect(latency.status == .onTrack)
        #expect(abs(latency.percent! - 33.333) < 0.01)
        #expect(abs(latency.expectedPercent! - 18.0) < 0.5)
        // K2 went backwards.
        let auth = KPIProgress(program.kpis[1], in: program)
        #expect(auth.status == .offTrack)
        #expect(auth.percent! < 0)
        #expect(KPIProgress(program.kpis[2], in: program).status == .unknown)
        var met = program.kpis[0]
        met.current = Located(290, at: met.id.location)
        #expect(KPIProgress(met, in: program).status == .met)
    }

    @Test func aNewMeasurementReadsAsBetterOrWorse() throws {
        let diff = F.diff([Self.kpisPath: F.edit(Self.kpisPath, "current: 380, as_of: 2026-03-01", "current: 360, as_of: 2026-04-01", in: Self.files)],
                          from: Self.files)
        let change = try #require(diff.changes.first)
        #expect(change.entity == .kpi && change.id == "K1" && change.change == .modified)
        #expect(change.tags == [.measured])
        #expect(change.improved == true)
        #expect(change.unit == "ms" && change.kpiTarget == 300)
        #expect(diff.summary.line == "payments-v2: 1 KPI measured (K1 380 → 360 ms)")
        #expect(try DiffSummaryLineTests.grammar.wholeMatch(in: diff.summary.line) != nil)

        let worse = F.diff([Self.kpisPath: F.edit(Self.kpisPath, "current: 96.1", "current: 95.0", in: Self.files)], from: Self.files)
        #expect(worse.changes.first?.improved == false)
        #expect(worse.summary.line == "payments-v2: 1 KPI measured (K2 96.1 → 95%)")
    }

    @Test func addedAndRemovedKPIsFollowTheGrammar() throws {
        let added = F.diff([Self.kpisPath: Self.kpis])
        #expect(added.summary.line == "payments-v2: 3 KPIs added (K1, K2, K3)")
        let retargeted = F.diff([Self.kpisPath: F.edit(Self.kpisPath, "target: 20", "target: 30", in: Self.files)], from: Self.files)
        #expect(retargeted.summary.line == "payments-v2: 1 KPI changed (K3)")
        #expect(retargeted.changes.first?.tags == [.targetMoved])
        for diff in [added, retargeted] {
            #expect(try DiffSummaryLineTests.grammar.wholeMatch(in: diff.summary.line) != nil)
        }
    }

    @Test func kpiChangesAreObjectivesInChangeRecords() {
        let diff = F.diff([Self.kpisPath: F.edit(Self.kpisPath, "current: 380", "current: 370", in: Self.files)], from: Self.files)
        #expect(ImpactAnalysis.changeTypes(of: diff.changes) == ["objectives"])
        let impact = ImpactAnalysis.impact(of: diff.changes)
        #expect(impact.maxSlipDays == 0 && impact.milestonesAdded.isEmpty)
    }

    // MARK: Trend

    static func snapshot(_ commit: String, _ day: String, _ values: [(current: Double?, asOf: String?)]) -> KPITrend.Snapshot {
        let location = SourceLocation(path: kpisPath)
        let kpis = values.enumerated().map { index, value in
            KPI(id: Located("K\(index + 1)", at: location), name: "KPI \(index + 1)", unit: "ms",
                baseline: Located(420, at: location), target: Located(300, at: location),
                current: value.current.map { Located($0, at: location) },
                asOf: value.asOf.map { Located(PlanDate($0)!, at: location) })
        }
        return KPITrend.Snapshot(commit: commit, date: PlanDate(day)!, kpis: ["payments-v2": kpis])
    }

    @Test func trendKeepsOnePointPerMeasurement() throws {
        let trends = KPITrend.trends([
            Self.snapshot("a", "2026-02-01", [(420, "2026-01-30"), (nil, nil)]),
            Self.snapshot("b", "2026-02-10", [(420, "2026-01-30"), (410, nil)]),   // K1 repeated: no new point
            Self.snapshot("c", "2026-03-01", [(400, "2026-02-27"), (410, nil)]),   // K2 unchanged without as_of: none
            Self.snapshot("d", "2026-03-02", [(395, "2026-02-27"), (405, nil)]),   // K1 corrected for the same day
            Self.snapshot("e", "2026-03-20", [(380, "2026-03-15"), (405, nil)]),
        ])
        #expect(trends.map(\.kpi) == ["K1", "K2"])
        let latency = trends[0].points
        #expect(latency.map(\.value) == [420, 395, 380])
        #expect(latency.map(\.commit) == ["a", "d", "e"])
        #expect(latency.map(\.date.description) == ["2026-01-30", "2026-02-27", "2026-03-15"])
        let second = trends[1].points
        #expect(second.map(\.value) == [410, 405])
        #expect(second.allSatisfy { $0.dateFromCommit })
        #expect(second.map(\.date.description) == ["2026-02-10", "2026-03-02"])
        #expect(trends[0].direction == .decrease && trends[0].target == 300)
    }

    @Test func aBackdatedMeasurementIsPlacedByItsDate() {
        let trends = KPITrend.trends([
            Self.snapshot("a", "2026-03-01", [(380, "2026-03-01")]),
            Self.snapshot("b", "2026-03-05", [(400, "2026-02-01")]),
        ])
        #expect(trends[0].points.map(\.value) == [400, 380])
    }

    @Test func valuesKeepTheirUnit() {
        #expect(KPIFormat.value(97.4, unit: "%") == "97.4%")
        #expect(KPIFormat.value(380, unit: "ms") == "380 ms")
        #expect(KPIFormat.value(-3.5, unit: nil) == "-3.5")
        #expect(KPIFormat.value(1250, unit: "requests/s") == "1250 requests/s")
    }
}
