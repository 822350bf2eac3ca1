/// A calendar day, read from `YYYY-MM-DD` text. Arithmetic is on whole days (no time zones:
/// plans are about days, and a diff must say the same thing on every machine).
public struct PlanDate: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01: the one stored field. A big workspace holds millions of dates, so
    /// year, month and day are worked out when asked (cheap arithmetic) instead of stored.
    public let dayNumber: Int

    public var year: Int { Self.civil(fromDays: dayNumber).year }
    public var month: Int { Self.civil(fromDays: dayNumber).month }
    public var day: Int { Self.civil(fromDays: dayNumber).day }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.dayNumber = Self.days(fromCivil: year, month, day)
    }

    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Howard Hinnant's civil_from_days: exact for the proleptic Gregorian calendar.
    static func civil(fromDays dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Strict ISO `YYYY-MM-DD`; `nil` for anything else, including 2026-02-30.
    public init?(_ text: String) {
        // Runs for every date of every plan file: read the UTF-8 in place, no array.
        var text = text
        guard let date = text.withUTF8({ Self.parse(ISO: $0) }) else { return nil }
        self = date
    }

    private static func parse(ISO bytes: UnsafeBufferPointer<UInt8>) -> PlanDate? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return PlanDate(year: year, month: month, day: day)
    }

    /// Whether the text has the date's shape (so "2026-02-30" is a bad date, not a bad type).
    public static func looksLikeDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (48...57).contains(byte)
        }
    }

    public func adding(days: Int) -> PlanDate { PlanDate(dayNumber: dayNumber + days) }

    /// Days from `self` to `other`: positive when `other` is later.
    public func days(to other: PlanDate) -> Int { other.dayNumber - dayNumber }

    public var description: String {
        let (year, month, day) = Self.civil(fromDays: dayNumber)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: PlanDate, rhs: PlanDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = PlanDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
