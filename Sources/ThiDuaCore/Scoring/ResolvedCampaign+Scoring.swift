import ThiDuaBase

extension ResolvedCampaign {
    /// The scoring tables this campaign uses (`ScoringTables.effective`).
    public var scoringTables: [ScoringTable] { ScoringTables.effective(plan: plan, definition: definition) }

    /// The table with that id.
    public func scoringTable(_ id: String) -> ScoringTable? { scoringTables.first { $0.id == id } }

    /// The most an appraiser may give an item: a criterion's points or a scoring item's maximum.
    public func maxPoints(of item: String) -> Double? {
        if let points = plan.criteria.first(where: { $0.id == item })?.points { return points }
        return scoringTables.lazy.compactMap { $0.item(item) }.first?.max
    }
}
