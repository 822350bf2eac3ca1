/// Effort an allocation stands for: working days (Monday to Friday) in its period, times its percent.
public enum PersonDays {
    /// Monday to Friday between two days, both included; 0 when `to` is before `from`.
    public static func workingDays(from: PlanDate, to: PlanDate) -> Int {
        guard from <= to else { return 0 }
        let days = to.dayNumber - from.dayNumber + 1
        var count = days / 7 * 5
        // 1970-01-01, day 0, was a Thursday: weekday 0 is Monday.
        var weekday = ((from.dayNumber + 3) % 7 + 7) % 7
        for _ in 0..<(days % 7) {
            if weekday < 5 { count += 1 }
            weekday = (weekday + 1) % 7
        }
        return count
    }

    /// An allocation's person-days; a missing `from` or `to` falls back to the program's start or
    /// target, and without either the effort is unknown (`nil`).
    public static func of(_ allocation: Program.Allocation, in program: Program) -> Double? {
        guard let from = allocation.from ?? program.start?.value,
              let to = allocation.to ?? program.target?.value else { return nil }
        return Double(workingDays(from: from, to: to)) * allocation.percent / 100
    }
}
