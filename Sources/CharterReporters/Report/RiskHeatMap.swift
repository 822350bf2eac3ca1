/// The open risks of a program on a 5×5 grid: probability up, impact across, each cell
/// coloured by its score band and showing how many risks sit there and their ids.
enum RiskHeatMap {
    static let cell = 96.0
    static let cellHeight = 60.0
    static let left = 40.0
    static let top = 8.0

    /// Score bands as a risk register reads them: low 1–4, medium 5–9, high 10–14, critical 15–25.
    static func band(score: Int) -> String {
        switch score {
        case ..<5: return "low"
        case ..<10: return "medium"
        case ..<15: return "high"
        default: return "critical"
        }
    }

    /// Risks still threatening the plan (open, mitigating), by cell.
    static func cells(_ risks: [RiskPoint]) -> [Int: [RiskPoint]] {
        var cells: [Int: [RiskPoint]] = [:]
        for risk in risks where (1...5).contains(risk.probability) && (1...5).contains(risk.impact)
            && (risk.status == "open" || risk.status == "mitigating") {
            cells[risk.probability * 10 + risk.impact, default: []].append(risk)
        }
        return cells
    }

    static func render(_ risks: [RiskPoint], programName: String, idPrefix: String) -> String {
        let cells = cells(risks)
        let width = left + cell * 5 + 8, height = top + cellHeight * 5 + 40
        let titleID = idPrefix + "-heat-title"
        let count = cells.values.reduce(0) { $0 + $1.count }
        var svg = Markup.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "heatmap"), ("role", "img"),
                                      ("viewBox", "0 0 \(Markup.number(width)) \(Markup.number(height))"),
                                      ("aria-labelledby", titleID)])
        svg += Markup.element("title", [("id", titleID)],
                              text: "Risk heat map of \(programName): \(count) open risks by probability and impact")
        for probability in 1...5 {
            for impact in 1...5 {
                let x = left + Double(impact - 1) * cell
                let y = top + Double(5 - probability) * cellHeight
                let here = cells[probability * 10 + impact] ?? []
                svg += cellMarkup(here, probability: probability, impact: impact, x: x, y: y)
            }
            svg += Markup.element("text", [("class", "axis"), ("x", Markup.number(left - 10)),
                                           ("y", Markup.number(top + Double(5 - probability) * cellHeight + cellHeight / 2 + 4)),
                                           ("text-anchor", "end")], text: String(probability))
        }
        for impact in 1...5 {
            svg += Markup.element("text", [("class", "axis"), ("x", Markup.number(left + (Double(impact) - 0.5) * cell)),
                                           ("y", Markup.number(top + cellHeight * 5 + 16)), ("text-anchor", "middle")],
                                  text: String(impact))
        }
        svg += Markup.element("text", [("class", "axis-title"), ("x", Markup.number(left + cell * 2.5)),
                                       ("y", Markup.number(height - 4)), ("text-anchor", "middle")], text: "impact →")
        svg += Markup.element("text", [("class", "axis-title"), ("x", "12"), ("y", Markup.number(top + cellHeight * 2.5)),
                                       ("text-anchor", "middle"),
                                       ("transform", "rotate(-90 12 \(Markup.number(top + cellHeight * 2.5)))")],
                              text: "probability →")
        return svg + "</svg>"
    }

    private static func cellMarkup(_ risks: [RiskPoint], probability: Int, impact: Int, x: Double, y: Double) -> String {
        let score = probability * impact
        let sorted = risks.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        var tooltip = "probability \(probability) × impact \(impact) = \(score): "
        tooltip += sorted.isEmpty ? "no open risks" : sorted.map { "\($0.id) \($0.title)" }.joined(separator: "; ")
        var out = Markup.open("g", [("class", "cell band-\(band(score: score))" + (risks.isEmpty ? " empty" : "")),
                                    ("data-probability", String(probability)), ("data-impact", String(impact)),
                                    ("data-count", String(risks.count))])
        out += Markup.element("title", text: tooltip)
        out += Markup.empty("rect", [("x", Markup.number(x + 1)), ("y", Markup.number(y + 1)),
                                     ("width", Markup.number(cell - 2)), ("height", Markup.number(cellHeight - 2)), ("rx", "3")])
        if !risks.isEmpty {
            out += Markup.element("text", [("class", "count"), ("x", Markup.number(x + cell / 2)), ("y", Markup.number(y + 26)),
                                           ("text-anchor", "middle")], text: String(risks.count))
            let ids = sorted.prefix(3).map(\.id).joined(separator: " ") + (risks.count > 3 ? " +\(risks.count - 3)" : "")
            out += Markup.element("text", [("class", "ids"), ("x", Markup.number(x + cell / 2)), ("y", Markup.number(y + 46)),
                                           ("text-anchor", "middle")], text: Markup.cut(ids, 16))
        }
        return out + "</g>"
    }
}
