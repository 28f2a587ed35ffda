import ThiDuaCore

/// Numbers as Vietnamese officials write them on the charts: a comma before the decimals, dots
/// between thousands ("1.250", "85,5%"), one decimal at most.
enum ChartNumber {
    /// 85.5 → "85,5"; 1250 → "1.250"; 1250.25 → "1.250,3"; 90 → "90".
    static func decimal(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return "—" }
        // Past what an Int holds exactly, the plain form is as good as any.
        guard abs(value) < 1e15 else { return Numbers.vietnamese(value, maxFractionDigits: digits) }
        var power = 1
        for _ in 0..<digits { power *= 10 }
        let scaled = Int((abs(value) * Double(power)).rounded())
        let whole = scaled / power
        var fraction = digits > 0 ? String(scaled % power) : ""
        while fraction.count < digits { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return sign + Numbers.grouped(whole) + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// A value in its measure: "85,5%", "12", "86,5 điểm", "hạng 3", "có".
    static func value(_ value: Double, _ measure: Measure) -> String {
        switch measure {
        case .percent: decimal(value) + "%"
        case .score: decimal(value) + " điểm"
        case .count: decimal(value)
        case .rank: "hạng " + decimal(value, digits: 0)
        case .yesNo: value != 0 ? "có" : "không"
        }
    }

    /// A target as the plan states it: "≥ 80%".
    static func target(_ target: Target, _ measure: Measure) -> String {
        "\(target.comparison.symbol) \(value(target.value, measure))"
    }

    /// The top of a value axis: a round number at or above `value` (1, 2, 2,5 or 5 × a power of ten).
    static func niceCeiling(_ value: Double) -> Double {
        guard value.isFinite, value > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for step in [1.0, 2, 2.5, 5, 10] where step * power >= value {
            return step * power
        }
        return 10 * power
    }
}
