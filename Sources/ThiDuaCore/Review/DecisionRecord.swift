import ThiDuaBase

/// One line of an award decision: who, which award, and the money.
public struct DecisionLine: Hashable, Sendable, Codable {
    public var participant: ParticipantRef
    /// Name as printed, kept so the decision reads the same if the roster changes later.
    public var name: String
    /// The person's position and unit, or the unit's kind, as printed.
    public var detail: String
    public var award: String
    /// Amount in đồng; nil for upward proposals (the higher level pays).
    public var amount: Int?
    public var amountInWords: String?
    /// "0,3 × 2.340.000 (Nghị định 152/2025/NĐ-CP)".
    public var basis: String?

    public init(
        participant: ParticipantRef, name: String, detail: String, award: String, amount: Int? = nil,
        amountInWords: String? = nil, basis: String? = nil
    ) {
        self.participant = participant
        self.name = name
        self.detail = detail
        self.award = award
        self.amount = amount
        self.amountInWords = amountInWords
        self.basis = basis
    }
}

/// An award decision (quyết định khen thưởng) or an upward proposal (tờ trình), as journaled.
public struct DecisionRecord: Hashable, Sendable, Codable {
    public var period: String
    /// The signing day: the money follows the decree and base salary in force on it.
    public var date: CivilDate
    /// "35/QĐ-UBND"; nil while a draft number.
    public var number: String?
    /// The review whose outcome it follows.
    public var review: String?
    /// Proposed upward rather than granted here.
    public var upward: Bool
    public var lines: [DecisionLine]
    /// Sum of the amounts, đồng.
    public var total: Int
    public var totalInWords: String?
    /// Nominees approved by the council but left out, with why (quota).
    public var leftOut: [String]

    public init(
        period: String, date: CivilDate, number: String?, review: String?, upward: Bool, lines: [DecisionLine],
        total: Int, totalInWords: String?, leftOut: [String]
    ) {
        self.period = period
        self.date = date
        self.number = number
        self.review = review
        self.upward = upward
        self.lines = lines
        self.total = total
        self.totalInWords = totalInWords
        self.leftOut = leftOut
    }
}
