import CharterCore
import CharterReporters

extension KPISeries {
    /// The program's KPIs as the report charts them: every committed measurement from the
    /// history (`KPITrend`), plus the plan's own `current` at its `as_of` when it is not
    /// committed yet (a worktree edit), with where each stands (`KPIProgress`).
    static func series(of program: Program, trends: [String: KPITrend]) -> [KPISeries] {
        program.kpis.map { kpi in
            var points = (trends[kpi.id.value]?.points ?? []).map { Point(asOf: $0.date, value: $0.value) }
            if let current = kpi.current?.value, let asOf = kpi.asOf?.value {
                if let same = points.firstIndex(where: { $0.asOf == asOf }) {
                    points[same].value = current
                } else {
                    points.insert(Point(asOf: asOf, value: current), at: points.firstIndex { asOf < $0.asOf } ?? points.endIndex)
                }
            }
            let progress = KPIProgress(kpi, in: program)
            return KPISeries(id: kpi.id.value, name: kpi.name ?? kpi.id.value, unit: kpi.unit, baseline: kpi.baseline?.value,
                             target: kpi.target?.value, direction: kpi.effectiveDirection?.rawValue, points: points,
                             status: progress.status.rawValue, progressPercent: progress.percent)
        }
    }
}
