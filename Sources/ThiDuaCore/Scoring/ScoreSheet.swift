import ThiDuaBase

/// A participant's scoring sheet for one table and period: items, blocks, total, band.
public struct ScoreSheet: Hashable, Sendable {
    public var table: String
    public var title: String
    public var items: [ItemScore]
    public var blocks: [BlockScore]
    public var status: SheetStatus
    /// The total that counts (appraised), with one decimal; nil unless rated.
    public var total: ScorePoints?
    /// The self-scored total, for comparison.
    public var selfTotal: ScorePoints?
    public var maxTotal: ScorePoints
    /// Bonus and deduction after every cap.
    public var bonus: ScorePoints
    public var deduction: ScorePoints
    /// The band reached after gates; nil when none.
    public var band: String?
    public var bandTitle: String?
    /// How the band was chosen, or why there is none.
    public var bandExplanation: String
    /// How the rank was decided against equal totals; set by the ranking.
    public var rankExplanation: String?
    /// The whole explanation of the total, one line.
    public var explanation: String

    /// The total as a share of the maximum × 100, one decimal (half up): the index.
    public var index: Double? {
        guard let total, maxTotal.tenths > 0 else { return nil }
        return ScorePoints(Double(total.tenths) * 100 / Double(maxTotal.tenths), rounding: .halfUp).value
    }

    /// The block's points, by id.
    public func block(_ id: String) -> BlockScore? { blocks.first { $0.id == id } }
}
