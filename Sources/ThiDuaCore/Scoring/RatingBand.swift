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

/// A condition a band requires; when it fails the rating is capped at `otherwise`.
///
/// One condition per gate: `noZeroItem` (no scored item at 0 points), `item` (a yes/no item of
/// the table answered yes), or `rule` (any rule of the plan).
public struct BandGate: Hashable, Sendable, Codable {
    /// The plan's words: "Không có tiêu chí nào bị 0 điểm".
    public var text: String
    public var noZeroItem: Bool?
    public var item: String?
    public var rule: Rule?
    /// The band the rating is capped at when the gate fails; nil: no band ("không xếp loại").
    public var otherwise: String?

    public init(text: String, noZeroItem: Bool? = nil, item: String? = nil, rule: Rule? = nil, otherwise: String? = nil) {
        self.text = text
        self.noZeroItem = noZeroItem
        self.item = item
        self.rule = rule
        self.otherwise = otherwise
    }
}

/// One step of the tie-break chain, after the total.
public struct TieBreakStep: Hashable, Sendable, Codable {
    public enum By: String, Codable, Sendable, CaseIterable, KeywordEnum {
        /// Higher score on the named block.
        case block
        /// Fewer deduction points.
        case fewerDeductions = "fewer-deductions"
        /// More agreeing votes (share of those voting) at the council's last closed review.
        case councilVote = "council-vote"
    }

    public var by: By
    public var block: String?

    public init(_ by: By, block: String? = nil) {
        self.by = by
        self.block = block
    }

    /// "điểm phần «…» cao hơn", "ít điểm trừ hơn", "tỷ lệ phiếu đồng ý của Hội đồng cao hơn".
    public func vietnamese(in table: ScoringTable) -> String {
        switch by {
        case .block:
            let title = table.blocks.first { $0.id == block }?.title ?? block ?? ""
            return "điểm phần «\(title)» cao hơn"
        case .fewerDeductions: return "ít điểm trừ hơn"
        case .councilVote: return "tỷ lệ phiếu đồng ý của Hội đồng cao hơn"
        }
    }
}
