/// Reference classes, from specific to general, and the completion distribution of one open
/// milestone read off them (docs/forecast.md):
///
/// - **program**: the milestones of its program, Kaplan–Meier conditioned on its lateness;
/// - **lateness band / workspace**: every milestone of the workspace, conditioned the same way
///   (the risk set at its lateness *is* the band of milestones once that late);
/// - **general**: with fewer than `minimumCompletions` reached milestones in the history, the
///   plan taken at face value (what `charter schedule` assumes), flagged as such.
///
/// The program class is shrunk toward the workspace: weight `n / (n + shrinkage)`, `n` the
/// program's milestones still at risk at this lateness. The milestone's own history is its
/// conditioning: its first planned date and how late it already is.
public struct CompletionModel: Sendable {
    public static let minimumCompletions = 5
    public static let shrinkage = 20.0

    public enum Kind: String, Hashable, Sendable {
        /// Kaplan–Meier conditioned on lateness (the model).
        case conditional
        /// Planned date plus a slip drawn from completed milestones only, ignoring lateness:
        /// the naive model the backtest compares against.
        case naive
    }

    /// How many observations each class had for one milestone.
    public struct Evidence: Hashable, Sendable {
        public var programObservations: Int
        /// Program milestones still open at this lateness.
        public var programAtRisk: Int
        public var band: LatenessBand
        /// Workspace milestones still open at this lateness: the band's evidence.
        public var bandAtRisk: Int
        public var workspaceObservations: Int
        public var workspaceCompletions: Int
        public var programWeight: Double
        /// Too little history: the plan at face value.
        public var general: Bool
    }

    public let kind: Kind
    public let workspace: KaplanMeier
    public let programs: [String: KaplanMeier]
    private let completedSlips: [Int]

    public init(_ observations: [CompletionObservation], kind: Kind = .conditional) {
        self.kind = kind
        workspace = KaplanMeier(observations)
        programs = Dictionary(grouping: observations, by: \.ref.program).mapValues(KaplanMeier.init)
        completedSlips = observations.filter(\.reached).map(\.days).sorted()
    }

    public var isGeneral: Bool { workspace.completions < Self.minimumCompletions }

    /// The distribution of days from `planned` to completion for a milestone of `program`
    /// still open `lateness` days after `planned`, and the evidence behind it.
    public func curve(program: String, lateness: Int) -> (CompletionCurve, Evidence) {
        let programKM = programs[program]
        var evidence = Evidence(programObservations: programKM?.count ?? 0,
                                programAtRisk: programKM?.observationsAtRisk(at: lateness) ?? 0,
                                band: LatenessBand(lateness: lateness),
                                bandAtRisk: workspace.observationsAtRisk(at: lateness),
                                workspaceObservations: workspace.count, workspaceCompletions: workspace.completions,
                                programWeight: 0, general: isGeneral)
        if isGeneral { return (.certain(max(0, lateness)), evidence) }
        switch kind {
        case .naive:
            let share = 1 / Double(completedSlips.count)
            var steps: [CompletionCurve.Step] = []
            for (index, days) in completedSlips.enumerated() {
                let probability = Double(index + 1) * share
                if steps.last?.days == days { steps[steps.count - 1].probability = probability } else { steps.append(.init(days: days, probability: probability)) }
            }
            return (CompletionCurve(steps: steps), evidence)
        case .conditional:
            let general = workspace.conditional(lateness: lateness)
            guard let programKM else { return (general, evidence) }
            let n = Double(evidence.programAtRisk)
            evidence.programWeight = n / (n + Self.shrinkage)
            return (CompletionCurve.mixture(programKM.conditional(lateness: lateness), weight: evidence.programWeight, general), evidence)
        }
    }
}
