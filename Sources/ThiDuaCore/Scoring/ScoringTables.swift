/// The scoring tables a campaign uses: the plan's own, then the type's catalogue tables that an
/// indicator's `source` names and the plan does not redefine.
public enum ScoringTables {
    public static func effective(plan: CampaignPlan, definition: CampaignTypeDefinition) -> [ScoringTable] {
        var tables = plan.scoring
        let named = plan.indicators.compactMap(\.source?.scoring)
        for table in definition.scoring ?? [] where named.contains(table.id) && !tables.contains(where: { $0.id == table.id }) {
            tables.append(table)
        }
        return tables
    }
}

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

extension RuleEvaluator {
    /// The value of an indicator derived from a scoring table: the participant's total ÷ the
    /// table's maximum × 100, one decimal; nil when the sheet has no total. Not derived: nil, and
    /// `derived` false, so the reported value is used.
    func derivedValue(_ id: String, _ who: ParticipantRef?, in period: EvaluationPeriod) -> (derived: Bool, value: RecordedValue?) {
        guard let tableID = indicator(id)?.source?.scoring else { return (false, nil) }
        guard let who, let table = facts.campaign.scoringTable(tableID), table.appliesTo == who.kind else { return (true, nil) }
        let engine = ScoringEngine(evaluator: RuleEvaluator(facts: facts, period: period))
        let sheet = engine.sheet(table, for: who)
        guard let index = sheet.index else { return (true, nil) }
        let seq = sheet.items.compactMap { facts.assessment(of: $0.id, by: who, in: period)?.seq }.max() ?? 0
        return (true, RecordedValue(value: index, seq: seq, form: "scoring:\(table.id)"))
    }

    /// Last period's value of a derived indicator: computed from last period's sheet, else the
    /// value declared on this period's rows (a unit's "Chỉ số năm trước").
    func derivedPrevious(_ id: String, _ who: ParticipantRef?, in period: EvaluationPeriod) -> (derived: Bool, value: RecordedValue?) {
        let (derived, computed) = derivedValue(id, who, in: period.previous)
        guard derived else { return (false, nil) }
        if let computed { return (true, computed) }
        return (true, facts.previousValue(id, for: who, in: period).map(\.0))
    }
}
