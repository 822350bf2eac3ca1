import CharterCore

/// `charter diff --forecast`: how the change moved each program's P85 (text or markdown),
/// after the diff itself.
public enum ForecastShiftReporter {
    public static func render(_ shifts: [ForecastShift], markdown: Bool) -> String {
        let heading = markdown ? "\n### Forecast P85 (charter forecast, before → after)\n\n" : "\nForecast P85 (charter forecast, before → after):\n"
        guard !shifts.isEmpty else { return heading + (markdown ? "_No program's P85 moved._\n" : "  no program's P85 moved\n") }
        let lines = shifts.map { shift -> String in
            let from = shift.from.map { ForecastReporters.phrase($0) } ?? "not in the plans"
            let to = shift.to.map { ForecastReporters.phrase($0) } ?? "not in the plans"
            let days = shift.days.map { " (\($0 > 0 ? "+" : "")\($0)d)" } ?? ""
            return markdown ? "- **\(DiffMarkdownReporter.escape(shift.program))**: \(from) → \(to)\(days)"
                            : "  \(shift.program): \(from) → \(to)\(days)"
        }
        return heading + lines.joined(separator: "\n") + "\n"
    }
}
