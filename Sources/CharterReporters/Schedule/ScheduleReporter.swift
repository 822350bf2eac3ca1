import CharterCore

/// The output formats of `charter schedule --format`. The raw value is the name on the command line.
public enum ScheduleFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case json
}

/// What a schedule reporter needs besides the analysis.
public struct ScheduleReportContext: Sendable {
    /// The programs to show, in order; every program when empty. Their critical paths still
    /// name milestones of other programs.
    public var programs: [String]
    /// Which plans were read: `worktree`, `index`, a commit.
    public var source: String
    public var useColor: Bool

    public init(programs: [String] = [], source: String, useColor: Bool = false) {
        self.programs = programs
        self.source = source
        self.useColor = useColor
    }

    func shown(_ analysis: ScheduleAnalysis) -> [ProgramForecast] {
        programs.isEmpty ? analysis.programs : programs.compactMap(analysis.program)
    }
}

/// Turns a schedule analysis into text in one format. Pure; every rendering ends with a newline.
public enum ScheduleReporters {
    public static func render(_ analysis: ScheduleAnalysis, as format: ScheduleFormat, context: ScheduleReportContext) -> String {
        switch format {
        case .text: return ScheduleTextReporter.render(analysis, context: context)
        case .markdown: return ScheduleMarkdownReporter.render(analysis, context: context)
        case .json: return ScheduleJSONReporter.render(analysis, context: context)
        }
    }
}
