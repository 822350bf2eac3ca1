import CharterCore

/// One KPI's trend: every value the history recorded at its as-of date, with the target (and
/// the baseline) as horizontal lines, so "are we getting there" is one glance.
enum KPIChart {
    static let width = 360.0
    static let height = 170.0
    static let left = 52.0
    static let right = 12.0
    static let top = 14.0
    static let bottom = 28.0

    static func render(_ kpi: KPISeries, idPrefix: String) -> String {
        let titleID = idPrefix + "-kpi-" + kpi.id.filter { $0.isLetter || $0.isNumber } + "-title"
        func show(_ value: Double) -> String { KPIFormat.value(value, unit: kpi.unit) }
        var summary = "\(kpi.name): \(kpi.points.count) recorded values"
        if let last = kpi.points.last { summary += ", latest \(show(last.value)) on \(last.asOf)" }
        if let target = kpi.target { summary += ", target \(show(target))" }
        var svg = Markup.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "kpi"), ("role", "img"),
                                      ("viewBox", "0 0 \(Markup.number(width)) \(Markup.number(height))"),
                                      ("aria-labelledby", titleID)])
        svg += Markup.element("title", [("id", titleID)], text: summary)
        let values = kpi.points.map(\.value) + [kpi.target, kpi.baseline].compactMap { $0 }
        guard let low = values.min(), let high = values.max(), let first = kpi.points.first?.asOf, let last = kpi.points.last?.asOf else {
            svg += Markup.element("text", [("class", "empty"), ("x", Markup.number(width / 2)), ("y", Markup.number(height / 2)),
                                           ("text-anchor", "middle")], text: "no values recorded yet")
            return svg + "</svg>"
        }
        let pad = high == low ? max(abs(high) * 0.1, 1) : (high - low) * 0.1
        let minY = low - pad, maxY = high + pad
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let scale = TimeScale(from: first, to: last == first ? first.adding(days: 1) : last, x: left, width: plotWidth)
        func y(_ value: Double) -> Double { top + (maxY - value) / (maxY - minY) * plotHeight }
        svg += Markup.empty("rect", [("class", "plot"), ("x", Markup.number(left)), ("y", Markup.number(top)),
                                     ("width", Markup.number(plotWidth)), ("height", Markup.number(plotHeight))])
        for (value, kind) in [(kpi.baseline, "baseline"), (kpi.target, "target")] {
            guard let value else { continue }
            svg += Markup.empty("line", [("class", kind), ("x1", Markup.number(left)), ("x2", Markup.number(left + plotWidth)),
                                         ("y1", Markup.number(y(value))), ("y2", Markup.number(y(value)))])
            svg += Markup.element("text", [("class", kind + "-label"), ("x", Markup.number(left + plotWidth - 2)),
                                           ("y", Markup.number(y(value) - 3)), ("text-anchor", "end")],
                                  text: "\(kind) \(format(value))")
        }
        for value in [maxY - pad, minY + pad] {
            svg += Markup.element("text", [("class", "axis"), ("x", Markup.number(left - 4)), ("y", Markup.number(y(value) + 4)),
                                           ("text-anchor", "end")], text: format(value))
        }
        svg += Markup.element("text", [("class", "axis"), ("x", Markup.number(left)), ("y", Markup.number(height - 8))],
                              text: first.description)
        if last != first {
            svg += Markup.element("text", [("class", "axis"), ("x", Markup.number(left + plotWidth)), ("y", Markup.number(height - 8)),
                                           ("text-anchor", "end")], text: last.description)
        }
        let points = kpi.points.map { (scale.position($0.asOf), y($0.value)) }
        svg += Markup.empty("polyline", [("class", "trend"),
                                         ("points", points.map { "\(Markup.number($0.0)),\(Markup.number($0.1))" }.joined(separator: " "))])
        for (point, value) in zip(points, kpi.points) {
            svg += Markup.open("circle", [("class", "point"), ("cx", Markup.number(point.0)), ("cy", Markup.number(point.1)), ("r", "3")])
                + Markup.element("title", text: "\(value.asOf): \(show(value.value))") + "</circle>"
        }
        if let (x, y) = points.last, let last = kpi.points.last {
            // The latest value beside its point, on the side the line does not come from.
            let lineFromAbove = points.count > 1 && points[points.count - 2].1 < y
            let below = (lineFromAbove || y - top < 16) && y + 16 <= top + plotHeight
            svg += Markup.element("text", [("class", "latest"), ("x", Markup.number(x - 6)),
                                           ("y", Markup.number(below ? y + 16 : y - 8)), ("text-anchor", "end")],
                                  text: show(last.value))
        }
        return svg + "</svg>"
    }

    /// Exactly as written in kpis.yaml (`97.4`, not rounded like money), as `charter kpis` shows it.
    static func format(_ value: Double) -> String { KPIFormat.number(value) }
}
