import Foundation
import CharterCore

/// The forecast as text (aligned columns) or markdown (a table per program): P50, P85 and P95
/// per open milestone and per program end, the probability of meeting each target, and how
/// much history the distributions rest on.
enum ForecastTableReporter {
    static func render(_ result: ForecastResult, context: ForecastReportContext, markdown: Bool) -> String {
        var lines: [String] = []
        let heading = markdown ? "## Forecast" : "Forecast"
        lines.append("\(heading) as of \(result.asOf) (\(context.source)), \(result.iterations) iterations, seed \(result.seed)")
        let evidence = "History: \(result.workspaceObservations) milestones observed, \(result.workspaceCompletions) reached, \(context.commitsRead) commits read"
        lines.append(markdown ? "" : evidence)
        if markdown { lines.append(evidence) }
        if result.general {
            lines.append("Too little history (fewer than \(CompletionModel.minimumCompletions) milestones reached): the general class applies, each open date taken at face value.")
        }
        for program in context.shown(result) {
            lines.append("")
            let target = program.target.map { ", target \($0), P(meets target) \(ForecastReporters.percent(program.meetsTarget))" } ?? ""
            let title = "\(program.program)\(target): end P50 \(ForecastReporters.phrase(program.p50)), P85 \(ForecastReporters.phrase(program.p85)), P95 \(ForecastReporters.phrase(program.p95))"
            lines.append(markdown ? "### \(title)" : title)
            let header = ["milestone", "planned", "P50", "P85", "P95", "by planned", "in 365 d", "evidence"]
            var rows: [[String]] = []
            for id in program.milestones {
                guard let m = result.milestone(id) else { continue }
                let evidence = m.fixed ? "done" : m.evidence.map { "program \($0.programAtRisk), band \($0.band.rawValue) \($0.bandAtRisk), workspace \($0.workspaceObservations)" } ?? "dependencies"
                rows.append([id.id, m.plannedDate?.description ?? "–",
                             ForecastReporters.phrase(m.p50, unscheduled: m.unscheduled),
                             ForecastReporters.phrase(m.p85, unscheduled: m.unscheduled),
                             ForecastReporters.phrase(m.p95, unscheduled: m.unscheduled),
                             ForecastReporters.percent(m.byPlanned), ForecastReporters.percent(m.unscheduled ? nil : m.within365), evidence])
            }
            lines += markdown ? Self.markdownTable(header, rows) : TextTable(indent: "  ").render([header] + rows)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdownTable(_ header: [String], _ rows: [[String]]) -> [String] {
        ["", "| " + header.joined(separator: " | ") + " |", "|" + header.map { _ in " --- |" }.joined()]
            + rows.map { "| " + $0.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
    }
}
