import ThiDuaBase

/// A points table (bảng chấm điểm): blocks of items with a maximum each, bonus and deduction
/// items with caps, rating bands by total, and the tie-break chain of the ranking.
///
/// Written in a campaign file under `scoring`, or in a type's catalogue (`scoring` of the
/// definition) and brought in by an indicator whose `source` names it. All points are kept in
/// tenths (`ScorePoints`), so totals with one decimal add up exactly.
public struct ScoringTable: Hashable, Sendable, Codable {
    public var id: String
    /// "Bảng chấm điểm thi đua các tổ dân phố năm 2026".
    public var title: String
    /// Who is scored on it; collectives by default.
    public var appliesTo: ParticipantKind
    public var blocks: [ScoringBlock]
    /// Caps on the sum of every block's bonus and deduction.
    public var maxBonus: Double?
    public var maxDeduction: Double?
    /// How a point computed by a formula is brought to one decimal.
    public var rounding: ScoreRounding
    /// What counts when a participant sent no self-score at all.
    public var withoutSelfScore: MissingSelfScore
    /// Whether the standings of `appliesTo` are ranked by this table's total.
    public var ranking: Bool
    public var bands: [RatingBand]
    /// Which band wins where two overlap; nil makes an overlap an error.
    public var overlapWins: BandOverlap?
    /// After the total, in order: a block's score, fewer deductions, the council's vote.
    public var tieBreak: [TieBreakStep]
    /// The plan's own sentences about the table (how it is scored), printed on the sheet.
    public var text: [String]?

    public init(
        id: String, title: String, appliesTo: ParticipantKind = .collective, blocks: [ScoringBlock], maxBonus: Double? = nil,
        maxDeduction: Double? = nil, rounding: ScoreRounding = .halfUp, withoutSelfScore: MissingSelfScore = .unrated,
        ranking: Bool = false, bands: [RatingBand] = [], overlapWins: BandOverlap? = nil, tieBreak: [TieBreakStep] = [],
        text: [String]? = nil
    ) {
        self.id = id
        self.title = title
        self.appliesTo = appliesTo
        self.blocks = blocks
        self.maxBonus = maxBonus
        self.maxDeduction = maxDeduction
        self.rounding = rounding
        self.withoutSelfScore = withoutSelfScore
        self.ranking = ranking
        self.bands = bands
        self.overlapWins = overlapWins
        self.tieBreak = tieBreak
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case id, title, appliesTo, blocks, maxBonus, maxDeduction, rounding, withoutSelfScore, ranking, bands, overlapWins
        case tieBreak, text
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        appliesTo = try c.decodeIfPresent(ParticipantKind.self, forKey: .appliesTo) ?? .collective
        blocks = try c.decode([ScoringBlock].self, forKey: .blocks)
        maxBonus = try c.decodeIfPresent(Double.self, forKey: .maxBonus)
        maxDeduction = try c.decodeIfPresent(Double.self, forKey: .maxDeduction)
        rounding = try c.decodeIfPresent(ScoreRounding.self, forKey: .rounding) ?? .halfUp
        withoutSelfScore = try c.decodeIfPresent(MissingSelfScore.self, forKey: .withoutSelfScore) ?? .unrated
        ranking = try c.decodeIfPresent(Bool.self, forKey: .ranking) ?? false
        bands = try c.decodeIfPresent([RatingBand].self, forKey: .bands) ?? []
        overlapWins = try c.decodeIfPresent(BandOverlap.self, forKey: .overlapWins)
        tieBreak = try c.decodeIfPresent([TieBreakStep].self, forKey: .tieBreak) ?? []
        text = try c.decodeIfPresent([String].self, forKey: .text)
    }

    /// Every item of every block, in order.
    public var items: [ScoringItem] { blocks.flatMap(\.items) }

    /// The item with that id.
    public func item(_ id: String) -> ScoringItem? { items.first { $0.id == id } }

    /// The sum of the scored items' maxima (bonus and deduction excluded): the "thang điểm".
    public var maxTotal: ScorePoints { blocks.reduce(.zero) { $0 + $1.maxScore } }

    /// Items a participant scores or answers on the self-assessment form (attested points and yes/no gates).
    public var selfScoredItems: [ScoringItem] { items.filter(\.isSelfScored) }
}
