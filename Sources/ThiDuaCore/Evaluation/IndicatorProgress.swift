import ThiDuaBase

/// One indicator's progress against its target in a period, unit by unit, with the campaign-wide
/// figure when the plan has one: what the charts of the web pages draw.
///
/// Built from an `Evaluation` (per-unit indicators with a target) and the fact base (the units'
/// values behind a campaign-wide aggregate), so the pages compute nothing themselves.
public struct IndicatorProgress: Sendable, Hashable {
    /// One unit's value.
    public struct UnitValue: Sendable, Hashable {
        public var unit: String
        public var name: String
        public var value: Double?
        /// Against the target; `.missing` without a value.
        public var truth: Truth
    }

    public var indicator: String
    public var title: String
    public var measure: Measure
    public var target: Target?
    /// The campaign-wide value (a campaign indicator or the combination of the units' values).
    public var campaign: Double?
    public var campaignTruth: Truth?
    /// How the campaign-wide figure is combined ("bình quân «…» của 4/5 đơn vị đã báo cáo"), when it is.
    public var aggregateSentence: String?
    /// The units, in enrolment order; empty for a campaign indicator measured only as a whole.
    public var units: [UnitValue]

    /// Whether it is drawn as bars: shares, counts and scores (not ranks nor yes/no).
    public var isQuantity: Bool { measure == .percent || measure == .count || measure == .score }
}

extension Evaluator {
    /// Every indicator with a target: those measured on each unit, and the campaign's own (with
    /// the units' values behind a combined figure). People's indicators are not included.
    public func progress(_ evaluation: Evaluation) -> [IndicatorProgress] {
        let period = evaluation.period
        let roster = facts.roster
        var out: [IndicatorProgress] = []
        let units = evaluation.standings.filter { $0.participant.kind == .collective }
        for indicator in plan.indicators where indicator.target != nil {
            switch indicator.scope ?? .campaign {
            case .collective:
                let values = units.map { standing -> IndicatorProgress.UnitValue in
                    let result = standing.indicators.first { $0.indicator == indicator.id }
                    return IndicatorProgress.UnitValue(
                        unit: standing.participant.id, name: standing.name, value: result?.value, truth: result?.truth ?? .missing)
                }
                out.append(
                    IndicatorProgress(
                        indicator: indicator.id, title: indicator.title, measure: indicator.measure, target: indicator.target,
                        campaign: nil, campaignTruth: nil, aggregateSentence: nil, units: values))
            case .campaign:
                let whole = evaluation.indicators.first { $0.indicator == indicator.id }
                var values: [IndicatorProgress.UnitValue] = []
                var sentence: String?
                if let aggregate = indicator.aggregate {
                    let figure = RuleEvaluator(facts: facts, period: period).combined(aggregate, in: period)
                    sentence = figure.sentence(roster: roster)
                    values = facts.enrolledUnits.map { id in
                        let ref = ParticipantRef.unit(id)
                        let value = facts.value(aggregate.of, for: ref, in: period)?.value
                        // Each unit against the ward's target, to show who pulls the figure down.
                        let truth: Truth =
                            value.map { v in indicator.target.map { $0.comparison.holds(v, $0.value) ? .met : .notMet } ?? .missing }
                            ?? .missing
                        return IndicatorProgress.UnitValue(unit: id, name: ref.name(in: roster), value: value, truth: truth)
                    }
                }
                out.append(
                    IndicatorProgress(
                        indicator: indicator.id, title: indicator.title, measure: indicator.measure, target: indicator.target,
                        campaign: whole?.value, campaignTruth: whole?.truth, aggregateSentence: sentence, units: values))
            case .individual:
                continue
            }
        }
        return out
    }
}
