import CharterCore

/// The status report for a README or a pull-request comment: a Mermaid `gantt` block GitHub
/// draws, then tables. It always fits `limit` (GitHub's 65,536-character comment by default):
/// the sections come in order of importance and each table keeps the rows that fit, saying
/// how many it left out. Text from the plans is escaped like the diff's markdown.
public enum MarkdownReportRenderer {
    public static func render(_ report: StatusReport, limit: Int = DiffReportContext.gitHubCommentLimit) -> String {
        let limit = max(limit, 2_048)
        var output = MarkdownOutput(limit: limit)
        output.append("## Status report: \(escape(report.title))\n\n")
        var meta = ["as of **\(report.asOf)**", "plans: \(code(report.source))"]
        meta.append(report.baseline.map { "baseline **\(escape($0.name))** (\(code(String($0.commit.prefix(8)))))" } ?? "no baseline yet")
        output.append(meta.joined(separator: " · ") + "\n\n")

        let gantt = MermaidGantt.render(report, limit: min(MermaidGantt.defaultLimit, limit / 2))
        output.append(gantt.text)
        if gantt.omittedPrograms > 0 {
            output.append("\n_\(Plural.count(gantt.omittedPrograms, "program")) left out of the chart to fit Mermaid's size limit; the HTML report (`charter report`) draws them all._\n")
        }
        if let note = report.scheduleNote { output.append("\n> ⚠️ \(escape(note))\n") }
        output.append("\n")
        output.appendTable(title: "### Programs\n\n", header: ["Program", "Owner", "Target", "Forecast", "Done", "At risk", "Open risks"],
                           alignments: ["---", "---", "---", "---", "--:", "--:", "--:"], rows: report.programs.map(programRow))
        let atRisk = report.programs.flatMap(atRiskRows)
        output.appendTable(title: "### Milestones at risk\n\n", header: ["Program", "Milestone", "Date", "Owner", "Why"],
                           rows: atRisk, empty: "_None._\n\n")
        if report.hasForecast {
            output.appendTable(title: MarkdownForecastTable.title, header: MarkdownForecastTable.header,
                               rows: MarkdownForecastTable.rows(report))
        }
        let risks = report.programs.flatMap(criticalRiskRows)
        output.appendTable(title: "### Critical risks (score 15 or more)\n\n", header: ["Program", "Risk", "Title", "Score", "Status"],
                           rows: risks, empty: "_None._\n\n")
        let kpis = report.programs.flatMap { program in program.kpis.map { kpiRow(program, $0) } }
        if !kpis.isEmpty {
            output.appendTable(title: "### KPIs\n\n", header: ["Program", "KPI", "Baseline", "Current", "Target", "Better", "Status", "Trend"],
                               rows: kpis)
        }
        LessonsSectionRenderer.appendMarkdown(report, to: &output)
        let changes = report.changeLog.entries.map { entry in
            [code(entry.id), entry.date, escape(entry.author), escape(entry.title), escape(entry.impact),
             (entry.approvalRequired ? (entry.approved ? "✅ " : "❌ missing ") : "") + escape(entry.approvals.joined(separator: ", "))]
        }
        output.appendTable(title: "### Changes \(escape(report.changeLog.since))\n\n",
                           header: ["CR", "Date", "Author", "Title", "Impact", "Approvals"], rows: changes,
                           empty: "_No plan changes._\n\n", omittedBefore: report.changeLog.omitted)
        if let baseline = report.baseline, let diff = report.diffSummary {
            output.appendTable(title: "### Since baseline \(escape(baseline.name))\n\n", header: ["", ""],
                               rows: diff.rows.map { ["**\(escape($0.label))**", escape($0.value)] })
        } else {
            output.append("### Since the baseline\n\n_No baseline yet — `charter baseline create NAME` freezes today's plan to compare against._\n")
        }
        return output.text
    }

    private static func atRiskRows(_ program: ProgramStatus) -> [[String]] {
        program.atRisk.map { item -> [String] in
            let name = "\(escape(item.id)) · \(escape(item.name))"
            return ["**\(escape(program.id))**", name, item.date?.description ?? "—", escape(item.owner ?? "—"),
                    escape(item.reasons.joined(separator: "; "))]
        }
    }

    private static func criticalRiskRows(_ program: ProgramStatus) -> [[String]] {
        let open: [RiskPoint] = RiskHeatMap.cells(program.risks).values.flatMap { $0 }.filter { $0.score >= 15 }
        let sorted = open.sorted { $0.score != $1.score ? $0.score > $1.score : NaturalOrder.less($0.id, $1.id) }
        return sorted.map { risk -> [String] in
            let score = "\(risk.probability)×\(risk.impact) = \(risk.score)"
            return ["**\(escape(program.id))**", escape(risk.id), escape(risk.title), score, escape(risk.status)]
        }
    }

    private static func programRow(_ program: ProgramStatus) -> [String] {
        let done = program.milestones.filter { $0.status == .done }.count
        let forecast = (program.forecastEnd?.description ?? "—") + (program.isLate ? " ⚠️ late" : "")
        let open = RiskHeatMap.cells(program.risks).values.reduce(0) { $0 + $1.count }
        return ["**\(escape(program.name))** (\(escape(program.id)))", escape(program.owner ?? "—"),
                program.target?.description ?? "ongoing", forecast, "\(done)/\(program.milestones.count)",
                String(program.atRisk.count), String(open)]
    }

    private static func kpiRow(_ program: ProgramStatus, _ kpi: KPISeries) -> [String] {
        let show = { (value: Double?) in value.map { escape(KPIFormat.value($0, unit: kpi.unit)) } ?? "—" }
        return ["**\(escape(program.id))**", "\(escape(kpi.id)) · \(escape(kpi.name))", show(kpi.baseline),
                show(kpi.points.last?.value) + (kpi.points.last.map { " (\($0.asOf))" } ?? ""), show(kpi.target),
                kpi.direction == "decrease" ? "lower ↓" : kpi.direction == "increase" ? "higher ↑" : "—",
                escape(kpi.standing ?? "—"), sparkline(kpi.points.map(\.value))]
    }

    /// ▁▂▃▄▅▆▇█ for the recorded values, oldest first (the last 16).
    static func sparkline(_ values: [Double]) -> String {
        let shown = values.suffix(16)
        guard let low = shown.min(), let high = shown.max() else { return "" }
        let bars = Array("▁▂▃▄▅▆▇█")
        // high - low overflows to infinity for values far apart (an old commit's -1e308 → 1e308):
        // the ratio is then nil and the bar the middle one, rather than a NaN index.
        return String(shown.map { value in
            guard high != low, let fraction = SafeNumber.ratio(value - low, high - low) else { return bars[3] }
            return bars[SafeNumber.index(fraction: fraction, count: bars.count)]
        })
    }

    static func escape(_ text: String) -> String { DiffMarkdownReporter.escape(text) }
    static func code(_ text: String) -> String { DiffMarkdownReporter.code(text) }
}

/// Markdown that never grows past its limit: a table keeps the rows that fit and says how many
/// it left out; a section that does not fit at all is replaced by a note.
struct MarkdownOutput {
    let limit: Int
    private(set) var text = ""
    /// Room kept for the last note of the document.
    private let reserve = 200

    init(limit: Int) { self.limit = limit }

    mutating func append(_ piece: String) {
        if text.utf8.count + piece.utf8.count <= limit - reserve { text += piece }
    }

    mutating func appendTable(title: String, header: [String], alignments: [String]? = nil, rows: [[String]],
                              empty: String = "", omittedBefore: Int = 0) {
        if rows.isEmpty {
            append(title + empty)
            return
        }
        var table = title + "| " + header.joined(separator: " | ") + " |\n|"
            + (alignments ?? header.map { _ in "---" }).joined(separator: "|") + "|\n"
        var shown = 0
        for row in rows {
            let line = "| " + row.joined(separator: " | ") + " |\n"
            if text.utf8.count + table.utf8.count + line.utf8.count + reserve * 2 > limit { break }
            table += line
            shown += 1
        }
        guard shown > 0 else {
            append("\(title)_Left out to fit the comment limit; the HTML report has it._\n\n")
            return
        }
        let left = rows.count - shown + omittedBefore
        if left > 0 { table += "\n_… and \(left) more not shown._\n" }
        append(table + "\n")
    }
}
