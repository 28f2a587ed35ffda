import ThiDuaCore

/// The two thresholds of "xếp thứ hạng cao hoặc có sự thay đổi vượt bậc", as the plan sets them.
///
/// No law or seed plan gives numbers, so there is no default: until the plan sets at least one
/// in `typeSettings`, the criterion has no rule and is judged from the unit's self-assessment
/// and the council's appraisal, and the report says the plan has not set them.
public struct RankThresholds: Sendable, Equatable {
    /// Ranks up to this count as "thứ hạng cao".
    public var highRankMax: Int?
    /// Places gained on last year that count as "thay đổi vượt bậc".
    public var rankRiseMin: Int?

    public init(highRankMax: Int? = nil, rankRiseMin: Int? = nil) {
        self.highRankMax = highRankMax
        self.rankRiseMin = rankRiseMin
    }

    /// The plan's thresholds; a value below 1 is ignored (`validate` reports it).
    public init(_ settings: DanVanChinhQuyenSettings?) {
        if let value = settings?.highRankMax, value >= 1 { highRankMax = value }
        if let value = settings?.rankRiseMin, value >= 1 { rankRiseMin = value }
    }

    /// Whether the plan set neither.
    public var isUnset: Bool { highRankMax == nil && rankRiseMin == nil }

    /// Rank ≤ `highRankMax`, or a rise of ≥ `rankRiseMin` places on last year; nil when unset.
    public func rule(rank indicator: String) -> Rule? {
        var parts: [Rule] = []
        if let highRankMax { parts.append(.compare(indicator: indicator, subject: .own, comparison: .atMost, value: Double(highRankMax))) }
        if let rankRiseMin { parts.append(.rankChange(indicator: indicator, comparison: .atLeast, places: rankRiseMin)) }
        switch parts.count {
        case 0: return nil
        case 1: return parts[0]
        default: return .any(parts)
        }
    }

    /// The thresholds in a sentence for the reports.
    public var sentence: String {
        guard !isUnset else {
            return "Kế hoạch chưa nêu ngưỡng “thứ hạng cao” và “thay đổi vượt bậc”; tiêu chí được xét theo tự đánh giá của đơn vị và thẩm định của Hội đồng."
        }
        var parts: [String] = []
        if let highRankMax { parts.append("thứ hạng cao: từ hạng 1 đến hạng \(highRankMax)") }
        if let rankRiseMin { parts.append("thay đổi vượt bậc: tăng từ \(rankRiseMin) bậc trở lên so với năm trước") }
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
}
