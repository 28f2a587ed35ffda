import ThiDuaBase

/// Who does an action, on which day, and the clock for the journal's time stamps.
///
/// Front-ends make one per request: the command line from `--actor` and `--today`, the web
/// application from the logged-in account. Core never reads the clock itself.
public struct ActionContext: Sendable {
    /// The account or person recorded in the journal.
    public var actor: String
    /// The day the action counts for (deadlines, lateness, event dates).
    public var today: CivilDate
    /// The event time, ISO 8601 UTC.
    public var now: @Sendable () -> String

    public init(actor: String, today: CivilDate, now: @escaping @Sendable () -> String) {
        self.actor = actor
        self.today = today
        self.now = now
    }
}
