import CharterCore

/// The status report as one self-contained HTML page: inline CSS and SVG, no script, no
/// external fonts or images, so it opens offline, attaches to an e-mail and prints.
/// Every string from the plans or from git is escaped; the markup is well-formed XML too.
public enum HTMLReportRenderer {
    public static func render(_ report: StatusReport) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        html += Markup.element("title", text: "Status report · \(report.title) · \(report.asOf)") + "\n"
        html += "<style>\n" + ReportStyles.css + "\n</style>\n</head>\n<body>\n"
        html += header(report)
        html += "<main>\n"
        html += overview(report)
        html += changeLog(report.changeLog)
        html += baselineDiff(report)
        for (index, program) in report.programs.enumerated() {
            html += ProgramSectionRenderer.render(program, asOf: report.asOf, hasBaseline: report.baseline != nil,
                                                  anchor: anchor(index))
        }
        html += "</main>\n"
        html += Markup.element("footer", text: "Made by charter report from the plans in git. Generated \(report.generatedAt).")
        return html + "\n</body>\n</html>\n"
    }

    static func anchor(_ index: Int) -> String { "program-\(index + 1)" }

    private static func header(_ report: StatusReport) -> String {
        var meta = [Markup.element("span", text: "as of \(report.asOf)"), Markup.element("span", text: "plans: \(report.source)")]
        if let baseline = report.baseline {
            meta.append(Markup.element("span", text: "baseline \(baseline.name) (\(baseline.commit.prefix(8))"
                                               + (baseline.date.map { ", \($0)" } ?? "") + ")"))
        } else {
            meta.append(Markup.element("span", text: "no baseline yet"))
        }
        meta.append(Markup.element("span", text: "\(Plural.count(report.programs.count, "program"))"))
        let note = report.scheduleNote.map { "\n" + Markup.element("p", [("class", "note warn")], text: $0) } ?? ""
        return "<header class=\"report\">\n" + Markup.element("h1", text: "Status report · \(report.title)")
            + "\n<p class=\"meta\">" + meta.joined() + "</p>" + note + "\n</header>\n"
    }

    private static func overview(_ report: StatusReport) -> String {
        var out = "<section class=\"card overview\" aria-labelledby=\"overview\">\n" + Markup.element("h2", [("id", "overview")], text: "Programs")
        guard !report.programs.isEmpty else {
            return out + Markup.element("p", [("class", "empty-state")],
                                        text: "No programs in this workspace yet — charter init PROGRAM-ID adds one.") + "</section>\n"
        }
        out += "<div class=\"scroll\"><table>\n<thead><tr><th>Program</th><th>Owner</th><th>Status</th><th>Target</th>"
        out += "<th>Forecast</th><th>Milestones done</th><th>At risk</th><th>Open risks</th><th>Budget planned</th></tr></thead>\n<tbody>\n"
        for (index, program) in report.programs.enumerated() {
            let done = program.milestones.filter { $0.status == .done }.count
            let openRisks = RiskHeatMap.cells(program.risks).values.flatMap { $0 }
            let maxScore = openRisks.map(\.score).max()
            out += "<tr><td>" + Markup.element("a", [("href", "#" + anchor(index))], text: program.name) + "</td>"
            out += cell(program.owner ?? "—") + cell(program.status ?? "—")
            out += cell(program.target?.description ?? "ongoing", nowrap: true)
            out += "<td class=\"nowrap\">" + Markup.escape(program.forecastEnd?.description ?? "—")
                + (program.isLate ? " " + Markup.element("span", [("class", "badge bad")], text: "late") : "") + "</td>"
            out += cell("\(done) of \(program.milestones.count)", numeric: true)
            out += cell(String(program.atRisk.count), numeric: true)
            out += cell(openRisks.isEmpty ? "0" : "\(openRisks.count) (max \(maxScore!))", numeric: true)
            let planned = program.budget.reduce(0) { $0 + $1.amount }
            out += cell(program.budgetTotal.map { total in
                "\(BudgetChart.money(planned, program)) of \(BudgetChart.money(total, program))"
            } ?? (program.budget.isEmpty ? "—" : BudgetChart.money(planned, program)), numeric: true)
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n</section>\n"
    }

    private static func changeLog(_ section: StatusReport.ChangeLogSection) -> String {
        var out = "<section class=\"card changes\" aria-labelledby=\"changes\">\n"
        out += Markup.element("h2", [("id", "changes")], text: "Changes \(section.since)")
        guard !section.entries.isEmpty else {
            return out + Markup.element("p", [("class", "empty-state")], text: "No plan changes \(section.since).") + "</section>\n"
        }
        out += "<div class=\"scroll\"><table>\n<thead><tr><th>Change request</th><th>Date</th><th>Author</th><th>Title and reason</th>"
        out += "<th>Impact</th><th>Approval</th></tr></thead>\n<tbody>\n"
        for entry in section.entries {
            out += "<tr>" + "<td class=\"nowrap\">" + Markup.element("code", [("title", "commit \(entry.commit)")], text: entry.id) + "</td>"
            out += cell(entry.date, nowrap: true) + cell(entry.author)
            out += "<td>" + Markup.element("b", text: entry.title)
                + (entry.reason.map { "<br/>" + Markup.element("span", [("class", "note")], text: Markup.cut($0, 300)) } ?? "") + "</td>"
            out += cell(entry.impact)
            out += "<td>" + approvalBadge(entry)
                + (entry.approvals.isEmpty ? "" : "<br/>" + Markup.escape(entry.approvals.joined(separator: ", "))) + "</td></tr>\n"
        }
        out += "</tbody></table></div>\n"
        if section.omitted > 0 {
            out += Markup.element("p", [("class", "note")],
                                  text: "\(Plural.count(section.omitted, "older change request")) not shown; charter changes lists them all.")
        }
        return out + "</section>\n"
    }

    private static func approvalBadge(_ entry: StatusReport.ChangeEntry) -> String {
        if entry.approvalRequired {
            return entry.approved ? Markup.element("span", [("class", "badge ok")], text: "approved")
                : Markup.element("span", [("class", "badge bad")], text: "approval missing")
        }
        return Markup.element("span", [("class", "badge neutral")], text: entry.approved ? "approved" : "not required")
    }

    private static func baselineDiff(_ report: StatusReport) -> String {
        var out = "<section class=\"card since-baseline\" aria-labelledby=\"since-baseline\">\n"
        guard let baseline = report.baseline, let diff = report.diffSummary else {
            return out + Markup.element("h2", [("id", "since-baseline")], text: "Since the baseline")
                + Markup.element("p", [("class", "empty-state")],
                                 text: "No baseline yet — charter baseline create NAME freezes today's plan to compare against.")
                + "</section>\n"
        }
        out += Markup.element("h2", [("id", "since-baseline")], text: "Since baseline \(baseline.name)")
        out += Markup.element("p", [("class", "meta")], text: "\(diff.from) → \(diff.to)")
        out += "<div class=\"scroll\"><table><tbody>\n"
        for row in diff.rows {
            out += "<tr>" + Markup.element("th", [("scope", "row")], text: row.label) + cell(row.value) + "</tr>\n"
        }
        out += "</tbody></table></div>\n"
        if !diff.highlights.isEmpty {
            out += "<ul>" + diff.highlights.map { Markup.element("li", text: $0) }.joined() + "</ul>\n"
        }
        out += "<p class=\"note\">" + Markup.element("code", text: diff.line) + "</p>\n"
        return out + "</section>\n"
    }

    static func cell(_ text: String, numeric: Bool = false, nowrap: Bool = false) -> String {
        Markup.element("td", [("class", numeric ? "num" : nowrap ? "nowrap" : nil)], text: text)
    }
}
