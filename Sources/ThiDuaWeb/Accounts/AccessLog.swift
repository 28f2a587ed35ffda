import Foundation
import ThiDuaCore

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
public enum WebClock {
    /// The day in Vietnam (UTC+7), where the ward is.
    public static func civilDate(_ date: Date) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CivilDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1) ?? CivilDate(year: 2026, month: 1, day: 1)!
    }

    /// ISO 8601 in UTC with milliseconds.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
