import ThiDuaBase

/// How a percent quota's share × base becomes a whole number of awards.
public enum QuotaRounding: String, Codable, Sendable, CaseIterable, KeywordEnum {
    case down
    case up
    /// Half up: 2,5 → 3.
    case nearest

    public var vietnamese: String {
        switch self {
        case .down: "làm tròn xuống"
        case .up: "làm tròn lên"
        case .nearest: "làm tròn đến số gần nhất"
        }
    }
}
