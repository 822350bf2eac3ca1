import CharterCore

/// One program's page of the HTML report: key figures, the Gantt chart, milestones at risk,
/// the risk heat map, the budget and the KPI trends.
enum ProgramSectionRenderer {
    static func render(_ program: ProgramStatus, asOf: PlanDate, hasBaseline: Bool, anchor: String) -> String {
        var out = Markup.open("section", [("class", "card program"), ("id", anchor), ("aria-labelledby", anchor + "-name")]) + "\n"
        out += Markup.element("h2", [("id", anchor + "-name")], text: program.name)
        var meta = [program.id]
        if let owner = program.owner { meta.append("owner \(owner)") }
        if let status = program.status { meta.append(status) }
        if let start = program.start { meta.append("\(start) → \(program.target?.description ?? "ongoing")") }
        out += "<p class=\"meta\">" + meta.map { Markup.element("span", text: $0) }.joined() + "</p>\n"
        out += tiles(program, asOf: asOf)
        out += timeline(program, asOf: asOf, hasBaseline: hasBaseline, anchor: anchor)
        out += atRisk(program)
        out += "<div class=\"charts\">\n<div>" + Markup.element("h3", text: "Risks") + risks(program, anchor: anchor) + "</div>\n"
        out += "<div>" + Markup.element("h3", text: "Budget") + budget(program, anchor: anchor) + "</div>\n</div>\n"
        out += kpis(program, anchor: anchor)
        out += LessonsSectionRenderer.html(program)
        return out + "</section>\n"
    }

    private static func tiles(_ program: ProgramStatus, asOf: PlanDate) -> String {
        var tiles: [(label: String, value: String, tone: String?)] = []
        if let forecast = program.forecastEnd {
            var tone: String?
            var label = "forecast end"
            if let target = program.target {
                let days = target.days(to: forecast)
                tone = days > 0 ? "bad" : "good"
                label += days == 0 ? " (on target)" : days > 0 ? " (\(days)d late)" : " (\(-days)d early)"
            }
            tiles.append((label, forecast.description, tone))
        }
        if let forecast = program.forecast {
            let p50 = ForecastReporters.phrase(forecast.p50), p85 = ForecastReporters.phrase(forecast.p85)
            tiles.append(("forecast end P50 / P85", p50 == p85 ? p50 : p50 + " / " + p85, nil))
            if let chance = forecast.meetsTarget {
                tiles.append(("chance of meeting the target", ForecastReporters.percent(chance), chance >= 0.85 ? "good" : chance < 0.5 ? "bad" : nil))
            }
        }
        let open = program.milestones.filter(\.isOpen)
        tiles.append(("open milestones", "\(open.count) of \(program.milestones.count)", nil))
        let overdue = open.filter { $0.isOverdue(asOf: asOf) }.count
        tiles.append(("overdue", String(overdue), overdue > 0 ? "bad" : "good"))
        let critical = program.milestones.filter(\.critical).count
        tiles.append(("critical path", "\(Plural.count(critical, "milestone"))", nil))
        let highRisks = RiskHeatMap.cells(program.risks).values.flatMap { $0 }.filter { $0.score >= 15 }.count
        tiles.append(("critical risks (15+)", String(highRisks), highRisks > 0 ? "bad" : "good"))
        var out = "<div class=\"tiles\">"
        for tile in tiles {
            out += Markup.open("div", [("class", "tile" + (tile.tone.map { " " + $0 } ?? ""))])
                + Markup.element("b", text: tile.value) + Markup.escape(tile.label) + "</div>"
        }
        return out + "</div>\n"
    }

    private static func timeline(_ program: ProgramStatus, asOf: PlanDate, hasBaseline: Bool, anchor: String) -> String {
        var out = Markup.element("h3", text: "Timeline")
        let chart = GanttChart.render(program, asOf: asOf, idPrefix: anchor)
        guard !chart.isEmpty else {
            return out + Markup.element("p", [("class", "empty-state")], text: "No dated milestones yet.")
        }
        out += "<div class=\"gantt-wrap\">" + chart + "</div>\n"
        var legend = [("l-planned", "planned"), ("l-atrisk", "at risk"), ("l-done", "done"), ("l-overdue", "overdue or missed"),
                      ("l-crit", "critical path"), ("l-today", "today (\(asOf))"), ("l-target", "target")]
        if hasBaseline { legend.append(("l-ghost", "baseline")) }
        if program.milestones.contains(where: { $0.forecast != nil }) { legend.append(("l-forecast", "forecast P50–P85 (dashed: P85 beyond the data)")) }
        out += "<ul class=\"legend\">" + legend.map { "<li><i class=\"\($0.0)\"></i>" + Markup.escape($0.1) + "</li>" }.joined() + "</ul>\n"
        out += criticalPaths(program)
        let undated = program.milestones.filter { $0.date == nil }
        if !undated.isEmpty {
            out += Markup.element("p", [("class", "note")],
                                  text: "Not on the chart (no date yet): " + undated.map { "\($0.id) \($0.name)" }.joined(separator: ", "))
        }
        return out
    }

    /// Each critical path as its own chain (`M1 Design → M2 Beta`): milestones that merely end
    /// on the same day are separate chains, never joined by an arrow.
    static func criticalPaths(_ program: ProgramStatus) -> String {
        guard !program.criticalPaths.isEmpty else { return "" }
        let names = Dictionary(program.milestones.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let chains = program.criticalPaths.map { chain in
            chain.map { step in names[step].map { "\(step) \($0)" } ?? step }.joined(separator: " → ")
        }
        if chains.count == 1 {
            return Markup.element("p", [("class", "note critical-paths")], text: "Critical path: " + chains[0])
        }
        return "<div class=\"note critical-paths\">" + Markup.escape("\(chains.count) critical paths, each a chain that sets the forecast end:")
            + "<ol>" + chains.map { Markup.element("li", text: $0) }.joined() + "</ol></div>\n"
    }

    private static func atRisk(_ program: ProgramStatus) -> String {
        var out = Markup.element("h3", text: "Milestones at risk")
        guard !program.atRisk.isEmpty else {
            return out + Markup.element("p", [("class", "empty-state")], text: "None: no open milestone is overdue, at risk, slipping or short of slack.")
        }
        out += "<div class=\"scroll\"><table>\n<thead><tr><th>Milestone</th><th>Date</th><th>Owner</th><th>Why</th></tr></thead>\n<tbody>\n"
        for item in program.atRisk {
            out += "<tr>" + HTMLReportRenderer.cell("\(item.id) · \(item.name)")
                + HTMLReportRenderer.cell(item.date?.description ?? "unscheduled", nowrap: true)
                + HTMLReportRenderer.cell(item.owner ?? "—") + HTMLReportRenderer.cell(item.reasons.joined(separator: "; ")) + "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    private static func risks(_ program: ProgramStatus, anchor: String) -> String {
        let active = RiskHeatMap.cells(program.risks).values.reduce(0) { $0 + $1.count }
        guard active > 0 else {
            let closed = program.risks.count
            return Markup.element("p", [("class", "empty-state")],
                                  text: closed == 0 ? "No risks recorded (risks.yaml)." : "No open risks (\(closed) closed or realized).")
        }
        let legend = [("l-low", "low 1–4"), ("l-medium", "medium 5–9"), ("l-high", "high 10–14"), ("l-critical", "critical 15–25")]
        return RiskHeatMap.render(program.risks, programName: program.name, idPrefix: anchor)
            + "<ul class=\"legend\">" + legend.map { "<li><i class=\"\($0.0)\"></i>" + Markup.escape($0.1) + "</li>" }.joined() + "</ul>\n"
    }

    private static func budget(_ program: ProgramStatus, anchor: String) -> String {
        guard !program.budget.isEmpty || program.budgetTotal != nil else {
            return Markup.element("p", [("class", "empty-state")], text: "No budget recorded (budget.yaml, budget.total).")
        }
        return BudgetChart.render(program, idPrefix: anchor)
    }

    private static func kpis(_ program: ProgramStatus, anchor: String) -> String {
        guard !program.kpis.isEmpty else { return "" }
        var out = Markup.element("h3", text: "KPIs") + "<div class=\"kpis\">\n"
        for kpi in program.kpis {
            let details = [kpi.directionPhrase, kpi.progressPhrase].compactMap { $0 }.joined(separator: " · ")
            let tone = kpi.status.map { ["met": "ok", "on-track": "ok", "off-track": "bad"][$0] ?? "neutral" }
            let badge = kpi.status.map { " " + Markup.element("span", [("class", "badge \(tone!)")], text: $0) } ?? ""
            let caption = Markup.element("b", text: "\(kpi.id) · \(kpi.name)") + badge
                + (details.isEmpty ? "" : "<br/>" + Markup.element("span", [("class", "note")], text: details))
            out += "<figure>" + "<figcaption>" + caption + "</figcaption>" + KPIChart.render(kpi, idPrefix: anchor) + "</figure>\n"
        }
        return out + "</div>\n"
    }
}
