import ThiDuaBase

/// Graded bands on a share: the highest step reached gives its points (none reached: 0).
public struct GradedScore: Hashable, Sendable, Codable {
    public var source: ShareSource
    public var steps: [GradeStep]

    public init(source: ShareSource, steps: [GradeStep]) {
        self.source = source
        self.steps = steps
    }

    enum CodingKeys: String, CodingKey { case indicator, numerator, denominator, steps }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = ShareSource(
            indicator: try c.decodeIfPresent(String.self, forKey: .indicator),
            numerator: try c.decodeIfPresent(String.self, forKey: .numerator),
            denominator: try c.decodeIfPresent(String.self, forKey: .denominator))
        steps = try c.decode([GradeStep].self, forKey: .steps)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(source.indicator, forKey: .indicator)
        try c.encodeIfPresent(source.numerator, forKey: .numerator)
        try c.encodeIfPresent(source.denominator, forKey: .denominator)
        try c.encode(steps, forKey: .steps)
    }
}
