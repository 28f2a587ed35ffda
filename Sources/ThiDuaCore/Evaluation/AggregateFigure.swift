import ThiDuaBase

/// A campaign-wide figure combined from the units' values, with what went into it.
public struct AggregateFigure: Sendable, Hashable {
    public var aggregate: IndicatorAggregate
    /// The combined value; nil when too few units reported (or the weights sum to zero).
    public var value: RecordedValue?
    /// Units with a value (and a weight, when weighted), in enrolment order.
    public var reported: [ParticipantRef]
    /// Enrolled units without one.
    public var missing: [ParticipantRef]
    /// The title of the per-unit indicator and of the weight, for the explanation.
    public var ofTitle: String
    public var weightTitle: String?

    /// Units enrolled.
    public var expected: Int { reported.count + missing.count }

    /// "bình quân gia quyền «Tỷ lệ … của thôn» theo «Số người trưởng thành», 4/5 đơn vị đã báo cáo
    /// (chưa báo cáo: Thôn Đông)".
    /// Official documents quote with “”; explanations with «».
    public func sentence(roster: Roster, official: Bool = false) -> String {
        func quoted(_ s: String) -> String { official ? "“\(s)”" : "«\(s)»" }
        let weight = weightTitle.map { " theo \(quoted($0))" } ?? ""
        var text = "\(aggregate.by.vietnamese) \(quoted(ofTitle))\(weight) của \(reported.count)/\(expected) đơn vị đã báo cáo"
        if !missing.isEmpty {
            text +=
                " (chưa báo cáo: " + missing.prefix(10).map { $0.name(in: roster) }.joined(separator: ", ")
                + (missing.count > 10 ? " và \(missing.count - 10) đơn vị khác" : "") + ")"
        }
        if value == nil, expected > 0 {
            text += "; chưa đủ \(Numbers.vietnamese(aggregate.minReported ?? 50))% số đơn vị báo cáo nên chưa tính"
        }
        return text
    }
}

extension RuleEvaluator {
    /// The aggregate of an indicator over the enrolled units for a period: sum, mean, or mean
    /// weighted by each unit's base. A unit without a value (or, weighted, without a weight) is
    /// left out and named; nothing missing is read as zero. Kept unrounded, so a target is
    /// compared with the exact figure; printing rounds.
    public func combined(_ aggregate: IndicatorAggregate, in period: EvaluationPeriod) -> AggregateFigure {
        var reported: [ParticipantRef] = []
        var missing: [ParticipantRef] = []
        var sum = 0.0
        var weights = 0.0
        var seq = 0
        for id in facts.enrolledUnits {
            let unit = ParticipantRef.unit(id)
            guard let value = facts.value(aggregate.of, for: unit, in: period) else {
                missing.append(unit)
                continue
            }
            var weight = 1.0
            if aggregate.by == .weighted, let figure = aggregate.rosterWeight {
                // The base is the unit's figure in the roster (số hộ, dân số), not a reported value.
                guard let base = facts.roster.units.first(where: { $0.id == id })?.figures?[figure], base >= 0 else {
                    missing.append(unit)
                    continue
                }
                weight = base
            } else if aggregate.by == .weighted {
                guard let base = aggregate.weight.flatMap({ facts.value($0, for: unit, in: period) }), base.value >= 0 else {
                    missing.append(unit)
                    continue
                }
                weight = base.value
                seq = max(seq, base.seq)
            }
            reported.append(unit)
            sum += value.value * weight
            weights += weight
            seq = max(seq, value.seq)
        }
        var figure = AggregateFigure(
            aggregate: aggregate, value: nil, reported: reported, missing: missing, ofTitle: title(aggregate.of),
            weightTitle: aggregate.by == .weighted
                ? aggregate.rosterWeight.map { aggregate.weightTitle ?? $0 } ?? aggregate.weight.map(title) : nil)
        let expected = reported.count + missing.count
        let needed = (aggregate.minReported ?? 50) / 100 * Double(expected)
        guard !reported.isEmpty, Double(reported.count) >= needed else { return figure }
        let result: Double
        switch aggregate.by {
        case .sum: result = sum
        case .mean: result = sum / Double(reported.count)
        case .weighted:
            guard weights > 0 else { return figure }
            result = sum / weights
        }
        figure.value = RecordedValue(value: result, seq: seq, form: "aggregate:\(aggregate.of)", derived: true)
        return figure
    }

    /// The aggregate behind a campaign indicator, when it has one.
    public func aggregateFigure(_ id: String) -> AggregateFigure? {
        indicator(id)?.aggregate.map { combined($0, in: period) }
    }
}
