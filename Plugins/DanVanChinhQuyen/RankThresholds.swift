import ThiDuaCore

/// The two thresholds of "xếp thứ hạng cao hoặc có sự thay đổi vượt bậc", with the defaults
/// written here and nowhere else.
public struct RankThresholds: Sendable, Equatable {
    public var highRankMax = 3
    public var rankRiseMin = 5

    public init() {}

    /// The plan's thresholds, each defaulting when absent or below 1 (`validate` reports those).
    public init(_ settings: DanVanChinhQuyenSettings?) {
        if let value = settings?.highRankMax, value >= 1 { highRankMax = value }
        if let value = settings?.rankRiseMin, value >= 1 { rankRiseMin = value }
    }

    /// Rank ≤ `highRankMax`, or a rise of ≥ `rankRiseMin` places on last year.
    public func rule(rank indicator: String) -> Rule {
        .any([
            .compare(indicator: indicator, subject: .own, comparison: .atMost, value: Double(highRankMax)),
            .rankChange(indicator: indicator, comparison: .atLeast, places: rankRiseMin),
        ])
    }
}
