import CharterCore

public enum ForecastFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case json
}

/// What a forecast reporter needs besides the result: the programs asked for (all when empty)
/// and what was read.
public struct ForecastReportContext: Sendable {
    public var programs: [String]
    public var source: String
    public var commitsRead: Int

    public init(programs: [String], source: String, commitsRead: Int) {
        self.programs = programs
        self.source = source
        self.commitsRead = commitsRead
    }

    func shown(_ result: ForecastResult) -> [ProgramForecastDistribution] {
        result.programs.filter { programs.isEmpty || programs.contains($0.program) }
    }
}

public enum ForecastReporters {
    public static func render(_ result: ForecastResult, as format: ForecastFormat, context: ForecastReportContext) -> String {
        switch format {
        case .json: ForecastJSONReporter.render(result, context: context)
        case .text: ForecastTableReporter.render(result, context: context, markdown: false)
        case .markdown: ForecastTableReporter.render(result, context: context, markdown: true)
        }
    }

    /// A probability as the JSON carries it: four decimals.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// `2026-03-01`, `later than 2027-01-01`, `beyond the data`, or `unscheduled`.
    static func phrase(_ quantile: ForecastQuantile, unscheduled: Bool = false) -> String {
        if let date = quantile.date { return date.description }
        if unscheduled { return "unscheduled" }
        return quantile.laterThan.map { "later than \($0)" } ?? "beyond the data"
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "–" }
        return "\(Int((value * 100).rounded()))%"
    }
}

extension ForecastQuantile: Encodable {
    private enum Keys: String, CodingKey { case date, beyond, later_than }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(date, forKey: .date)
        try container.encode(beyond, forKey: .beyond)
        try container.encode(laterThan, forKey: .later_than)
    }
}
