import ThiDuaBase

/// An evidence file withdrawn: the record as it was listed, and who withdrew it, when and why.
public struct EvidenceWithdrawal: Sendable, Equatable {
    /// The file as it was recorded.
    public var record: EvidenceRecord
    /// The journal line of the withdrawal.
    public var seq: Int
    public var date: CivilDate
    /// The account that withdrew it.
    public var actor: String
    public var reason: String

    public init(record: EvidenceRecord, seq: Int, date: CivilDate, actor: String, reason: String) {
        self.record = record
        self.seq = seq
        self.date = date
        self.actor = actor
        self.reason = reason
    }
}
