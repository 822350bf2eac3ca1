import CharterCore

/// `charter kpis --format json`: `{"kpis":[{"program","id","name","unit","baseline","target",
/// "current","as_of","direction","owner","progress_percent","expected_percent","status",
/// "history"?:[{"date","value","commit","date_from_commit"}]}]}`. Absent values are null.
public enum KPIJSONReporter {
    public static func render(_ table: KPITable) -> String {
        encodeJSON(Document(kpis: table.rows.map(Entry.init)))
    }

    struct Document: Encodable {
        var kpis: [Entry]
    }

    struct Entry: Encodable {
        var program: String
        var id: String
        var name: String?
        var unit: String?
        var baseline: JSONNumber?
        var target: JSONNumber?
        var current: JSONNumber?
        var asOf: String?
        var direction: String?
        var owner: String?
        var progressPercent: JSONNumber?
        var expectedPercent: JSONNumber?
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

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(program, forKey: .program)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(unit, forKey: .unit)
            try container.encode(baseline, forKey: .baseline)
            try container.encode(target, forKey: .target)
            try container.encode(current, forKey: .current)
            try container.encode(asOf, forKey: .asOf)
            try container.encode(direction, forKey: .direction)
            try container.encode(owner, forKey: .owner)
            try container.encode(progressPercent, forKey: .progressPercent)
            try container.encode(expectedPercent, forKey: .expectedPercent)
            try container.encode(status, forKey: .status)
            try container.encodeIfPresent(history, forKey: .history)
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
