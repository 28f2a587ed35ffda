import Foundation
import ThiDuaCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The hash-chained access journal of a workspace: `data/_truy-cap.jsonl`.
///
/// It is a `JournalStore` like a campaign's, so `flock`, fsync, torn-tail handling and the
/// hash chain are the same; its name does not end in `.journal.jsonl`, so it is never taken
/// for a campaign.
public struct AccessLog: Sendable {
    public let store: JournalStore

    /// Sign-in succeeded.
    public static let login: EventKind = "dang-nhap"
    /// Sign-in refused: unknown account, wrong password, disabled, or throttled.
    public static let loginFailed: EventKind = "dang-nhap-that-bai"
    public static let logout: EventKind = "dang-xuat"
    /// An account was added, disabled or given a new password (by `thidua user`).
    public static let accountChanged: EventKind = "tai-khoan"

    public init(workspace: Workspace) {
        let url = workspace.dataFolder.appendingPathComponent("_truy-cap.jsonl")
        store = JournalStore(url: url, displayName: workspace.display(url))
    }

    /// Appends one event; `actor` is the account (never free text from a form).
    public func record(_ kind: EventKind, actor: String, _ details: AccessPayload, at date: Date) throws(WebError) {
        let payload: JSONValue
        do {
            payload = try JSONValue.encode(details)
        } catch {
            throw WebError("Không ghi được nhật ký truy cập: \(error)")
        }
        let draft = JournalStore.Draft(kind: kind, actor: actor, date: WebClock.civilDate(date), payload: payload)
        do {
            _ = try store.append([draft], time: WebClock.timestamp(date))
        } catch {
            throw WebError("Không ghi được nhật ký truy cập \(error.file): \(error.message)")
        }
    }
}

/// Dates as the journal spells them.
///
/// Computed from the C library's `gmtime_r` rather than Foundation's `Calendar` and
/// `ISO8601DateFormatter`: making those per request was a tenth of a submission's time under
/// load (the formatter opens an ICU date format each time). Checked against both in the tests.
public enum WebClock {
    /// The day in Vietnam (UTC+7), where the ward is.
    public static func civilDate(_ date: Date) -> CivilDate {
        let parts = utc(Int(date.timeIntervalSince1970.rounded(.down)) + 7 * 3600)
        return CivilDate(year: parts.year, month: parts.month, day: parts.day) ?? CivilDate(year: 2026, month: 1, day: 1)!
    }

    /// ISO 8601 in UTC with milliseconds: `2026-12-08T01:02:03.456Z`.
    public static func timestamp(_ date: Date) -> String {
        // To the nearest millisecond, as Foundation's formatter does (a stored .123 is .12299…).
        let total = Int((date.timeIntervalSince1970 * 1000).rounded())
        let milliseconds = ((total % 1000) + 1000) % 1000
        let p = utc((total - milliseconds) / 1000)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let millis = milliseconds < 10 ? "00\(milliseconds)" : milliseconds < 100 ? "0\(milliseconds)" : "\(milliseconds)"
        let year = String(repeating: "0", count: max(0, 4 - String(p.year).count)) + String(p.year)
        return "\(year)-\(two(p.month))-\(two(p.day))T\(two(p.hour)):\(two(p.minute)):\(two(p.second)).\(millis)Z"
    }

    /// The UTC calendar fields of a count of seconds since 1970.
    private static func utc(_ seconds: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var clock = time_t(seconds)
        var fields = tm()
        gmtime_r(&clock, &fields)
        return (Int(fields.tm_year) + 1900, Int(fields.tm_mon) + 1, Int(fields.tm_mday), Int(fields.tm_hour), Int(fields.tm_min), Int(fields.tm_sec))
    }
}
