import CharterCore

/// Phrases the text and markdown schedule reports share. Colour comes from the style; a
/// disabled style gives plain text.
enum SchedulePhrases {
    /// `forecast 2026-10-14 · target 2026-09-30 · 14 days late`.
    static func forecast(_ program: ProgramForecast, style: TerminalStyle) -> String {
        guard let end = program.forecastEnd else { return "no scheduled milestones" }
        guard let target = program.target, let variance = program.varianceDays else {
            return "forecast \(end) · no target"
        }
        let verdict = variance > 0 ? style.removed("\(plural(variance, "day")) late")
            : variance == 0 ? "on target" : style.added("\(plural(-variance, "day")) ahead")
        return "forecast \(end) · target \(target) · \(verdict)"
    }

    /// Chains shown one per line before the rest are counted.
    static let chainsShown = 5

    /// A program's critical paths as the text and markdown reports list them: a heading
    /// (`critical path` for one chain; `3 critical paths end 2026-06-10` for more, with
    /// `; the first 5` when not all are listed), one line per chain, and how many are not listed.
    struct CriticalPaths {
        var heading: String
        var chains: [String]
        var notListed: Int
    }

    static func criticalPaths(_ program: ProgramForecast, _ analysis: ScheduleAnalysis) -> CriticalPaths? {
        let all = program.criticalPaths
        guard !all.isEmpty else { return nil }
        let shown = all.prefix(chainsShown).map { chain($0, in: program.program, analysis) }
        guard all.count > 1 else { return CriticalPaths(heading: "critical path", chains: shown, notListed: 0) }
        let end = program.forecastEnd.map { " end \($0)" } ?? ""
        let first = all.count > shown.count ? "; the first \(shown.count)" : ""
        return CriticalPaths(heading: "\(all.count) critical paths\(end)\(first)", chains: shown, notListed: all.count - shown.count)
    }

    /// `identity/M3 Token service GA (2026-04-20) → M2 Beta (2026-05-01)`: each step depends on the one before.
    static func chain(_ chain: [QualifiedID], in program: String, _ analysis: ScheduleAnalysis) -> String {
        chain.compactMap(analysis.milestone).map { step in
            let name = step.name.map { " \($0)" } ?? ""
            return "\(local(step.id, in: program))\(name) (\(step.earlyFinish.map(\.description) ?? "?"))"
        }.joined(separator: " → ")
    }

    /// `… and 23 more (--format json lists every chain)`.
    static func notListed(_ count: Int) -> String { "… and \(count) more (--format json lists every chain)" }

    /// `M2 is planned to be reached 2026-05-15, but identity/M3 finishes 2026-05-20, 5 days later`.
    static func conflict(_ conflict: ScheduleConflict) -> String {
        "\(conflict.milestone.id) is planned to \(conflict.plannedField == "start" ? "start" : "be reached") \(conflict.plannedDay), "
            + "but \(local(conflict.dependency, in: conflict.milestone.program)) finishes \(conflict.dependencyFinish), "
            + "\(plural(conflict.overlapDays, "day")) later"
    }

    /// What set a milestone's early start: `date`, `start`, its driving dependencies, `done`, `as of`.
    static func driver(_ row: ScheduledMilestone) -> String {
        switch row.driver {
        case .planned: return row.plannedStart != nil ? "start" : "date"
        case .dependencies: return row.drivingDependencies.map { local($0, in: row.id.program) }.joined(separator: ", ")
        case .completed: return "done"
        case .asOf: return "as of"
        case .unscheduled: return "-"
        }
    }

    /// `2 programs · 1 late · 0 conflicts`, for the programs shown.
    static func summary(_ programs: [ProgramForecast], _ analysis: ScheduleAnalysis, style: TerminalStyle) -> String {
        let shown = Set(programs.map(\.program))
        let late = programs.filter { ($0.varianceDays ?? 0) > 0 }.count
        let conflicts = analysis.conflicts.filter { shown.contains($0.milestone.program) }.count
        return plural(programs.count, "program") + " · " + (late > 0 ? style.removed("\(late) late") : "0 late")
            + " · " + plural(conflicts, "conflict")
    }

    /// The milestones of a program's table: those that could be scheduled.
    static func rows(_ program: ProgramForecast, _ analysis: ScheduleAnalysis) -> [ScheduledMilestone] {
        program.milestones.compactMap(analysis.milestone).filter(\.isScheduled)
    }

    static func days(_ value: Int?) -> String { value.map { "\($0)d" } ?? "-" }

    static func plural(_ count: Int, _ noun: String) -> String { Plural.count(count, noun) }

    /// `M3` within its own program, `identity/M3` from another.
    private static func local(_ id: QualifiedID, in program: String) -> String {
        id.program == program ? id.id : id.description
    }
}
