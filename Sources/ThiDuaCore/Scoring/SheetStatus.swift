import ThiDuaBase

/// Whether a sheet has a total.
public enum SheetStatus: Hashable, Sendable {
    case rated
    /// No self-score sent and the plan does not score without one: "không xếp loại".
    case unrated
    /// Items without data, by id.
    case missing([String])
}
