import CharterCore
import CharterGit
import Foundation

/// Days as plans count them.
enum Clock {
    /// Seconds since 1970.
    static var now: Double { Date().timeIntervalSince1970 }

    /// Today in the local time zone.
    static func today() -> PlanDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return PlanDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The calendar day of a git signature, in the time zone it was made in.
    static func day(of signature: Signature) -> PlanDate {
        let local = signature.time + Int64(signature.offsetMinutes) * 60
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return PlanDate(dayNumber: Int(days))
    }
}
