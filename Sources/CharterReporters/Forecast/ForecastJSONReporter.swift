import CharterCore

/// `{"as_of","iterations","seed","source","observations":{…},"programs":[{"program","target",
/// "p50","p85","p95","probability_meets_target","milestones":[{"ref","p50",…}]}]}`. Every
/// quantile is `{"date": "YYYY-MM-DD" | null, "beyond": bool, "later_than": date | null}`;
/// probabilities have four decimals; keys sorted; nulls written.
public enum ForecastJSONReporter {
    public static func render(_ result: ForecastResult, context: ForecastReportContext) -> String {
        encodeJSON(Document(
            as_of: result.asOf, iterations: result.iterations, seed: result.seed, source: context.source,
            observations: Observations(workspace: result.workspaceObservations, completions: result.workspaceCompletions,
                                       commits_read: context.commitsRead,
                                       minimum_completions: CompletionModel.minimumCompletions,
                                       general_class: result.general),
            programs: context.shown(result).map { Program($0, result) }))
    }

    private struct Document: Encodable {
        let as_of: PlanDate
        let iterations: Int
        let seed: UInt64
        let source: String
        let observations: Observations
        let programs: [Program]
    }

    private struct Observations: Encodable {
        let workspace: Int
        let completions: Int
        let commits_read: Int
        let minimum_completions: Int
        let general_class: Bool
    }

    private struct Program: Encodable {
        let program: String
        @Nullable var name: String?
        @Nullable var target: PlanDate?
        let p50: ForecastQuantile
        let p85: ForecastQuantile
        let p95: ForecastQuantile
        @Nullable var probability_meets_target: Double?
        let milestones: [Milestone]

        init(_ program: ProgramForecastDistribution, _ result: ForecastResult) {
            self.program = program.program
            name = program.name
            target = program.target
            p50 = program.p50
            p85 = program.p85
            p95 = program.p95
            probability_meets_target = program.meetsTarget.map(ForecastReporters.rounded)
            milestones = program.milestones.compactMap(result.milestone).map(Milestone.init)
        }
    }

    private struct Milestone: Encodable {
        let milestone: MilestoneForecastDistribution

        init(_ milestone: MilestoneForecastDistribution) { self.milestone = milestone }

        private enum Keys: String, CodingKey {
            case ref, name, status, planned, fixed, unscheduled, p50, p85, p95
            case probability_by_planned, probability_by_target, probability_within_90, probability_within_180, probability_within_365
            case evidence
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            let m = milestone
            try c.encode(m.id.description, forKey: .ref)
            try c.encode(m.name, forKey: .name)
            try c.encode(m.status.rawValue, forKey: .status)
            try c.encode(m.plannedDate, forKey: .planned)
            try c.encode(m.fixed, forKey: .fixed)
            try c.encode(m.unscheduled, forKey: .unscheduled)
            try c.encode(m.p50, forKey: .p50)
            try c.encode(m.p85, forKey: .p85)
            try c.encode(m.p95, forKey: .p95)
            try c.encode(m.byPlanned.map(ForecastReporters.rounded), forKey: .probability_by_planned)
            try c.encode(m.byTarget.map(ForecastReporters.rounded), forKey: .probability_by_target)
            try c.encode(ForecastReporters.rounded(m.within90), forKey: .probability_within_90)
            try c.encode(ForecastReporters.rounded(m.within180), forKey: .probability_within_180)
            try c.encode(ForecastReporters.rounded(m.within365), forKey: .probability_within_365)
            try c.encode(m.evidence.map(Evidence.init), forKey: .evidence)
        }
    }

    private struct Evidence: Encodable {
        let program_observations: Int
        let program_at_risk: Int
        let program_weight: Double
        let lateness_band: String
        let band_at_risk: Int
        let workspace_observations: Int
        let workspace_completions: Int
        let general_class: Bool

        init(_ e: CompletionModel.Evidence) {
            program_observations = e.programObservations
            program_at_risk = e.programAtRisk
            program_weight = ForecastReporters.rounded(e.programWeight)
            lateness_band = e.band.rawValue
            band_at_risk = e.bandAtRisk
            workspace_observations = e.workspaceObservations
            workspace_completions = e.workspaceCompletions
            general_class = e.general
        }
    }
}
