import CharterCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Days as plans count them.
///
/// The local calendar day and UTC offset come from the C library (`localtime_r`, which reads
/// `TZ` or `/etc/localtime` as Foundation's `TimeZone.current` does), not from `Calendar`:
/// on Linux, `Calendar.current` loads ICU's calendar and time-zone data, a few milliseconds
/// of every hook run for what is one call here.
enum Clock {
    /// Seconds since 1970.
    static var now: Double { Date().timeIntervalSince1970 }

    /// Today in the local time zone.
    static func today() -> PlanDate {
        let local = localTime()
        return PlanDate(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))!
    }

    /// The local time zone's offset from UTC now, in minutes (east positive), as git records it.
    static func localOffsetMinutes() -> Int {
        Int(localTime().tm_gmtoff) / 60
    }

    private static func localTime() -> tm {
        tzset()
        var seconds = time(nil)
        var local = tm()
        _ = localtime_r(&seconds, &local)
        return local
    }
}
