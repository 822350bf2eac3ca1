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

public enum KPITableFormat: String, CaseIterable, Sendable {
    case text
    case json

    public func render(_ table: KPITable) -> String {
        switch self {
        case .text: return KPITextReporter.render(table)
        case .json: return KPIJSONReporter.render(table)
        }
    }
}
