import Testing
@testable import CharterCore

/// What `charter/kpis.idx` keeps of a `kpis.yaml`: readings come back as they went in, and
/// damaged bytes never read as readings.
@Suite struct KPIReadingBinaryTests {
    static func readings() -> [KPITrend.Reading] {
        let file = "programs/pay/kpis.yaml"
        func at<Value>(_ value: Value) -> Located<Value> { Located(value, at: CharterCore.SourceLocation(path: file, line: 3, column: 5)) }
        let full = KPI(id: at("K1"), name: "Latency", unit: "ms", baseline: at(420), target: at(300), current: at(351.25),
                       asOf: at(PlanDate(year: 2026, month: 2, day: 1)!), direction: nil, owner: at("bob"), description: "p95")
        let bare = KPI(id: at("K2"), name: nil, unit: nil, baseline: nil, target: nil, current: nil, asOf: nil,
                       direction: at(.increase), owner: nil, description: nil)
        return [full, bare].map(KPITrend.Reading.init)
    }

    @Test func readingsComeBack() throws {
        let readings = Self.readings()
        #expect(readings[0].direction == .decrease && readings[1].direction == .increase)
        #expect(try BinaryReader.decode([KPITrend.Reading].self, from: BinaryWriter.encode(readings)[...]) == readings)
        #expect(Mirror(reflecting: readings[0]).children.count == 8, "a new field must be added to the binary form")
    }

    @Test func aShorterPrefixNeverReads() {
        let bytes = BinaryWriter.encode(Self.readings())
        for length in 0..<bytes.count {
            #expect(throws: BinaryReader.Malformed.self) { try BinaryReader.decode([KPITrend.Reading].self, from: bytes[0..<length]) }
        }
    }
}
