import ThiDuaBase

/// A block (phần, lĩnh vực) of a scoring table.
public struct ScoringBlock: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var items: [ScoringItem]
    /// Caps on the block's bonus and deduction sums.
    public var maxBonus: Double?
    public var maxDeduction: Double?
    /// A block never goes below 0 unless the plan says so here.
    public var mayGoNegative: Bool?

    public init(
        id: String, title: String, items: [ScoringItem], maxBonus: Double? = nil, maxDeduction: Double? = nil,
        mayGoNegative: Bool? = nil
    ) {
        self.id = id
        self.title = title
        self.items = items
        self.maxBonus = maxBonus
        self.maxDeduction = maxDeduction
        self.mayGoNegative = mayGoNegative
    }

    /// The sum of its scored items' maxima.
    public var maxScore: ScorePoints {
        items.filter { $0.role == .score }.reduce(.zero) { $0 + ScorePoints($1.max) }
    }
}
