/// A KPI's measurements over the plans' history: every committed `current` at its `as_of` date.
/// Pure: takes the KPIs of a program at successive commits, returns one series per KPI.
public struct KPITrend: Hashable, Sendable {
    /// One measurement, and the commit that recorded it first.
    public struct Point: Hashable, Sendable {
        /// `as_of`; the commit's day when the file gave none.
        public var date: PlanDate
        public var value: Double
        public var commit: String
        /// Whether `date` came from the commit because `as_of` was missing.
        public var dateFromCommit: Bool

        public init(date: PlanDate, value: Double, commit: String, dateFromCommit: Bool = false) {
            self.date = date
            self.value = value
            self.commit = commit
            self.dateFromCommit = dateFromCommit
        }
    }

    public var program: String
    public var kpi: String
    /// From the newest commit that has the KPI.
    public var name: String?
    public var unit: String?
    public var baseline: Double?
    public var target: Double?
    public var direction: KPI.Direction?
    /// Ordered by date, then by commit order; one point per distinct (date, value).
    public var points: [Point]

    /// What a trend reads of a KPI at one commit: its values, not where they were written.
    /// A function of the file's bytes alone, so the history index keeps it per blob.
    public struct Reading: Hashable, Sendable, Codable {
        public var id: String
        public var name: String?
        public var unit: String?
        public var baseline: Double?
        public var target: Double?
        /// `KPI.effectiveDirection`.
        public var direction: KPI.Direction?
        public var current: Double?
        public var asOf: PlanDate?

        public init(_ kpi: KPI) {
            id = kpi.id.value
            name = kpi.name
            unit = kpi.unit
            baseline = kpi.baseline?.value
            target = kpi.target?.value
            direction = kpi.effectiveDirection
            current = kpi.current?.value
            asOf = kpi.asOf?.value
        }
    }

    /// The plans at one commit: its id, its day, and the KPIs of each program folder.
    public struct Snapshot: Sendable {
        public var commit: String
        public var date: PlanDate
        public var readings: [String: [Reading]]

        public init(commit: String, date: PlanDate, readings: [String: [Reading]]) {
            self.commit = commit
            self.date = date
            self.readings = readings
        }

        public init(commit: String, date: PlanDate, kpis: [String: [KPI]]) {
            self.init(commit: commit, date: date, readings: kpis.mapValues { $0.map(Reading.init) })
        }
    }

    /// One trend per KPI seen in any snapshot (oldest snapshot first), ordered by program and id.
    /// A measurement repeated by later commits (the file changed elsewhere) counts once, at the
    /// commit that first recorded it; a value corrected for the same `as_of` replaces the old one.
    public static func trends(_ snapshots: [Snapshot]) -> [KPITrend] {
        var trends: [String: KPITrend] = [:]
        for snapshot in snapshots {
            for (program, kpis) in snapshot.readings {
                for kpi in kpis {
                    let key = program + "/" + kpi.id
                    var trend = trends[key] ?? KPITrend(program: program, kpi: kpi.id, points: [])
                    trend.name = kpi.name ?? trend.name
                    trend.unit = kpi.unit
                    trend.baseline = kpi.baseline
                    trend.target = kpi.target
                    trend.direction = kpi.direction
                    if let value = kpi.current {
                        let point = Point(date: kpi.asOf ?? snapshot.date, value: value, commit: snapshot.commit,
                                          dateFromCommit: kpi.asOf == nil)
                        trend.record(point)
                    }
                    trends[key] = trend
                }
            }
        }
        return trends.values.sorted { a, b in
            a.program != b.program ? NaturalOrder.less(a.program, b.program) : NaturalOrder.less(a.kpi, b.kpi)
        }
    }

    private mutating func record(_ point: Point) {
        if point.dateFromCommit {
            // Without as_of, only a new value is a new measurement.
            if points.last?.value == point.value { return }
        } else if let index = points.firstIndex(where: { $0.date == point.date && !$0.dateFromCommit }) {
            // A value corrected for the same as_of replaces the old one.
            if points[index].value != point.value { points[index] = point }
            return
        }
        let index = points.firstIndex { point.date < $0.date } ?? points.endIndex
        points.insert(point, at: index)
    }
}

extension KPI.Direction: Codable {}
