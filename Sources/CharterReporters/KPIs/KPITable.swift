import CharterCore

/// What `charter kpis` shows: each KPI with where it stands, and (with `--history`) every
/// measurement committed for it.
public struct KPITable: Sendable {
    public struct Row: Sendable {
        public var program: String
        public var programName: String?
        public var kpi: KPI
        public var progress: KPIProgress
        /// `nil` without `--history`; empty when no commit recorded a measurement.
        public var history: [KPITrend.Point]?
    }

    public var rows: [Row]

    /// Programs in natural order (only `programs`, when given), KPIs as written. With `trends`,
    /// each row carries its KPI's series.
    public init(workspace: Workspace, programs: [String] = [], trends: [KPITrend]? = nil) {
        var series: [String: [KPITrend.Point]] = [:]
        for trend in trends ?? [] { series[trend.program + "/" + trend.kpi] = trend.points }
        rows = workspace.programs
            .filter { programs.isEmpty || programs.contains($0.folder) }
            .sorted { NaturalOrder.less($0.folder, $1.folder) }
            .flatMap { program in
                program.kpis.map { kpi in
                    Row(program: program.folder, programName: program.name, kpi: kpi, progress: KPIProgress(kpi, in: program),
                        history: trends == nil ? nil : series[program.folder + "/" + kpi.id.value] ?? [])
                }
            }
    }
}

/// What the KPI reporters say about where the table came from.
public struct KPIReportContext: Sendable {
    /// Which plans were read: `worktree`, `HEAD (commit 9a250f5c)`.
    public var source: String
    /// The revision whose history was walked (`--history`), else `nil`.
    public var historyOf: String?

    public init(source: String, historyOf: String? = nil) {
        self.source = source
        self.historyOf = historyOf
    }

    /// `charter kpis · worktree · history of HEAD`.
    var heading: String {
        "charter kpis · \(source)" + (historyOf.map { " · history of \($0)" } ?? "")
    }
}

public enum KPITableFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case json

    public func render(_ table: KPITable, context: KPIReportContext) -> String {
        switch self {
        case .text: return KPITextReporter.render(table, context: context)
        case .markdown: return KPIMarkdownReporter.render(table, context: context)
        case .json: return KPIJSONReporter.render(table, context: context)
        }
    }
}

/// The phrases of a KPI's row that the text and markdown tables share.
extension KPITable.Row {
    /// `420 → 380 ms`, `380 ms`, `420 ms (no measurement)`, `no measurement`.
    var measurement: String {
        let unit = kpi.unit
        switch (kpi.baseline, kpi.current) {
        case (let baseline?, let current?): return KPIFormat.number(baseline.value) + " → " + KPIFormat.value(current.value, unit: unit)
        case (nil, let current?): return KPIFormat.value(current.value, unit: unit)
        case (let baseline?, nil): return KPIFormat.value(baseline.value, unit: unit) + " (no measurement)"
        case (nil, nil): return "no measurement"
        }
    }

    /// `300 ms`, or `nil` without a target.
    var targetValue: String? { kpi.target.map { KPIFormat.value($0.value, unit: kpi.unit) } }

    /// `33%`, or `-` when progress cannot be computed.
    var progressPercent: String { progress.percent.flatMap(SafeNumber.int).map { "\($0)%" } ?? "-" }

    /// `pay · Payments`.
    var programHeading: String { ([program] + (programName.map { [$0] } ?? [])).joined(separator: " · ") }
}
