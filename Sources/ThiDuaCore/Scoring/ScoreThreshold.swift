import ThiDuaBase

/// A fixed number of points when a comparison holds: "đạt 100% → 5 điểm".
public struct ScoreThreshold: Hashable, Sendable, Codable {
    public var comparison: Comparison
    public var value: Double
    public var points: Double

    public init(_ comparison: Comparison, _ value: Double, points: Double) {
        self.comparison = comparison
        self.value = value
        self.points = points
    }

    enum CodingKeys: String, CodingKey {
        case comparison = "op"
        case value, points
    }
}
