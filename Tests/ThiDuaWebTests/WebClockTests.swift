import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

/// `WebClock` formats from `gmtime_r`; Foundation's `ISO8601DateFormatter` and `Calendar` are the reference.
@Suite struct WebClockTests {
    /// Instants around day, month, year and leap-day boundaries in Vietnam and in UTC, and random ones.
    static var instants: [Date] {
        var seconds: [Double] = [0, 951_782_400, 951_868_799.999, 1_704_042_000, 1_704_041_999.5, 1_735_664_400.25, 1_765_152_000.123, 4_102_444_799.9]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            seconds.append(Double(UInt64.random(in: 0...4_102_444_800, using: &generator)) + Double(Int.random(in: 0...999, using: &generator)) / 1000)
        }
        return seconds.map { Date(timeIntervalSince1970: $0) }
    }

    @Test func timestampsAreFoundationsISO8601() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for date in Self.instants {
            #expect(WebClock.timestamp(date) == formatter.string(from: date), "\(date.timeIntervalSince1970)")
        }
    }

    @Test func civilDatesAreTheDayInVietnam() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        for date in Self.instants {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            #expect(WebClock.civilDate(date) == CivilDate(year: parts.year!, month: parts.month!, day: parts.day!), "\(date.timeIntervalSince1970)")
        }
    }
}
