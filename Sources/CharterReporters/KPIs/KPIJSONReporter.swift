import CharterCore

/// `charter kpis --format json`: `{"source","history_of","kpis":[{"program","id","name","unit","baseline","target",
/// "current","as_of","direction","owner","progress_percent","expected_percent","status",
/// "history"?:[{"date","value","commit","date_from_commit"}]}]}`. Absent values are null.
public enum KPIJSONReporter {
    public static func render(_ table: KPITable, context: KPIReportContext) -> String {
        encodeJSON(Document(source: context.source, historyOf: context.historyOf, kpis: table.rows.map(Entry.init)))
    }

    /// Names the plans read as `charter schedule --format json` does (`"source": "worktree"`).
    struct Document: Encodable {
        var source: String
        @Nullable var historyOf: String?
        var kpis: [Entry]

        enum CodingKeys: String, CodingKey {
            case source, kpis
            case historyOf = "history_of"
        }
    }

    struct Entry: Encodable {
        var program: String
        var id: String
        @Nullable var name: String?
        @Nullable var unit: String?
        @Nullable var baseline: JSONNumber?
        @Nullable var target: JSONNumber?
        @Nullable var current: JSONNumber?
        @Nullable var asOf: String?
        @Nullable var direction: String?
        @Nullable var owner: String?
        @Nullable var progressPercent: JSONNumber?
        @Nullable var expectedPercent: JSONNumber?
        var status: String
        var history: [Point]?

        enum CodingKeys: String, CodingKey {
            case program, id, name, unit, baseline, target, current, direction, owner, status, history
            case asOf = "as_of"
            case progressPercent = "progress_percent"
            case expectedPercent = "expected_percent"
        }

        init(_ row: KPITable.Row) {
            let kpi = row.kpi
            program = row.program
            id = kpi.id.value
            name = kpi.name
            unit = kpi.unit
            baseline = kpi.baseline.map { JSONNumber($0.value) }
            target = kpi.target.map { JSONNumber($0.value) }
            current = kpi.current.map { JSONNumber($0.value) }
            asOf = kpi.asOf?.value.description
            direction = kpi.effectiveDirection?.rawValue
            owner = kpi.owner?.value
            progressPercent = row.progress.percent.map { JSONNumber(roundedTenth($0)) }
            expectedPercent = row.progress.expectedPercent.map { JSONNumber(roundedTenth($0)) }
            status = row.progress.status.rawValue
            history = row.history?.map(Point.init)
        }
    }

    struct Point: Encodable {
        var date: String
        var value: JSONNumber
        var commit: String
        var dateFromCommit: Bool

        enum CodingKeys: String, CodingKey {
            case date, value, commit
            case dateFromCommit = "date_from_commit"
        }

        init(_ point: KPITrend.Point) {
            date = point.date.description
            value = JSONNumber(point.value)
            commit = point.commit
            dateFromCommit = point.dateFromCommit
        }
    }
}
