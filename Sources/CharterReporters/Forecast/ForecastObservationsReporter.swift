import CharterCore

/// `charter forecast --observations`: the completion observations the model is fitted on, as
/// of the forecast's day, so the model can be refitted outside charter (an independent check
/// reimplements the sampling on them). `{"as_of","minimum_completions","shrinkage",
/// "correlation","observations":[{"ref","program","first_planned","days","reached"}]}`;
/// observations in reference order.
public enum ForecastObservationsReporter {
    public static func render(_ observations: [CompletionObservation], asOf: PlanDate) -> String {
        encodeJSON(Document(as_of: asOf, minimum_completions: CompletionModel.minimumCompletions,
                            shrinkage: CompletionModel.shrinkage, correlation: ForecastSimulation.correlation,
                            observations: observations.sorted { $0.ref < $1.ref }.map(Observation.init)))
    }

    private struct Document: Encodable {
        let as_of: PlanDate
        let minimum_completions: Int
        let shrinkage: Double
        let correlation: Double
        let observations: [Observation]
    }

    private struct Observation: Encodable {
        let ref: String
        let program: String
        let first_planned: PlanDate
        /// Days from the first plan to the day it was reached, or to the day it stopped being followed.
        let days: Int
        /// False: censored (still open on the as-of day, or abandoned).
        let reached: Bool

        init(_ observation: CompletionObservation) {
            ref = observation.ref.description
            program = observation.ref.program
            first_planned = observation.planned
            days = observation.days
            reached = observation.reached
        }
    }
}
