import ThiDuaBase

/// Comparing two targets by strictness, for directive floors: a plan's target is strong enough
/// when every value that meets it also meets the directive's.
extension Target {
    /// Whether every value meeting `self` also meets `floor`, for an indicator of `measure`.
    ///
    /// Works for both directions: `≥ 98` meets a floor of `≥ 95`; `≤ 3` (a rank) meets `≤ 5`;
    /// `= 100` meets `≥ 98`; `≥ 95` does not meet `≥ 98`, and `≤ 99` never meets a `≥` floor.
    /// Whole-number measures (count, rank, yes-no) compare as whole numbers, so `> 4` meets `≥ 5`.
    public func meets(_ floor: Target, measure: Measure?) -> Bool {
        let mine = TargetInterval(self, measure: measure)
        let theirs = TargetInterval(floor, measure: measure)
        if mine.isEmpty { return true }
        return TargetInterval.atLeastAsHigh(mine.lower, theirs.lower) && TargetInterval.atLeastAsLow(mine.upper, theirs.upper)
    }

    /// "≥ 98%", "≤ 3", "= 1": the target as printed in messages.
    public func vietnamese(measure: Measure?) -> String {
        "\(comparison.symbol) \(Numbers.vietnamese(value))" + (measure == .percent ? "%" : "")
    }
}

/// The values a target admits, as an interval with open or closed ends.
struct TargetInterval {
    typealias Bound = (value: Double, inclusive: Bool)
    var lower: Bound?
    var upper: Bound?

    init(_ target: Target, measure: Measure?) {
        let whole = measure == .count || measure == .rank || measure == .yesNo
        var v = target.value
        switch target.comparison {
        case .atLeast:
            if whole { v = v.rounded(.up) }
            lower = (v, true)
        case .greaterThan:
            lower = whole ? (v.rounded(.down) + 1, true) : (v, false)
        case .equal:
            lower = (v, true)
            upper = (v, true)
        case .atMost:
            if whole { v = v.rounded(.down) }
            upper = (v, true)
        case .lessThan:
            upper = whole ? (v.rounded(.up) - 1, true) : (v, false)
        }
        // The measure's own range closes the open ends: a percent is never above 100.
        let range: (Double?, Double?) =
            switch measure {
            case .percent: (0, 100)
            case .count: (0, nil)
            case .rank: (1, nil)
            case .yesNo: (0, 1)
            case .score, nil: (nil, nil)
            }
        if let low = range.0, lower == nil || lower!.value < low { lower = (low, true) }
        if let high = range.1, upper == nil || upper!.value > high { upper = (high, true) }
    }

    var isEmpty: Bool {
        guard let lower, let upper else { return false }
        return lower.value > upper.value || (lower.value == upper.value && !(lower.inclusive && upper.inclusive))
    }

    /// Whether lower bound `a` admits no value below what `b` admits.
    static func atLeastAsHigh(_ a: Bound?, _ b: Bound?) -> Bool {
        guard let b else { return true }
        guard let a else { return false }
        return a.value > b.value || (a.value == b.value && (!a.inclusive || b.inclusive))
    }

    /// Whether upper bound `a` admits no value above what `b` admits.
    static func atLeastAsLow(_ a: Bound?, _ b: Bound?) -> Bool {
        guard let b else { return true }
        guard let a else { return false }
        return a.value < b.value || (a.value == b.value && (!a.inclusive || b.inclusive))
    }
}
