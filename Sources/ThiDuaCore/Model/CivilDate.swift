import Foundation
import ThiDuaBase

/// A calendar day with no time zone, as Vietnamese documents write it ("05/4/2023").
///
/// Campaign files write dates as `dd/mm/yyyy` (leading zeros optional) or ISO `yyyy-mm-dd`.
/// Impossible days (30/02, 31/4) are rejected when the value is built.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Builds a date, or returns nil when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Number of days in a month of a year of the Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        case 1...12: return 31
        default: return 0
        }
    }

    /// Parses `dd/mm/yyyy`, `d/m/yyyy` or `yyyy-mm-dd`; nil when the text is not a real day.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("-") {
            let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4,
                let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
            else { return nil }
            self.init(year: y, month: m, day: d)
        } else {
            let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                parts[2].count == 4,
                let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
            else { return nil }
            self.init(year: y, month: m, day: d)
        }
    }

    /// The form Nghị định 30/2020 asks for: a leading zero on days below 10 and on months 1 and 2.
    public var vietnamese: String {
        "\(CivilDate.padDay(day))/\(CivilDate.padMonth(month))/\(year)"
    }

    /// ISO 8601 form, used in JSON output and file names.
    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public var description: String { vietnamese }

    static func padDay(_ day: Int) -> String { day < 10 ? "0\(day)" : "\(day)" }
    static func padMonth(_ month: Int) -> String { month <= 2 ? "0\(month)" : "\(month)" }

    /// Days since 1 January of year 1 (proleptic Gregorian), for arithmetic without Foundation's calendars.
    public var ordinal: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += CivilDate.daysIn(month: m, year: year) }
        return days + day
    }

    /// The date `n` days later (or earlier when negative).
    public func adding(days n: Int) -> CivilDate {
        var y = year, m = month, d = day + n
        while d > CivilDate.daysIn(month: m, year: y) {
            d -= CivilDate.daysIn(month: m, year: y)
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        while d < 1 {
            m -= 1
            if m < 1 { m = 12; y -= 1 }
            d += CivilDate.daysIn(month: m, year: y)
        }
        return CivilDate(year: y, month: m, day: d) ?? self
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "ngày không hợp lệ «\(text)»; cần dạng dd/mm/yyyy có thật (ví dụ 15/02/2026)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(vietnamese)
    }
}
