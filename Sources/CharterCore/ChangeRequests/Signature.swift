/// Who made a commit, and when, as git records it: the author or the committer.
public struct Signature: Hashable, Sendable {
    public var name: String
    public var email: String
    /// Seconds since 1970, and the offset from UTC (minutes, east positive) it was made in.
    public var time: Int64
    public var offsetMinutes: Int

    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// Seconds since 1970 on the signature's own clock. A forged commit may carry any 64-bit
    /// time or offset: both are clamped (to ±3 million years, ±1 year) so the sum cannot overflow.
    private var localTime: Int64 {
        let limit: Int64 = 100_000_000_000_000
        return min(max(time, -limit), limit) + Int64(min(max(offsetMinutes, -525_600), 525_600)) * 60
    }

    /// The calendar day in the signature's own time zone.
    public var day: PlanDate {
        let local = localTime
        return PlanDate(dayNumber: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400))
    }

    /// ISO 8601 with the commit's own offset, as `git log --date=iso-strict` prints it.
    public var iso8601: String {
        let local = localTime
        let seconds = Int(((local % 86_400) + 86_400) % 86_400)
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "\(day)T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))\(sign)\(pad(offset / 60)):\(pad(offset % 60))"
    }
}
