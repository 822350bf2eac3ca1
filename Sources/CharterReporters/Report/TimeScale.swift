import CharterCore

/// Maps days to x positions on a chart: `from` at `x`, `to` at `x + width`.
struct TimeScale: Sendable {
    let from: PlanDate
    let to: PlanDate
    let x: Double
    let width: Double

    init(from: PlanDate, to: PlanDate, x: Double, width: Double) {
        self.from = from
        self.to = to.dayNumber > from.dayNumber ? to : from.adding(days: 1)
        self.x = x
        self.width = width
    }

    func position(_ date: PlanDate) -> Double {
        x + Double(from.days(to: date)) / Double(from.days(to: to)) * width
    }

    func contains(_ date: PlanDate) -> Bool { from <= date && date <= to }

    /// The first day of every month inside the scale.
    var monthStarts: [PlanDate] {
        var months: [PlanDate] = []
        var year = from.year, month = from.month
        while true {
            // A plan may date a milestone in December 9999; the padding then reaches past the
            // last day a PlanDate can name, and the gridlines stop there.
            guard let day = PlanDate(year: year, month: month, day: 1), day <= to else { break }
            if day >= from { months.append(day) }
            month += 1
            if month == 13 { month = 1; year += 1 }
        }
        return months
    }

    /// A domain covering `dates`, padded a little on both sides, starting on a month's first day
    /// so the first gridline sits on the left edge.
    static func domain(covering dates: [PlanDate]) -> (from: PlanDate, to: PlanDate)? {
        guard let first = dates.min(), let last = dates.max() else { return nil }
        let start = PlanDate(year: first.year, month: first.month, day: 1)!
        let pad = max(7, start.days(to: last) / 30)
        return (start, last.adding(days: pad))
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
