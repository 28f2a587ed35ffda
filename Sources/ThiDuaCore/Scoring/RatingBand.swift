import ThiDuaBase

/// A rating band (mức xếp loại) by total: from `from` (inclusive) to `below` (exclusive; none:
/// no upper bound), with gates that cap the rating at a lower band when they fail.
public struct RatingBand: Hashable, Sendable, Codable {
    public var id: String
    /// "Hoàn thành xuất sắc".
    public var title: String
    public var from: Double
    public var below: Double?
    public var gates: [BandGate]

    public init(id: String, title: String, from: Double, below: Double? = nil, gates: [BandGate] = []) {
        self.id = id
        self.title = title
        self.from = from
        self.below = below
        self.gates = gates
    }

    enum CodingKeys: String, CodingKey { case id, title, from, below, gates }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        from = try c.decode(Double.self, forKey: .from)
        below = try c.decodeIfPresent(Double.self, forKey: .below)
        gates = try c.decodeIfPresent([BandGate].self, forKey: .gates) ?? []
    }

    /// Whether a total (in tenths) falls in the band.
    public func contains(_ total: ScorePoints) -> Bool {
        total >= ScorePoints(from) && (below.map { total < ScorePoints($0) } ?? true)
    }

    /// "từ 90 đến dưới 100 điểm", "từ 90 điểm trở lên".
    public var rangeText: String {
        let low = Numbers.vietnamese(from)
        guard let below else { return "từ \(low) điểm trở lên" }
        return "từ \(low) đến dưới \(Numbers.vietnamese(below)) điểm"
    }
}
