import ThiDuaBase

/// How an indicator is measured.
public enum Measure: String, Codable, Sendable, CaseIterable {
    /// A share from 0 to 100.
    case percent
    /// A whole count (models registered, meetings held).
    case count
    /// A score or index (Chỉ số CCHC points).
    case score
    /// Done or not done.
    case yesNo = "yes-no"
    /// A rank in a ranking (1 is best).
    case rank
}

/// How a value is compared with a target.
public enum Comparison: String, Codable, Sendable, CaseIterable {
    case atLeast = ">="
    case greaterThan = ">"
    case equal = "="
    case atMost = "<="
    case lessThan = "<"

    /// The sign as printed: "≥", "≤".
    public var symbol: String {
        switch self {
        case .atLeast: "≥"
        case .greaterThan: ">"
        case .equal: "="
        case .atMost: "≤"
        case .lessThan: "<"
        }
    }

    /// Whether `value` meets `target` under this comparison.
    public func holds(_ value: Double, _ target: Double) -> Bool {
        switch self {
        case .atLeast: value >= target
        case .greaterThan: value > target
        case .equal: value == target
        case .atMost: value <= target
        case .lessThan: value < target
        }
    }
}

/// A target: "≥ 98%".
public struct Target: Hashable, Sendable, Codable {
    public var comparison: Comparison
    public var value: Double

    public init(_ comparison: Comparison, _ value: Double) {
        self.comparison = comparison
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case comparison = "op"
        case value
    }
}

/// Who an indicator is measured on.
public enum IndicatorScope: String, Codable, Sendable, CaseIterable {
    /// The ward as a whole (the plan's own targets).
    case campaign
    /// Each participating unit.
    case collective
    /// Each participating person.
    case individual
}

/// A measured quantity with a target (chỉ tiêu).
public struct Indicator: Hashable, Sendable, Codable {
    public var id: String
    /// Short name: "Hồ sơ TTHC giải quyết đúng hạn".
    public var title: String
    public var measure: Measure
    public var target: Target?
    public var scope: IndicatorScope?
    /// The type's catalogue entry this indicator selects, when it comes from the catalogue.
    public var catalogue: String?
    /// The field or area it belongs to.
    public var field: String?
    /// The plan's sentence for it, when the indicator stands alone in the text.
    public var text: String?
    /// Where its value comes from when it is not reported: a scoring table (`{"scoring": "<id>"}`).
    public var source: IndicatorSource?
    /// A campaign-wide figure combined from the units' values of another indicator.
    public var aggregate: IndicatorAggregate?

    public init(
        id: String, title: String, measure: Measure, target: Target? = nil, scope: IndicatorScope? = nil,
        catalogue: String? = nil, field: String? = nil, text: String? = nil, source: IndicatorSource? = nil,
        aggregate: IndicatorAggregate? = nil
    ) {
        self.source = source
        self.aggregate = aggregate
        self.id = id
        self.title = title
        self.measure = measure
        self.target = target
        self.scope = scope
        self.catalogue = catalogue
        self.field = field
        self.text = text
    }
}

/// Where a derived indicator's value comes from.
public struct IndicatorSource: Hashable, Sendable, Codable {
    /// A scoring table's id: the value is the participant's total ÷ the table's maximum × 100.
    public var scoring: String

    public init(scoring: String) { self.scoring = scoring }
}
