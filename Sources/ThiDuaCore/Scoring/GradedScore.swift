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
        source = try ShareSource(from: c, indicator: .indicator, numerator: .numerator, denominator: .denominator)
        steps = try c.decode([GradeStep].self, forKey: .steps)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try source.encode(into: &c, indicator: .indicator, numerator: .numerator, denominator: .denominator)
        try c.encode(steps, forKey: .steps)
    }
}
