import Testing
@testable import CharterCore

/// Defence in depth: every conversion, division and index helper is total on every Double,
/// whatever the schema let through (a plan from an old commit was never checked by today's).
@Suite struct SafeNumberTests {
    static let hostile: [Double] = [0, -0.0, 1, -1, 0.05, 1e15, 1e17, -1e17, 99999999999999999999, 1e300, -1e308, 1e308,
                                    .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, -.infinity, .nan,
                                    .leastNonzeroMagnitude, 0x1p63, -0x1p63, 9.2233720368547748e18]

    @Test("Integer conversions give nil past Int64, never a trap", arguments: hostile)
    func conversions(_ value: Double) {
        let whole = SafeNumber.int64(value)
        if value.isFinite, abs(value) < 9e18 { #expect(whole != nil) }
        if !value.isFinite || abs(value) >= 0x1p63 { #expect(whole == nil || value == -0x1p63) }
        _ = SafeNumber.int(value)
        #expect((0...7).contains(SafeNumber.int(value, clampedTo: 0...7)))
        #expect((0...7).contains(SafeNumber.index(fraction: value, count: 8)))
        _ = SafeNumber.tenths(value)
        _ = SafeNumber.plain(value)
    }

    @Test("Formatters write every Double", arguments: hostile)
    func formatters(_ value: Double) {
        #expect(!Money.format(value).isEmpty)
        #expect(!DiffFormatting.money(value, currency: "USD").isEmpty)
        #expect(!DiffFormatting.signedMoney(value, currency: "EUR").isEmpty)
        #expect(!DiffFormatting.signedPercent(value).isEmpty)
        #expect(!DiffFormatting.oneDecimal(value).isEmpty)
        #expect(!DiffFormatting.signedNumber(value).isEmpty)
        #expect(!KPIFormat.value(value, unit: "ms").isEmpty)
        #expect(!JSONValue.number(value).rendered().isEmpty)
    }

    @Test("Ratios of nothing, and overflowing ratios, are nil")
    func ratios() {
        #expect(SafeNumber.ratio(1, 0) == nil)
        #expect(SafeNumber.ratio(0, 0) == nil)
        #expect(SafeNumber.ratio(1e308, 1e-308) == nil)
        #expect(SafeNumber.ratio(.nan, 1) == nil)
        #expect(SafeNumber.ratio(1, 4) == 0.25)
        #expect(SafeNumber.wholePercent(1, of: 3) == 33)
        #expect(SafeNumber.wholePercent(1e308, of: 1e-10) == nil)
    }

    @Test("Money keeps its format inside the domain")
    func moneyInsideDomain() {
        #expect(Money.format(1_250_000) == "1,250,000")
        #expect(Money.format(12_500.5) == "12,500.50")
        #expect(Money.format(1e13) == "10,000,000,000,000")
        #expect(Money.format(-3000) == "-3,000")
        #expect(Money.format(-0.001) == "0")
        #expect(Money.format(1e17) == "100,000,000,000,000,000")
        #expect(Money.format(1e300) == "1e+300")
        #expect(DiffFormatting.oneDecimal(3.25) == "3.3")
        #expect(DiffFormatting.signedNumber(-7.5) == "-7.5")
        #expect(DiffFormatting.oneDecimal(1e300) == "1e+300")
        #expect(SafeNumber.plain(1e15) == "1000000000000000")
        #expect(SafeNumber.plain(12.5) == "12.5")
    }

    @Test("The schema names the field and the range of an out-of-domain number, and the model leaves it out")
    func domainsAreEnforced() {
        let files = [
            "programs/demo/program.yaml": """
            id: demo
            name: Demo
            owner: alice
            status: active
            start: 2026-01-01
            budget: { currency: USD, total: 99999999999999999999 }
            allocations:
              - { person: alice, percent: 1e17 }

            """,
            "programs/demo/budget.yaml": "lines:\n  - { id: B1, amount: 1e17 }\n  - { id: B2, amount: 10 }\n",
            "programs/demo/kpis.yaml": "kpis:\n  - { id: K1, name: X, target: 1e300, current: -1e18 }\n",
            "charter.yaml": "version: 1\npolicy:\n  require_approval: { budget_increase_percent: 5000, slip_days: 100001 }\n",
        ]
        let load = WorkspaceLoader.load(from: InMemoryPlanSource(files: files))
        let messages = load.findings.values.flatMap { $0 }.map(\.message)
        for expected in ["'total' of 'budget' of program demo must be a number from 0 to 10,000,000,000,000 (money), found 99999999999999999999",
                         "'percent' of allocation of alice must be a number from 0 to 100 (a share of a person's time), found 1e17",
                         "'amount' of budget line B1 must be a number from 0 to 10,000,000,000,000 (money), found 1e17",
                         "'target' of KPI K1 must be a number from -1,000,000,000,000,000 to 1,000,000,000,000,000 (a KPI value), found 1e300",
                         "'budget_increase_percent' of 'require_approval' of 'policy' of charter.yaml must be a number from 0 to 1,000 (a percentage), found 5000"] {
            #expect(messages.contains(expected), "missing: \(expected)\n\(messages.joined(separator: "\n"))")
        }
        let program = load.workspace.program("demo")
        #expect(program?.budgetTotal == nil)
        #expect(program?.allocations.isEmpty == true)
        #expect(program?.budgetLines.map { $0.amount?.value } == [nil, 10])
        #expect(program?.kpis.first?.current == nil)
        #expect(load.workspace.settings.policy.slipDays == nil)
    }
}
