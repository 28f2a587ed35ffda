import ThiDuaBase

/// Points counted in tenths, so that totals with one decimal add and compare exactly.
public struct ScorePoints: Hashable, Sendable, Comparable, Codable {
    public var tenths: Int

    public static let zero = ScorePoints(tenths: 0)

    public init(tenths: Int) { self.tenths = tenths }

    /// A written value (a maximum, a band edge, a score typed by a person), to the nearest tenth.
    public init(_ value: Double) { self.init(value, rounding: .halfUp) }

    /// A computed value brought to one decimal as the plan says. Binary noise within 1e-7 of a
    /// tenth or of a half-tenth is absorbed first (4,35 × 10 may come out as 43,4999…).
    public init(_ value: Double, rounding: ScoreRounding) {
        guard value.isFinite else {
            self.init(tenths: 0)
            return
        }
        let scaled = value * 10
        let floor = scaled.rounded(.down)
        let fraction = scaled - floor
        let epsilon = 1e-7
        let tenths: Double
        switch rounding {
        case .halfUp: tenths = fraction >= 0.5 - epsilon ? floor + 1 : floor
        case .down: tenths = fraction >= 1 - epsilon ? floor + 1 : floor
        case .up: tenths = fraction <= epsilon ? floor : floor + 1
        }
        self.init(tenths: Int(tenths))
    }

    public var value: Double { Double(tenths) / 10 }

    /// "87,5", "90" — Vietnamese decimal comma, no trailing ",0".
    public var vietnamese: String {
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10),\(a % 10)"
    }

    public static func < (a: ScorePoints, b: ScorePoints) -> Bool { a.tenths < b.tenths }
    public static func + (a: ScorePoints, b: ScorePoints) -> ScorePoints { ScorePoints(tenths: a.tenths + b.tenths) }
    public static func - (a: ScorePoints, b: ScorePoints) -> ScorePoints { ScorePoints(tenths: a.tenths - b.tenths) }
}
