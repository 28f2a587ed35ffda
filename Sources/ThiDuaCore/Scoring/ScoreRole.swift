import ThiDuaBase

/// Whether an item adds to the block's score, is a bonus, or is a deduction.
public enum ScoreRole: String, Codable, Sendable, CaseIterable, KeywordEnum {
    case score
    case bonus
    case deduction

    /// "điểm", "điểm thưởng", "điểm trừ".
    public var vietnamese: String {
        switch self {
        case .score: "điểm"
        case .bonus: "điểm thưởng"
        case .deduction: "điểm trừ"
        }
    }
}
