import Testing
@testable import CharterCore

struct PlanDateTests {
    @Test func parsesRealDatesOnly() {
        #expect(PlanDate("2026-05-01")?.description == "2026-05-01")
        #expect(PlanDate("2028-02-29") != nil)
        #expect(PlanDate("2026-02-29") == nil)
        #expect(PlanDate("2026-13-01") == nil)
        #expect(PlanDate("2026-5-1") == nil)
        #expect(PlanDate("May 1") == nil)
    }

    @Test func dayArithmeticRoundTrips() {
        let start = PlanDate("2026-05-01")!
        #expect(start.days(to: PlanDate("2026-05-15")!) == 14)
        #expect(start.adding(days: 365).description == "2027-05-01")
        for offset in stride(from: -100_000, through: 100_000, by: 997) {
            let date = PlanDate(dayNumber: offset)
            #expect(PlanDate(date.description)?.dayNumber == offset)
        }
        #expect(PlanDate("1970-01-01")?.dayNumber == 0)
    }
}
