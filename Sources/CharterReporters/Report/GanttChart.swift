import CharterCore

/// A program's milestones as an SVG Gantt chart: month gridlines, the today line, the target,
/// bars (start → date) and diamonds (events), the baseline's dates as ghosts behind them, the
/// critical path outlined. Colours come from the page's stylesheet (classes), so the chart
/// prints and themes with it; `viewBox` lets it scale to any width.
enum GanttChart {
    static let width = 1000.0
    static let labelWidth = 250.0
    static let chartX = 260.0
    static let chartWidth = 725.0
    static let headerHeight = 30.0
    static let rowHeight = 22.0
    static let footerHeight = 10.0

    /// A program with more dated milestones than this folds its done milestones from before the
    /// report's window (`foldWindowDays` before today) into one summary row: the chart shows what
    /// is still ahead.
    static let foldAbove = 40
    static let foldWindowDays = 30

    /// One row of the chart: a milestone, or the done milestones folded before the window.
    enum Row {
        case milestone(MilestoneBar)
        case folded(count: Int, first: PlanDate, last: PlanDate, before: PlanDate)
    }

    /// The milestones drawn, in row order: dated ones, by start (or date), then date, then id.
    static func bars(_ program: ProgramStatus) -> [MilestoneBar] {
        program.milestones.filter { $0.date != nil }.sorted { a, b in
            let aStart = a.start ?? a.date!, bStart = b.start ?? b.date!
            if aStart != bStart { return aStart < bStart }
            if a.date! != b.date! { return a.date! < b.date! }
            return NaturalOrder.less(a.id, b.id)
        }
    }

    /// The rows drawn: `bars`, with the done ones before the window folded into one first row
    /// when the program has more than `foldAbove`.
    static func rows(_ program: ProgramStatus, asOf: PlanDate) -> [Row] {
        let bars = bars(program)
        let window = asOf.adding(days: -foldWindowDays)
        let folded = bars.filter { $0.status == .done && $0.date! < window }
        guard bars.count > foldAbove, folded.count > 1 else { return bars.map(Row.milestone) }
        let first = folded.map { $0.start ?? $0.date! }.min()!, last = folded.map { $0.date! }.max()!
        return [.folded(count: folded.count, first: first, last: last, before: window)]
            + bars.filter { !($0.status == .done && $0.date! < window) }.map(Row.milestone)
    }

    /// The days the chart spans: every date drawn (the forecast's P50 and P85 too), and today
    /// when it is near enough to be useful. Folded rows do not widen it: the chart shows what is ahead.
    static func scale(_ program: ProgramStatus, rows: [Row], asOf: PlanDate) -> TimeScale? {
        let bars = rows.compactMap { row -> MilestoneBar? in if case .milestone(let bar) = row { return bar } else { return nil } }
        let folded = bars.count < rows.count
        var dates = bars.flatMap { [$0.start, $0.date, $0.baselineStart, $0.baselineDate, $0.forecast?.p50.date, $0.forecast?.p85.date].compactMap { $0 } }
        dates += [folded ? nil : program.start, program.target, program.forecastEnd].compactMap { $0 }
        guard let first = dates.min(), let last = dates.max() else { return nil }
        // Today widens the chart only by up to half its span: a plan years away stays readable.
        let reach = max(60, first.days(to: last) / 2)
        if asOf.dayNumber >= first.dayNumber - reach && asOf.dayNumber <= last.dayNumber + reach { dates.append(asOf) }
        guard let domain = TimeScale.domain(covering: dates) else { return nil }
        return TimeScale(from: domain.from, to: domain.to, x: chartX, width: chartWidth)
    }

    static func render(_ program: ProgramStatus, asOf: PlanDate, idPrefix: String) -> String {
        let rows = rows(program, asOf: asOf)
        guard let scale = scale(program, rows: rows, asOf: asOf) else { return "" }
        let height = headerHeight + Double(rows.count) * rowHeight + footerHeight
        let titleID = idPrefix + "-gantt-title"
        var description = "\(rows.count) dated milestones from \(scale.from) to \(scale.to)"
        if case .folded(let count, _, _, let before) = rows.first {
            description = "\(rows.count - 1) dated milestones from \(scale.from) to \(scale.to), after \(count) done before \(before)"
        }
        if program.milestones.contains(where: { $0.forecast != nil }) { description += "; forecast P50–P85 whiskers" }
        let chains = program.criticalPaths.map { $0.joined(separator: " → ") }
        if !chains.isEmpty { description += "; critical path\(chains.count == 1 ? "" : "s"): " + chains.joined(separator: "; ") }
        var svg = Markup.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "gantt"), ("role", "img"),
                                      ("viewBox", "0 0 \(Markup.number(width)) \(Markup.number(height))"),
                                      ("aria-labelledby", titleID)])
        svg += Markup.element("title", [("id", titleID)], text: "Timeline of \(program.name): \(description)")
        svg += bands(count: rows.count)
        svg += months(scale, height: height)
        if let target = program.target, scale.contains(target) {
            let chance = program.forecast?.meetsTarget.map { " (\(ForecastReporters.percent($0)) chance of meeting it)" } ?? ""
            svg += marker(at: scale.position(target), height: height, kind: "target", label: "target \(target)" + chance)
        }
        if scale.contains(asOf) {
            svg += marker(at: scale.position(asOf), height: height, kind: "today", label: "today")
        }
        for (index, row) in rows.enumerated() {
            let top = headerHeight + Double(index) * rowHeight
            switch row {
            case .milestone(let bar): svg += self.row(bar, top: top, scale: scale, asOf: asOf)
            case let .folded(count, first, last, before): svg += foldedRow(count: count, first: first, last: last, before: before, top: top)
            }
        }
        return svg + "</svg>"
    }

    private static func bands(count: Int) -> String {
        var out = ""
        for index in stride(from: 1, to: count, by: 2) {
            out += Markup.empty("rect", [("class", "band"), ("x", "0"), ("y", Markup.number(headerHeight + Double(index) * rowHeight)),
                                         ("width", Markup.number(width)), ("height", Markup.number(rowHeight))])
        }
        return out
    }

    private static func months(_ scale: TimeScale, height: Double) -> String {
        let months = scale.monthStarts
        // One label a month while they fit, then quarters, then years.
        let step = months.count <= 14 ? 1 : months.count <= 40 ? 3 : 12
        var out = ""
        for (index, day) in months.enumerated() {
            let x = Markup.number(scale.position(day))
            out += Markup.empty("line", [("class", "grid"), ("x1", x), ("x2", x), ("y1", Markup.number(headerHeight - 6)),
                                         ("y2", Markup.number(height - footerHeight))])
            guard (day.month - 1) % step == 0 else { continue }
            let name = TimeScale.monthNames[day.month - 1]
            let label = day.month == 1 || index == 0 || step == 12 ? "\(name) \(day.year)" : name
            out += Markup.element("text", [("class", "month"), ("x", Markup.number(scale.position(day) + 3)), ("y", "16")], text: label)
        }
        return out
    }

    private static func marker(at x: Double, height: Double, kind: String, label: String) -> String {
        let position = Markup.number(x)
        return Markup.open("g", [("class", kind)])
            + Markup.element("title", text: label)
            + Markup.empty("line", [("x1", position), ("x2", position), ("y1", Markup.number(headerHeight - 8)),
                                    ("y2", Markup.number(height - footerHeight + 4))])
            + Markup.element("text", [("x", Markup.number(x + 3)), ("y", Markup.number(headerHeight - 2))],
                             text: kind == "today" ? "today" : "target")
            + "</g>"
    }

    private static func row(_ milestone: MilestoneBar, top: Double, scale: TimeScale, asOf: PlanDate) -> String {
        let date = milestone.date!
        var classes = ["milestone", "status-" + milestone.status.rawValue]
        if milestone.critical { classes.append("crit") }
        if milestone.isOverdue(asOf: asOf) { classes.append("overdue") }
        var out = Markup.open("g", [("class", classes.joined(separator: " ")), ("data-id", milestone.id)])
        out += Markup.element("title", text: tooltip(milestone, asOf: asOf))
        let middle = top + rowHeight / 2
        out += Markup.element("text", [("class", "label"), ("x", "8"), ("y", Markup.number(middle + 4))],
                              text: Markup.cut("\(milestone.id)  \(milestone.name)", 38))
        if let baseline = milestone.baselineDate, baseline != date || milestone.baselineStart != milestone.start {
            out += shape(start: milestone.baselineStart, date: baseline, middle: middle + 4, scale: scale, kind: "ghost", half: 4)
        }
        out += shape(start: milestone.start, date: date, middle: middle, scale: scale, kind: "bar", half: 6)
        if let forecast = milestone.forecast { out += whisker(forecast, date: date, middle: middle, scale: scale) }
        return out + "</g>"
    }

    /// The forecast's P50–P85 range as a whisker with end caps; one the data cannot close (P85
    /// beyond it: "later than") runs dashed to the chart's edge, without a cap.
    private static func whisker(_ forecast: MilestoneForecastDistribution, date: PlanDate, middle: Double, scale: TimeScale) -> String {
        let edge = chartX + chartWidth
        let from = forecast.p50.date.map(scale.position) ?? scale.position(date)
        let to = forecast.p85.date.map(scale.position) ?? edge
        let beyond = forecast.p85.beyond
        var out = Markup.open("g", [("class", "whisker" + (beyond ? " beyond" : ""))])
        out += Markup.empty("line", [("class", "range"), ("x1", Markup.number(from)), ("x2", Markup.number(max(from, to))),
                                     ("y1", Markup.number(middle)), ("y2", Markup.number(middle))])
        var caps = forecast.p50.date == nil ? [] : [from]
        if !beyond { caps.append(to) }
        for x in caps {
            out += Markup.empty("line", [("x1", Markup.number(x)), ("x2", Markup.number(x)),
                                         ("y1", Markup.number(middle - 5)), ("y2", Markup.number(middle + 5))])
        }
        return out + "</g>"
    }

    /// The done milestones before the window, as one row: how many, and from when to when.
    private static func foldedRow(count: Int, first: PlanDate, last: PlanDate, before: PlanDate, top: Double) -> String {
        Markup.open("g", [("class", "folded")])
            + Markup.element("title", text: "\(count) done milestones from \(first) to \(last), before \(before): folded")
            + Markup.element("text", [("class", "label"), ("x", "8"), ("y", Markup.number(top + rowHeight / 2 + 4))],
                             text: "\(count) done before \(before) (\(first) – \(last))")
            + "</g>"
    }

    /// A bar from start to date, or a diamond at date when there is no start (or it is not earlier).
    private static func shape(start: PlanDate?, date: PlanDate, middle: Double, scale: TimeScale, kind: String, half: Double) -> String {
        let end = scale.position(date)
        if let start, start < date {
            let x = scale.position(start)
            return Markup.empty("rect", [("class", kind), ("x", Markup.number(x)), ("y", Markup.number(middle - half)),
                                         ("width", Markup.number(max(2, end - x))), ("height", Markup.number(half * 2)), ("rx", "2")])
        }
        let points = [(end, middle - half - 1), (end + half + 1, middle), (end, middle + half + 1), (end - half - 1, middle)]
            .map { "\(Markup.number($0.0)),\(Markup.number($0.1))" }.joined(separator: " ")
        return Markup.empty("polygon", [("class", kind + " diamond"), ("points", points)])
    }

    static func tooltip(_ milestone: MilestoneBar, asOf: PlanDate) -> String {
        var parts = ["\(milestone.id) \(milestone.name)"]
        let date = milestone.date.map(\.description) ?? "unscheduled"
        parts.append(milestone.start.map { "\($0) → \(date)" } ?? date)
        parts.append(milestone.status.rawValue)
        if milestone.isOverdue(asOf: asOf) { parts.append("overdue") }
        if milestone.critical { parts.append("critical path") }
        if let slack = milestone.slackDays { parts.append("slack \(slack)d") }
        if let baseline = milestone.baselineDate, let slip = milestone.slipDays {
            parts.append("baseline \(baseline)" + (slip == 0 ? "" : " (\(slip > 0 ? "+" : "−")\(abs(slip))d)"))
        }
        if let owner = milestone.owner { parts.append("owner \(owner)") }
        if let forecast = milestone.forecast {
            var phrase = "forecast P50 \(ForecastReporters.phrase(forecast.p50)), P85 \(ForecastReporters.phrase(forecast.p85))"
            if let byPlanned = forecast.byPlanned { phrase += " (\(ForecastReporters.percent(byPlanned)) by its date)" }
            parts.append(phrase)
        }
        return parts.joined(separator: " · ")
    }
}
