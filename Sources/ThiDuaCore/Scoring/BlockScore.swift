import ThiDuaBase

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
