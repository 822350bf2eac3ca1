/// Where a KPI stands: how far from baseline to target the latest measurement got, and whether
/// that is enough. Pure; `charter kpis` and the report show it.
public struct KPIProgress: Hashable, Sendable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// `current` reached the target (or went beyond it).
        case met
        /// Progress keeps up with the program's calendar (or, without one, is not going backwards).
        case onTrack = "on-track"
        case offTrack = "off-track"
        /// No `current` yet, or no way to tell which way is better.
        case unknown
    }

    /// (current − baseline) / (target − baseline) × 100; `nil` without baseline or current.
    public var percent: Double?
    /// The share of the program's window (start → target) that had passed on `as_of`, × 100.
    public var expectedPercent: Double?
    public var status: Status

    /// Judges `kpi` inside `program`: with a baseline and a program window, progress must keep
    /// pace with time (linear from start to target date); without them, a current value worse
    /// than the baseline is off track and anything else on track.
    public init(_ kpi: KPI, in program: Program) {
        guard let current = kpi.current?.value, let target = kpi.target?.value,
              let direction = kpi.effectiveDirection else {
            self.init(percent: nil, expectedPercent: nil, status: .unknown)
            return
        }
        let reached = direction == .increase ? current >= target : current <= target
        var percent: Double?
        if let baseline = kpi.baseline?.value {
            percent = SafeNumber.ratio(current - baseline, target - baseline).map { $0 * 100 }
        }
        var expected: Double?
        if let start = program.start?.value, let end = program.target?.value, start < end, let asOf = kpi.asOf?.value {
            let fraction = Double(start.days(to: asOf)) / Double(start.days(to: end))
            expected = min(max(fraction, 0), 1) * 100
        }
        let status: Status
        if reached {
            status = .met
        } else if let percent, let expected {
            status = percent >= expected ? .onTrack : .offTrack
        } else if let percent {
            status = percent >= 0 ? .onTrack : .offTrack
        } else {
            status = .onTrack
        }
        self.init(percent: percent, expectedPercent: expected, status: status)
    }

    public init(percent: Double?, expectedPercent: Double?, status: Status) {
        self.percent = percent
        self.expectedPercent = expectedPercent
        self.status = status
    }
}
