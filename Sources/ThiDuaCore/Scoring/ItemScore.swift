import ThiDuaBase

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
