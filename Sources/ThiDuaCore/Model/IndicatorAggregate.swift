import ThiDuaBase

/// How per-unit values are combined into one figure for the whole ward or commune.
public enum AggregateMethod: String, Codable, Sendable, CaseIterable, KeywordEnum {
    /// Σ v: counts (adults, households, models).
    case sum
    /// Σ v ÷ n: the plain average of the units that reported.
    case mean
    /// Σ v·w ÷ Σ w: shares weighted by each unit's base (its adult population, its households).
    case weighted

    /// How the explanation names it: "tổng", "bình quân", "bình quân gia quyền".
    public var vietnamese: String {
        switch self {
        case .sum: "tổng"
        case .mean: "bình quân"
        case .weighted: "bình quân gia quyền"
        }
    }
}

/// A campaign-wide indicator combined from the enrolled units' values of another indicator
/// (`"aggregate": {"of": "ty-le-thon", "by": "weighted", "weight": "nguoi-truong-thanh"}`).
public struct IndicatorAggregate: Hashable, Sendable, Codable {
    /// The per-unit indicator (scope `collective`) whose values are combined.
    public var of: String
    public var by: AggregateMethod
    /// For `weighted`: the per-unit indicator giving each unit's base.
    public var weight: String?
    /// For `weighted`, instead of `weight`: a figure of the roster's units (`unitFigures`, a
    /// column of the units file such as "Số hộ") giving each unit's base.
    public var rosterWeight: String?
    /// How explanations and reports name the roster figure ("Số hộ"); its id when absent.
    public var weightTitle: String?
    /// The share of enrolled units, in percent, that must have reported for the figure to exist;
    /// 50 when absent ("most units reported").
    public var minReported: Double?

    public init(of: String, by: AggregateMethod, weight: String? = nil, minReported: Double? = nil) {
        self.of = of
        self.by = by
        self.weight = weight
        self.minReported = minReported
    }
}
