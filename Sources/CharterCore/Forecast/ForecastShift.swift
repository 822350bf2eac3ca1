/// How a change moved each program's forecast: the same model and seed run on the plans
/// before and after (`charter diff --forecast`). With the same seed both runs draw the same
/// random numbers in the same order wherever the network is unchanged, so a program the
/// change does not touch does not move by noise.
public struct ForecastShift: Hashable, Sendable {
    public var program: String
    public var from: ForecastQuantile?
    public var to: ForecastQuantile?
    /// Days the P85 moved (later is positive); nil when either side is beyond the data or absent.
    public var days: Int?

    /// The programs whose P85 differs between the two forecasts (added and removed ones too),
    /// in the order of `to` then `from`.
    public static func p85(from old: ForecastResult, to new: ForecastResult) -> [ForecastShift] {
        let before = Dictionary(old.programs.map { ($0.program, $0.p85) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.programs.map { ($0.program, $0.p85) }, uniquingKeysWith: { first, _ in first })
        let names = new.programs.map(\.program) + old.programs.map(\.program).filter { after[$0] == nil }
        return names.compactMap { program in
            let from = before[program], to = after[program]
            guard from != to else { return nil }
            var days: Int?
            if let a = from?.date, let b = to?.date { days = a.days(to: b) }
            return ForecastShift(program: program, from: from, to: to, days: days)
        }
    }
}
