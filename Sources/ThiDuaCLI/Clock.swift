import Foundation
import ThiDuaCore

/// The system clock, read only at the edge (commands receive the values).
enum Clock {
    /// Today's date in Vietnam (UTC+7), where the ward is.
    static func today() -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(year: 2026, month: 1, day: 1)!
    }

    /// The current instant, ISO 8601 in UTC.
    @Sendable static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
