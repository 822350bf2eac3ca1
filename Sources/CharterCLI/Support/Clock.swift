import CharterCore
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
}
