import ThiDuaBase

/// How a computed point is brought to one decimal.
public enum ScoreRounding: String, Codable, Sendable, CaseIterable, KeywordEnum {
    /// 7,25 → 7,3; 7,24 → 7,2.
    case halfUp = "half-up"
    /// 7,29 → 7,2.
    case down
    /// 7,21 → 7,3.
    case up

    public var vietnamese: String {
        switch self {
        case .halfUp: "làm tròn đến một chữ số thập phân (từ 0,05 trở lên làm tròn lên)"
        case .down: "làm tròn xuống đến một chữ số thập phân"
        case .up: "làm tròn lên đến một chữ số thập phân"
        }
    }
}
