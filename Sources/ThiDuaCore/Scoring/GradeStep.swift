import ThiDuaBase

/// One step of a graded item: a share from `from` (inclusive) gives `points`.
public struct GradeStep: Hashable, Sendable, Codable {
    public var from: Double
    public var points: Double

    public init(from: Double, points: Double) {
        self.from = from
        self.points = points
    }
}
