import ThiDuaBase

/// One row of the base salary table (mức lương cơ sở): in force from a date until the next row.
public struct BaseSalary: Hashable, Sendable, Codable {
    /// First day the amount applies.
    public var from: CivilDate
    /// Monthly amount in đồng.
    public var amount: Int
    /// The legal text that set it: "73/2024/NĐ-CP".
    public var source: String
    /// Why the row may be doubted ("chưa xác nhận"), when it may.
    public var note: String?

    public init(from: CivilDate, amount: Int, source: String, note: String? = nil) {
        self.from = from
        self.amount = amount
        self.source = source
        self.note = note
    }
}
