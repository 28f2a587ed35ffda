import ThiDuaBase

/// Who reviews, decides and is proposed to, when the plan's issuer is not the ward's UBND
/// (a Front committee, a Đảng ủy, the Đoàn, a Hội) or works through other bodies. Every key
/// is optional; a missing key keeps the UBND wording.
///
/// ```json
/// "awarding": {
///   "reviewingBody": {"name": "Ban Thường trực Ủy ban MTTQ Việt Nam phường Minh Xuân",
///                     "inText": "Ban Thường trực", "headerLine": "BAN THƯỜNG TRỰC", "symbol": "BTT"},
///   "upwardProposal": {"addressee": "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", "award": "Bằng khen"},
///   "decisionMaker": "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM PHƯỜNG MINH XUÂN",
///   "executors": "Các ban chuyên môn, tổ chức thành viên"
/// }
/// ```
public struct AwardingBodies: Codable, Sendable, Hashable {
    /// The body that meets to review (bình xét); the ward's Hội đồng Thi đua – Khen thưởng by default.
    public var reviewingBody: ReviewingBody?
    /// Whom the upward proposal goes to and for which award.
    public var upwardProposal: UpwardProposal?
    /// The line above a decision's body, in capitals: "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG …" by default.
    public var decisionMaker: String?
    /// Who carries out a decision (its last article), before "và các tập thể, cá nhân có tên tại Điều 1".
    public var executors: String?

    public init(
        reviewingBody: ReviewingBody? = nil, upwardProposal: UpwardProposal? = nil, decisionMaker: String? = nil,
        executors: String? = nil
    ) {
        self.reviewingBody = reviewingBody
        self.upwardProposal = upwardProposal
        self.decisionMaker = decisionMaker
        self.executors = executors
    }
}

/// The body that reviews the nominees and signs the minutes and the local tờ trình.
public struct ReviewingBody: Codable, Sendable, Hashable {
    /// Full name: "Hội đồng Thi đua – Khen thưởng phường Minh Xuân".
    public var name: String
    /// In running text: "Hội đồng Thi đua – Khen thưởng", "Ban Thường trực".
    public var inText: String?
    /// The header's issuer line, in capitals: "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG".
    public var headerLine: String?
    /// Its part of a symbol: "HĐTĐKT" ("BB-HĐTĐKT", "TTr-HĐTĐKT").
    public var symbol: String?
    /// Its chair's signature block: "TM. HỘI ĐỒNG" / "CHỦ TỊCH HỘI ĐỒNG".
    public var signerAuthority: String?
    public var signerTitle: String?

    public init(
        name: String, inText: String? = nil, headerLine: String? = nil, symbol: String? = nil, signerAuthority: String? = nil,
        signerTitle: String? = nil
    ) {
        self.name = name
        self.inText = inText
        self.headerLine = headerLine
        self.symbol = symbol
        self.signerAuthority = signerAuthority
        self.signerTitle = signerTitle
    }
}

/// The addressee of an upward tờ trình: "Chủ tịch Ủy ban nhân dân tỉnh" for a "Bằng khen" by default.
public struct UpwardProposal: Codable, Sendable, Hashable {
    /// "Chủ tịch Ủy ban nhân dân tỉnh", "Ban Thường vụ Đảng ủy".
    public var addressee: String
    /// "Bằng khen", "Giấy khen".
    public var award: String?

    public init(addressee: String, award: String? = nil) {
        self.addressee = addressee
        self.award = award
    }
}
