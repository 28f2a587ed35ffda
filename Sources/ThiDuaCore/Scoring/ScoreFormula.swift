import ThiDuaBase

/// Share × max (`{"numerator": …, "denominator": …}` or `{"indicator": …}`), or, with
/// `thresholds`, the points of the first threshold that holds (none: 0).
public struct ScoreFormula: Hashable, Sendable, Codable {
    public var source: ShareSource
    public var thresholds: [ScoreThreshold]?

    public init(source: ShareSource, thresholds: [ScoreThreshold]? = nil) {
        self.source = source
        self.thresholds = thresholds
    }

    enum CodingKeys: String, CodingKey { case indicator, numerator, denominator, thresholds }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try ShareSource(from: c, indicator: .indicator, numerator: .numerator, denominator: .denominator)
        thresholds = try c.decodeIfPresent([ScoreThreshold].self, forKey: .thresholds)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try source.encode(into: &c, indicator: .indicator, numerator: .numerator, denominator: .denominator)
        try c.encodeIfPresent(thresholds, forKey: .thresholds)
    }
}
