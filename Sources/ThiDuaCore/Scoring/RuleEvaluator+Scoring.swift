import ThiDuaBase

extension RuleEvaluator {
    /// The value of an indicator derived from a scoring table: the participant's total ÷ the
    /// table's maximum × 100, one decimal; nil when the sheet has no total. Not derived: nil, and
    /// `derived` false, so the reported value is used.
    func derivedValue(_ id: String, _ who: ParticipantRef?, in period: EvaluationPeriod) -> (derived: Bool, value: RecordedValue?) {
        if let aggregate = indicator(id)?.aggregate { return (true, combined(aggregate, in: period).value) }
        guard let tableID = indicator(id)?.source?.scoring else { return (false, nil) }
        guard let who, let table = facts.campaign.scoringTable(tableID), table.appliesTo == who.kind else { return (true, nil) }
        let sheet = facts.sheets.value(for: FactBase.SheetKey(table: table.id, participant: who, period: period)) {
            ScoringEngine(evaluator: RuleEvaluator(facts: facts, period: period)).sheet(table, for: who)
        }
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
