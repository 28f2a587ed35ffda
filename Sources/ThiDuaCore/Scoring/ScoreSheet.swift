/// One item of a participant's scoring sheet: the self-score beside the appraised score.
public struct ItemScore: Hashable, Sendable {
    public var id: String
    public var title: String
    public var block: String
    public var role: ScoreRole
    public var max: ScorePoints
    /// What the participant gave (or, for a formula or graded item, what their reported figures give).
    public var selfScore: ScorePoints?
    /// The appraiser's score, when they gave one.
    public var appraised: ScorePoints?
    public var appraisalReason: String?
    /// What counts: the appraised score, else the self-score, within 0…max; nil when missing.
    public var counted: ScorePoints?
    /// For a yes/no item: the answer that counts.
    public var met: Bool?
    /// "tự chấm 8; thẩm định 7 (lý do) → 7".
    public var explanation: String

    /// Appraised − self, when both exist.
    public var difference: ScorePoints? {
        guard let appraised, let selfScore else { return nil }
        return appraised - selfScore
    }
}

/// A block's points after its caps.
public struct BlockScore: Hashable, Sendable {
    public var id: String
    public var title: String
    public var max: ScorePoints
    public var score: ScorePoints
    public var bonus: ScorePoints
    public var deduction: ScorePoints
    /// score + bonus − deduction (never below 0 unless the plan allows it).
    public var total: ScorePoints
    /// Caps applied, in words.
    public var notes: [String]
}

/// Whether a sheet has a total.
public enum SheetStatus: Hashable, Sendable {
    case rated
    /// No self-score sent and the plan does not score without one: "không xếp loại".
    case unrated
    /// Items without data, by id.
    case missing([String])
}

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
